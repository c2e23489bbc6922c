/**
 * The line's control surface: the rest of the world (callers, colleagues) acting on the built-in
 * line. The demo scenario drives it in-process; the test kit (test/line-kit) extends it with
 * faults, tokens and a request log, and serves it over HTTP.
 */
import { z } from 'zod';
import { WebexRedirectionReason } from '../providers/webex/schemas.js';
import type { DivertRecord, DndSettings, GroupCall, IgnoredCall, ParkedCall, WireCall, WireHistoryRecord } from './line-model.js';
import { voicemailSummary, type VoicemailSummary } from './voicemail-state.js';
import { toWireCall, toWireHistory } from './line-model.js';
import type { DialBehavior, Line } from './line.js';
import { RECORDING_MODES, type RecordingMode } from './recording-rules.js';
import type { ColleagueCall } from './preconditions.js';

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
  /** The user answers this call as an executive's assistant; push sends it to that executive. */
  executive: PartyInputSchema.optional(),
});
export type IncomingCallInput = z.infer<typeof IncomingCallSchema>;

export const GroupCallSchema = z.object({ from: PartyInputSchema, colleague: PartyInputSchema.optional() });
export type GroupCallInput = z.infer<typeof GroupCallSchema>;

export const VoicemailInputSchema = z.object({ from: PartyInputSchema, urgent: z.boolean().optional() });
export type VoicemailInput = z.infer<typeof VoicemailInputSchema>;

export const RecordingModeSchema = z.enum(RECORDING_MODES);

export const ColleagueCallSchema = z.object({ colleague: PartyInputSchema, with: PartyInputSchema });
export type ColleagueCallInput = z.infer<typeof ColleagueCallSchema>;

export const DialBehaviorSchema = z.object({
  answerAfterMs: z.number().int().nonnegative().nullable(),
  clickToDial: z.boolean().optional(),
});

export interface LineSnapshot {
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
  /** The user's call recording mode, which decides what the recording operations accept. */
  recordingMode: RecordingMode;
  /** Colleagues' answered calls that barge-in can join. */
  colleagueCalls: ColleagueCall[];
}

export interface LineControl {
  /** A call rings on the user's line (alerting, personality terminator); returns its callId. */
  incomingCall(input: IncomingCallInput): string;
  /** A call rings on a colleague's phone in the user's pickup group; pickup can take it. */
  ringInGroup(input: GroupCallInput): string;
  /** The party the user dialled answers (connecting → connected). */
  remoteAnswer(callId: string): void;
  setDialBehavior(behavior: DialBehavior): void;
  /** Sets the user's call recording mode: never, always, alwaysPauseResume or onDemand. */
  setRecordingMode(mode: RecordingMode): void;
  /** A colleague (by number) has an answered call barge-in can join; returns its id. */
  colleagueOnCall(input: ColleagueCallInput): string;
  /** That colleague's call ended. */
  colleagueCallEnded(id: string): void;
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
  state(): LineSnapshot;
  /** Back to an idle line: no calls, history or timers. */
  reset(): void;
}

export function createLineControl(line: Line): LineControl {
  return {
    incomingCall: (input) => line.incomingCall(IncomingCallSchema.parse(input)),
    ringInGroup: (input) => line.ringInGroup(GroupCallSchema.parse(input)),
    remoteAnswer: (callId) => line.remoteAnswer(callId),
    setDialBehavior: (behavior) => line.setDialBehavior(DialBehaviorSchema.parse(behavior)),
    setRecordingMode: (mode) => line.setRecordingMode(RecordingModeSchema.parse(mode)),
    colleagueOnCall: (input) => line.colleagueOnCall(ColleagueCallSchema.parse(input)),
    colleagueCallEnded: (id) => line.colleagueCallEnded(id),
    remoteHold: (callId) => line.remoteHold(callId),
    remoteResume: (callId) => line.remoteResume(callId),
    remoteHangup: (callId) => line.remoteHangup(callId),
    answeredElsewhere: (callId) => line.answeredElsewhere(callId),
    leaveVoicemail: (input) => {
      const parsed = VoicemailInputSchema.parse(input);
      line.leaveVoicemail(parsed.from, parsed.urgent ?? false);
    },
    hearVoicemail: () => line.hearVoicemail(),
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
        recordingMode: line.recordingMode(),
        colleagueCalls: [...line.colleagueCalls()],
      };
    },
    reset: () => line.reset(),
  };
}
