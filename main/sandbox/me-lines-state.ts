/**
 * The built-in line's "Call Settings For Me" (contract: webex-me-lines.openapi.json): the user's
 * three endpoints, the preferred answer endpoint, call-queue agent settings, and a manager's line
 * that appears on the desk phone as a secondary line. The manager's line is a whole line of its
 * own (its own calls, its own ids), so a call on it is simply not found on the user's line: acting
 * on it without its lineOwnerId gets 404, as Webex answers for a resource that does not exist.
 */
import type { Clock } from '../core/ports.js';
import { createLineControl, type LineControl } from './control.js';
import { DIRECTORY, personId } from './directory.js';
import { createLine, type Line } from './line.js';

const id = (kind: string, name: string) => Buffer.from(`ciscospark://us/${kind}/SANDBOX/${name}`).toString('base64url');

export const DESK_PHONE_ID = id('DEVICE', 'desk-phone');
export const WEBEX_APP_ID = id('APPLICATION', 'webex-app');
export const MOBILE_ID = id('DEVICE', 'webex-go-mobile');

const MANAGER = DIRECTORY.find((p) => p.key === 'emma')!;
/** The manager whose line the receptionist covers; a person, so People names the line. */
export const MANAGER_ID = personId(MANAGER);
const MY_ID = personId(DIRECTORY[0]!);

export interface SandboxEndpoint {
  readonly id: string;
  readonly type: 'CALLING_DEVICE' | 'APPLICATION';
  /** availablePreferredAnswerEndpoints' DeviceType. */
  readonly deviceType: 'DEVICE' | 'APPLICATION';
  readonly name: string;
  readonly autoAndForcedAnswerEnabled: boolean;
  /** Owners of the secondary lines this endpoint carries. */
  readonly secondaryLines: readonly string[];
  readonly mobileNumber?: string;
}

export const ENDPOINTS: readonly SandboxEndpoint[] = [
  { id: DESK_PHONE_ID, type: 'CALLING_DEVICE', deviceType: 'DEVICE', name: 'Desk phone 8865', autoAndForcedAnswerEnabled: true, secondaryLines: [MANAGER_ID] },
  { id: WEBEX_APP_ID, type: 'APPLICATION', deviceType: 'APPLICATION', name: 'Webex App', autoAndForcedAnswerEnabled: true, secondaryLines: [] },
  {
    id: MOBILE_ID,
    type: 'CALLING_DEVICE',
    deviceType: 'DEVICE',
    name: 'Mobile (Webex Go)',
    autoAndForcedAnswerEnabled: false,
    secondaryLines: [],
    mobileNumber: '+14155550199',
  },
];

export type AgentState = 'SIGN_IN' | 'SIGN_OUT' | 'AVAILABLE' | 'UNAVAILABLE' | 'WRAP_UP';

export interface SandboxQueue {
  readonly id: string;
  readonly available: boolean;
  readonly extension?: string;
  readonly phoneNumber?: string;
  readonly allowLogOffEnabled: boolean;
}

export interface QueueBook {
  readonly agentACDState: AgentState;
  readonly queues: readonly SandboxQueue[];
}

function initialQueues(owner: 'me' | 'manager'): QueueBook {
  if (owner === 'manager') {
    return {
      agentACDState: 'SIGN_OUT',
      queues: [{ id: id('CALL_QUEUE', 'executive'), available: false, extension: '2500', allowLogOffEnabled: true }],
    };
  }
  return {
    agentACDState: 'AVAILABLE',
    queues: [
      { id: id('CALL_QUEUE', 'support'), available: true, extension: '2200', phoneNumber: '+14155550220', allowLogOffEnabled: true },
      // "allowLogOffEnabled: Determines whether a queue can be joined or not."
      { id: id('CALL_QUEUE', 'billing'), available: true, extension: '2300', allowLogOffEnabled: false },
    ],
  };
}

export interface MeLinesOptions {
  clock: Clock;
  parkRecallMs: number;
  noAnswerMs: number;
  /** False: a user whose devices carry only their own line (no manager's line). Default true. */
  secondaryLines?: boolean;
}

export type MeLines = ReturnType<typeof createMeLines>;

export function createMeLines(opts: MeLinesOptions) {
  const withManager = opts.secondaryLines ?? true;
  const endpoints: readonly SandboxEndpoint[] = withManager ? ENDPOINTS : ENDPOINTS.map((e) => ({ ...e, secondaryLines: [] }));
  const managerLine: Line = createLine({
    clock: opts.clock,
    parkRecallMs: opts.parkRecallMs,
    noAnswerMs: opts.noAnswerMs,
    me: { name: MANAGER.displayName, number: MANAGER.extension, privacyEnabled: false, callType: 'location' },
    // Far from the user's own line's ids, so no id is ever valid on both.
    firstSeq: 500_000,
    endpointIds: ENDPOINTS.filter((e) => e.secondaryLines.length > 0).map((e) => e.id),
  });
  const secondary = new Map<string, { line: Line; control: LineControl }>(withManager ? [[MANAGER_ID, { line: managerLine, control: createLineControl(managerLine) }]] : []);
  let preferred: string | undefined = WEBEX_APP_ID;
  const queues = new Map<string, QueueBook>([['me', initialQueues('me')], ...(withManager ? [[MANAGER_ID, initialQueues('manager')] as const] : [])]);
  // Click-to-Dial calls alert only on the device they were placed from.
  const alertingOn = new Map<string, string>();

  return {
    myId: MY_ID,
    endpoints,
    endpoint: (endpointId: string) => endpoints.find((e) => e.id === endpointId),
    preferred: () => preferred,
    setPreferred(endpointId: string | null) {
      preferred = endpointId ?? undefined;
    },
    /** The line a lineOwnerId names, or undefined when no endpoint of mine carries it. */
    lineFor: (lineOwnerId: string): Line | undefined => secondary.get(lineOwnerId)?.line,
    /** Drive a secondary line as callers and colleagues do (the demo, the test kit). */
    control: (lineOwnerId: string): LineControl | undefined => secondary.get(lineOwnerId)?.control,
    secondaryOwners: (): string[] => [...secondary.keys()],
    queues: (owner: string): QueueBook | undefined => queues.get(owner),
    setQueues(owner: string, book: QueueBook) {
      queues.set(owner, book);
    },
    alertingOn: (callId: string) => alertingOn.get(callId),
    noteAlerting(callId: string, endpointId: string) {
      alertingOn.set(callId, endpointId);
    },
    reset() {
      managerLine.reset();
      preferred = WEBEX_APP_ID;
      queues.set('me', initialQueues('me'));
      if (withManager) queues.set(MANAGER_ID, initialQueues('manager'));
      alertingOn.clear();
    },
    dispose() {
      managerLine.dispose();
    },
  };
}
