/**
 * "Call Settings For Me" payloads as ../shared/contracts/webex-me-lines.openapi.json defines them:
 * my endpoints with their secondary lines, the preferred answer endpoint, and my call-queue agent
 * settings. Two faults in Cisco's file (its info.x-source lists them) are handled here on purpose:
 * `memberType` is read as any string (the examples use VIRTUAL_LINE, the enum says PEOPLE | PLACE),
 * and the PUT body is the schema's `preferredAnswerEndpointId`, not the example's `id`.
 */
import { z } from 'zod';

export const WebexSecondaryLine = z.looseObject({ id: z.string(), memberType: z.string() });
export type WebexSecondaryLine = z.infer<typeof WebexSecondaryLine>;

export const WebexEndpoint = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  autoAndForcedAnswerEnabled: z.boolean(),
  ownerId: z.string().optional(),
  ownerType: z.string().optional(),
  secondaryLines: z.array(WebexSecondaryLine).optional(),
  mobilitySettings: z.looseObject({ phoneNumber: z.string().optional(), alertingEnabled: z.boolean().optional() }).optional(),
});
export type WebexEndpoint = z.infer<typeof WebexEndpoint>;

export const WebexEndpointList = z.looseObject({ endpoints: z.array(WebexEndpoint) });

/** "If a preferred endpoint is not set for the person, API returns empty": every field may be missing. */
export const WebexPreferredEndpoint = z.looseObject({ id: z.string().nullish(), type: z.string().optional(), name: z.string().optional() });

export const AgentAcdState = z.enum(['SIGN_IN', 'SIGN_OUT', 'AVAILABLE', 'UNAVAILABLE', 'WRAP_UP']);
export type AgentAcdState = z.infer<typeof AgentAcdState>;

export const WebexQueue = z.looseObject({
  id: z.string(),
  hasCxEssentials: z.boolean().optional(),
  available: z.boolean().optional(),
  skillLevel: z.number().optional(),
  phoneNumber: z.string().optional(),
  extension: z.string().optional(),
  allowLogOffEnabled: z.boolean(),
});
export type WebexQueue = z.infer<typeof WebexQueue>;

export const WebexQueueSettings = z.looseObject({
  agentACDState: AgentAcdState.optional(),
  queues: z.array(WebexQueue).optional(),
});
export type WebexQueueSettings = z.infer<typeof WebexQueueSettings>;

export interface QueueSettingsPut {
  agentACDState?: AgentAcdState;
  queues?: Array<{ id: string; available: boolean }>;
}

export const WebexPersonName = z.looseObject({ id: z.string(), displayName: z.string().optional() });
export const WebexPersonNames = z.looseObject({ items: z.array(WebexPersonName) });
