/**
 * The sandbox's control surface: the rest of the world (callers, colleagues, the network) acting
 * on the built-in line. Tests and demo mode call it in-process; the browser harness calls the same
 * methods over HTTP at /__sandbox (control-routes.ts).
 */
import { z } from 'zod';
import { WebexRedirectionReason } from '../providers/webex/schemas.js';
import type { DivertRecord, DndSettings, GroupCall, IgnoredCall, ParkedCall, WireCall, WireHistoryRecord } from './line-model.js';
import { voicemailSummary, type VoicemailSummary } from './voicemail-state.js';
import { toWireCall, toWireHistory } from './line-model.js';
import type { DialBehavior, Line } from './line.js';
import type { FaultQueue, FaultSpec } from './faults.js';
import type { SandboxExchange } from './http-io.js';
import type { TokenBook } from './tokens.js';

const CallTypeSchema = z.enum(['location', 'organization', 'external', 'emergency', 'repair', 'other']);

export const PartyInputSchema = z.object({
  name: z.string().min(1).optional(),
  number: z.string().min(1),
  privacy: z.boolean().optional(),
  callType: CallTypeSchema.optional(),
});
export type SandboxPartyInput = z.infer<typeof PartyInputSchema>;

export const IncomingCallSchema = z.object({
  from: PartyInputSchema,
  via: z
    .object({
      reason: WebexRedirectionReason,
      name: z.string().min(1),
      number: z.string().min(1).optional(),
    })
    .optional(),
  /** 2 = the call arrives on the user's second line appearance. */
  line: z.union([z.literal(1), z.literal(2)]).optional(),
  muteCapable: z.boolean().optional(),
});
export type IncomingCallInput = z.infer<typeof IncomingCallSchema>;

export const GroupCallSchema = z.object({ from: PartyInputSchema, colleague: PartyInputSchema.optional() });
export type GroupCallInput = z.infer<typeof GroupCallSchema>;

export const VoicemailInputSchema = z.object({ from: PartyInputSchema, urgent: z.boolean().optional() });
export type VoicemailInput = z.infer<typeof VoicemailInputSchema>;

export const DialBehaviorSchema = z.object({
  answerAfterMs: z.number().int().nonnegative().nullable(),
  clickToDial: z.boolean().optional(),
});

export interface SandboxRequestSummary {
  method: string;
  path: string;
  status?: number;
  fault?: string;
}

export interface SandboxState {
  /** Active calls exactly as GET /telephony/calls shows them. */
  calls: WireCall[];
  parked: ParkedCall[];
  ringingInGroup: GroupCall[];
  /** Newest first, as GET /telephony/calls/history shows them. */
  history: WireHistoryRecord[];
  dnd: DndSettings;
  dtmf: Array<{ callId: string; digits: string }>;
  /** Calls the user ignored that still ring for the caller until no one answers. */
  ignored: IgnoredCall[];
  /** Where each diverted call went. */
  diverts: DivertRecord[];
  /** What GET /telephony/voiceMessages/summary answers. */
  voicemail: VoicemailSummary;
  dialBehavior: DialBehavior;
  pendingFaults: FaultSpec[];
  /** The most recent Webex API requests (not /__sandbox ones), oldest first. */
  requests: SandboxRequestSummary[];
}

export interface SandboxControl {
  /** A call rings on the user's line (alerting, personality terminator); returns its callId. */
  incomingCall(input: IncomingCallInput): string;
  /** A call rings on a colleague's phone in the user's pickup group; pickup can take it. */
  ringInGroup(input: GroupCallInput): string;
  /** The party the user dialled answers (connecting → connected). */
  remoteAnswer(callId: string): void;
  setDialBehavior(behavior: DialBehavior): void;
  remoteHold(callId: string): void;
  remoteResume(callId: string): void;
  /** Alerting: the caller gave up (a missed call). Connected: the far end hung up. */
  remoteHangup(callId: string): void;
  /** An alerting call stops ringing because someone else took it; no missed record. */
  answeredElsewhere(callId: string): void;
  /** Someone leaves a message in the user's voicemail box. */
  leaveVoicemail(input: VoicemailInput): void;
  /** The user listened to their messages elsewhere: every new message becomes old. */
  hearVoicemail(): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Requests with the current token get 401 from now on. */
  expireToken(): void;
  /** Issues a fresh valid token (what a refresh would obtain) and makes it the line's token. */
  issueToken(): string;
  state(): SandboxState;
  /** Back to an idle line: no calls, history, faults or timers; the current token is valid again. */
  reset(): void;
  /** Observes every request/response pair on the Webex API; returns the unsubscribe function. */
  onExchange(listener: (exchange: SandboxExchange) => void): () => void;
}

const REQUEST_LOG_SIZE = 500;

export interface ControlDeps {
  line: Line;
  faults: FaultQueue;
  tokens: TokenBook;
}

export interface ControlInternals {
  control: SandboxControl;
  /** The server reports each Webex API exchange here. */
  record(exchange: SandboxExchange): void;
}

export function createControl({ line, faults, tokens }: ControlDeps): ControlInternals {
  const listeners = new Set<(exchange: SandboxExchange) => void>();
  let requests: SandboxRequestSummary[] = [];

  const control: SandboxControl = {
    incomingCall: (input) => line.incomingCall(IncomingCallSchema.parse(input)),
    ringInGroup: (input) => line.ringInGroup(GroupCallSchema.parse(input)),
    remoteAnswer: (callId) => line.remoteAnswer(callId),
    setDialBehavior: (behavior) => line.setDialBehavior(DialBehaviorSchema.parse(behavior)),
    remoteHold: (callId) => line.remoteHold(callId),
    remoteResume: (callId) => line.remoteResume(callId),
    remoteHangup: (callId) => line.remoteHangup(callId),
    answeredElsewhere: (callId) => line.answeredElsewhere(callId),
    leaveVoicemail: (input) => {
      const parsed = VoicemailInputSchema.parse(input);
      line.leaveVoicemail(parsed.from, parsed.urgent ?? false);
    },
    hearVoicemail: () => line.hearVoicemail(),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    expireToken: () => tokens.expireCurrent(),
    issueToken: () => tokens.issue(),
    state: () => {
      const s = line.state();
      return {
        calls: s.calls.map(toWireCall),
        parked: [...s.parked],
        ringingInGroup: [...s.group],
        history: s.history.map(toWireHistory),
        dnd: { ...s.dnd },
        dtmf: s.dtmf.map((d) => ({ ...d })),
        ignored: [...s.ignored],
        diverts: [...s.diverts],
        voicemail: voicemailSummary(s),
        dialBehavior: line.dialBehavior(),
        pendingFaults: faults.pending(),
        requests: [...requests],
      };
    },
    reset: () => {
      line.reset();
      faults.clear();
      tokens.revive();
      requests = [];
    },
    onExchange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    control,
    record(exchange) {
      const summary: SandboxRequestSummary = { method: exchange.method, path: exchange.path };
      if (exchange.status !== undefined) summary.status = exchange.status;
      if (exchange.fault !== undefined) summary.fault = exchange.fault;
      requests = [...requests.slice(-(REQUEST_LOG_SIZE - 1)), summary];
      for (const listener of listeners) listener(exchange);
    },
  };
}
