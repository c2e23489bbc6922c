import { z } from 'zod';
import { channel, Done, None } from './channel.js';

/** One of my endpoints (a desk phone, Webex App, a mobile …), as "Use device" lists it. */
export const Device = z.object({
  id: z.string(),
  name: z.string(),
  /** Webex's autoAndForcedAnswerEnabled: CallDeck can answer, hold and resume on it. */
  remoteAnswer: z.boolean(),
  /** Ids of the secondary lines this device carries. */
  lines: z.array(z.string()),
});
export type Device = z.infer<typeof Device>;

/** My own line (id "me") or a secondary line on one of my devices, named by its owner. */
export const PhoneLine = z.object({ id: z.string(), name: z.string(), own: z.boolean() });
export type PhoneLine = z.infer<typeof PhoneLine>;

export const OWN_LINE_ID = 'me';

export const AgentState = z.enum(['SIGN_IN', 'SIGN_OUT', 'AVAILABLE', 'UNAVAILABLE', 'WRAP_UP']);
export type AgentState = z.infer<typeof AgentState>;

export const QueueItem = z.object({
  id: z.string(),
  /** The queue's extension, else its number: Webex gives queues no name here. */
  label: z.string(),
  available: z.boolean(),
  /** Webex's allowLogOffEnabled: whether the agent may join or leave it. */
  canChange: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** Call-queue agent settings for one line. */
export const LineQueues = z.object({
  lineId: z.string(),
  lineName: z.string(),
  state: AgentState.nullable(),
  queues: z.array(QueueItem),
});
export type LineQueues = z.infer<typeof LineQueues>;

export const DevicesInfo = z.object({
  /** False until the first load finished (or where the line has no devices API). */
  loaded: z.boolean(),
  devices: z.array(Device),
  chosenId: z.string().nullable(),
  preferredId: z.string().nullable(),
  lines: z.array(PhoneLine),
  queues: z.array(LineQueues),
  /** Why devices could not be read, if they could not. */
  problem: z.string().optional(),
});
export type DevicesInfo = z.infer<typeof DevicesInfo>;

const LineId = z.string().min(1).max(512);

export const devicesChannels = {
  'devices:get': channel(None, DevicesInfo),
  /** makePreferred: also make it Webex's preferred answer endpoint. */
  'devices:choose': channel(z.object({ endpointId: z.string().min(1).max(512), makePreferred: z.boolean().optional() }), Done),
  /** Moves my active call to the chosen device. */
  'devices:pull': channel(None, z.object({ callId: z.string() })),
  /** Assistant → executive, for a call on an executive's line. */
  'devices:push': channel(z.object({ callId: z.string().min(1).max(512) }), Done),
  'devices:setAgentState': channel(z.object({ lineId: LineId.optional(), state: AgentState }), Done),
  'devices:setQueue': channel(z.object({ lineId: LineId.optional(), queueId: z.string().min(1).max(512), available: z.boolean() }), Done),
} as const;

export const devicesEvents = {
  'devices:changed': DevicesInfo,
} as const;
