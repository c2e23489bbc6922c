/**
 * The built-in line's mutable shell around the pure state machine: holds the current LineState,
 * stamps transitions with the clock's time, and owns the timers that make the line feel alive
 * (dialled parties answering, parked calls recalling).
 */
import type { Clock, TimerHandle } from '../core/ports.js';
import * as machine from './call-state.js';
import { initialLineState, type DndSettings, type LineState, type PartyInfo } from './line-model.js';
import { toParty, type PartyInput } from './transition-kit.js';
import { RECORDING_START_MS, autoRecord, recordingStarted, type RecordingMode } from './recording-rules.js';
import { muteTransferUnanswered } from './transfer-rules.js';
import type { ColleagueCall } from './preconditions.js';

export interface DialBehavior {
  /** Dialled parties answer after this many ms; null: they never do (use remoteAnswer). */
  answerAfterMs: number | null;
  /**
   * Dial (and retrieve, pickup, barge-in, pull) first alerts the user's own devices (clickToDial);
   * the user picks up after this many ms. Absent: DEFAULT_PICK_UP_MS. null: never (use pickUp).
   */
  pickUpAfterMs?: number | null;
  /** The less convenient reading: picking up replaces the clickToDial call with a new id. */
  newCallOnPickUp?: boolean;
}

/** A person reaching for the desk phone. */
export const DEFAULT_PICK_UP_MS = 1_500;

export interface LineOptions {
  clock: Clock;
  parkRecallMs: number;
  /** How long an ignored call keeps ringing for the caller before it goes to voicemail. */
  noAnswerMs: number;
  /** Whose line this is; default DEFAULT_ME (a secondary line is another person's). */
  me?: PartyInfo;
  /** Where call ids start, so two lines in one sandbox never hand out the same id. */
  firstSeq?: number;
  /** The user's devices and applications (Get Preferred Answer Endpoint); pull must name one of them. */
  endpointIds?: readonly string[];
}

/** Webex's default for a user's call recording is off; demo mode and tests choose another. */
export const DEFAULT_RECORDING_MODE: RecordingMode = 'never';

export type Line = ReturnType<typeof createLine>;

export function createLine(opts: LineOptions) {
  const { clock, parkRecallMs, noAnswerMs } = opts;
  let state: LineState = initialLineState(opts.firstSeq ?? 0, opts.me);
  let dialBehavior: DialBehavior = { answerAfterMs: null };
  const answerTimers = new Map<string, TimerHandle>();
  const recallTimers = new Map<string, TimerHandle>();
  const ignoreTimers = new Map<string, TimerHandle>();
  const pickUpTimers = new Map<string, TimerHandle>();
  const transferTimers = new Map<string, TimerHandle>();
  const recordingTimers = new Map<string, TimerHandle>();
  let recordingMode: RecordingMode = DEFAULT_RECORDING_MODE;
  let colleagueCalls: ColleagueCall[] = [];
  let colleagueSeq = 0;
  // Who hears about every change (the webhook deliveries): the state before and after.
  const changeListeners = new Set<(before: LineState, after: LineState) => void>();

  const now = () => new Date(clock.now()).toISOString();

  function apply<T>(transition: (s: LineState, at: string) => machine.Step<T>): T {
    const before = state;
    const step = transition(state, now());
    state = autoRecord(step.state, recordingMode);
    syncTimers();
    if (before !== state) for (const listener of changeListeners) listener(before, state);
    return step.value;
  }

  /** Derives the timers from the state, so no transition has to remember to start or stop one. */
  function syncTimers(): void {
    const connecting = new Set(state.calls.filter((c) => c.phase === 'connecting').map((c) => c.id));
    for (const [id, handle] of answerTimers) {
      if (!connecting.has(id) || dialBehavior.answerAfterMs === null) {
        clock.clearTimeout(handle);
        answerTimers.delete(id);
      }
    }
    if (dialBehavior.answerAfterMs !== null) {
      for (const id of connecting) {
        if (answerTimers.has(id)) continue;
        answerTimers.set(
          id,
          clock.setTimeout(() => {
            answerTimers.delete(id);
            if (state.calls.some((c) => c.id === id && c.phase === 'connecting')) {
              apply((s, at) => machine.remoteAnswer(s, id, at));
            }
          }, dialBehavior.answerAfterMs),
        );
      }
    }
    const waiting = new Set(state.parked.filter((p) => p.recallCallId === undefined).map((p) => p.callId));
    for (const [id, handle] of recallTimers) {
      if (!waiting.has(id)) {
        clock.clearTimeout(handle);
        recallTimers.delete(id);
      }
    }
    for (const id of waiting) {
      if (recallTimers.has(id)) continue;
      recallTimers.set(
        id,
        clock.setTimeout(() => {
          recallTimers.delete(id);
          apply((s, at) => machine.recallParked(s, id, at));
        }, parkRecallMs),
      );
    }
    syncIgnoreTimers();
    syncPickUpTimers();
    syncCallTimers(
      transferTimers,
      state.calls.filter((c) => c.transferOf !== undefined && c.phase === 'connecting').map((c) => c.id),
      noAnswerMs,
      (id) => apply((s) => muteTransferUnanswered(s, id)),
    );
    syncCallTimers(
      recordingTimers,
      state.calls.filter((c) => c.recordingState === 'pending').map((c) => c.id),
      RECORDING_START_MS,
      (id) => apply((s) => recordingStarted(s, id)),
    );
  }

  function pickUpAfter(): number | null {
    return dialBehavior.pickUpAfterMs === undefined ? DEFAULT_PICK_UP_MS : dialBehavior.pickUpAfterMs;
  }

  function pickUp(callId: string): string | undefined {
    return apply((s, at) => machine.userPicksUp(s, callId, at, { newCall: dialBehavior.newCallOnPickUp ?? false }));
  }

  function syncPickUpTimers(): void {
    const delay = pickUpAfter();
    const alerting = new Set(state.calls.filter((c) => c.personality === 'clickToDial' && c.phase === 'alerting').map((c) => c.id));
    for (const [id, handle] of pickUpTimers) {
      if (!alerting.has(id) || delay === null) {
        clock.clearTimeout(handle);
        pickUpTimers.delete(id);
      }
    }
    if (delay === null) return;
    for (const id of alerting) {
      if (pickUpTimers.has(id)) continue;
      pickUpTimers.set(
        id,
        clock.setTimeout(() => {
          pickUpTimers.delete(id);
          if (state.calls.some((c) => c.id === id && c.personality === 'clickToDial' && c.phase === 'alerting')) pickUp(id);
        }, delay),
      );
    }
  }

  /** One timer per listed call: started when a call joins the list, cleared when it leaves. */
  function syncCallTimers(timers: Map<string, TimerHandle>, ids: string[], ms: number, fire: (id: string) => void): void {
    const wanted = new Set(ids);
    for (const [id, handle] of timers) {
      if (!wanted.has(id)) {
        clock.clearTimeout(handle);
        timers.delete(id);
      }
    }
    for (const id of wanted) {
      if (timers.has(id)) continue;
      timers.set(
        id,
        clock.setTimeout(() => {
          timers.delete(id);
          fire(id);
        }, ms),
      );
    }
  }

  function syncIgnoreTimers(): void {
    const ringing = new Set(state.ignored.map((i) => i.callId));
    for (const [id, handle] of ignoreTimers) {
      if (!ringing.has(id)) {
        clock.clearTimeout(handle);
        ignoreTimers.delete(id);
      }
    }
    for (const id of ringing) {
      if (ignoreTimers.has(id)) continue;
      ignoreTimers.set(
        id,
        clock.setTimeout(() => {
          ignoreTimers.delete(id);
          apply((s, at) => machine.ignoredTimedOut(s, id, at));
        }, noAnswerMs),
      );
    }
  }

  function clearTimers(): void {
    for (const timers of [answerTimers, recallTimers, ignoreTimers, pickUpTimers, transferTimers, recordingTimers]) {
      for (const handle of timers.values()) clock.clearTimeout(handle);
      timers.clear();
    }
  }

  return {
    state: (): LineState => state,

    dial: (destination: string) =>
      apply((s, at) => machine.dial(s, destination, at, { clickToDial: true })),
    answer: (callId: string) => apply((s, at) => machine.answer(s, callId, at)),
    reject: (callId: string, action: machine.RejectAction) => apply((s, at) => machine.reject(s, callId, action, at)),
    hangup: (callId: string) => apply((s, at) => machine.hangup(s, callId, at)),
    hold: (callId: string) => apply((s) => machine.hold(s, callId)),
    resume: (callId: string) => apply((s) => machine.resume(s, callId)),
    setMuted: (callId: string, muted: boolean) => apply((s) => machine.setMuted(s, callId, muted)),
    divert: (input: Parameters<typeof machine.divert>[1]) => apply((s, at) => machine.divert(s, input, at)),
    transfer: (input: Parameters<typeof machine.transfer>[1]) => apply((s, at) => machine.transfer(s, input, at)),
    park: (input: Parameters<typeof machine.park>[1]) => apply((s) => machine.park(s, input)),
    retrieve: (destination: string | undefined) => apply((s, at) => machine.retrieve(s, destination, at)),
    pickup: (target: string | undefined) => apply((s, at) => machine.pickup(s, target, at)),
    bargeIn: (target: string) => apply((s, at) => machine.bargeIn(s, target, at, colleagueCalls)),
    push: (callId: string | undefined) => apply((s) => machine.push(s, callId)),
    pull: (endpointId?: string) => apply((s, at) => machine.pull(s, at, endpointId, opts.endpointIds ?? [])),
    recording: (callId: string | undefined, op: machine.RecordingOp) => apply((s) => machine.recording(s, callId, op, recordingMode)),
    transmitDtmf: (callId: string | undefined, digits: string) => apply((s) => machine.transmitDtmf(s, callId, digits)),
    updateDnd: (patch: Partial<DndSettings>) => apply((s) => machine.updateDnd(s, patch)),

    incomingCall: (input: machine.IncomingInput) => apply((s, at) => machine.incomingCall(s, input, at)),
    ringInGroup: (input: Parameters<typeof machine.ringInGroup>[1]) => apply((s, at) => machine.ringInGroup(s, input, at)),
    /** The user picks up their alerting device for a Click to Dial call; returns the call they are on. */
    pickUp,
    remoteAnswer: (callId: string) => apply((s, at) => machine.remoteAnswer(s, callId, at)),
    remoteHold: (callId: string) => apply((s) => machine.setRemoteHold(s, callId, true)),
    remoteResume: (callId: string) => apply((s) => machine.setRemoteHold(s, callId, false)),
    remoteHangup: (callId: string) => apply((s, at) => machine.remoteHangup(s, callId, at)),
    answeredElsewhere: (callId: string) => apply((s) => machine.answeredElsewhere(s, callId)),
    leaveVoicemail: (from: machine.PartyInput, urgent: boolean) =>
      apply((s, at) => ({ state: machine.leaveVoicemail(s, machine.toParty(from), at, urgent), value: undefined })),
    hearVoicemail: () => apply((s) => ({ state: machine.hearVoicemail(s), value: undefined })),
    deleteHeardVoicemail: () => apply((s) => ({ state: machine.deleteHeardVoicemail(s), value: undefined })),

    /** The user's call recording mode (a user setting; nothing in Call Controls changes it). */
    recordingMode: (): RecordingMode => recordingMode,
    setRecordingMode(mode: RecordingMode): void {
      recordingMode = mode;
    },
    /** A colleague elsewhere in the organisation answers a call: barge-in can join it. */
    colleagueOnCall(input: { colleague: PartyInput; with: PartyInput }): string {
      colleagueSeq += 1;
      const id = `colleague-call-${colleagueSeq}`;
      colleagueCalls = [...colleagueCalls, { id, colleague: toParty(input.colleague), with: toParty(input.with) }];
      return id;
    },
    colleagueCallEnded(id: string): void {
      colleagueCalls = colleagueCalls.filter((c) => c.id !== id);
    },
    colleagueCalls: (): readonly ColleagueCall[] => colleagueCalls,
    onChange(listener: (before: LineState, after: LineState) => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },

    dialBehavior: (): DialBehavior => ({ ...dialBehavior }),
    setDialBehavior(behavior: DialBehavior): void {
      dialBehavior = { ...behavior };
      // Re-derive: dropping to null cancels pending answers; a new delay applies to calls already ringing out.
      for (const handle of [...answerTimers.values(), ...pickUpTimers.values()]) clock.clearTimeout(handle);
      answerTimers.clear();
      pickUpTimers.clear();
      syncTimers();
    },

    reset(): void {
      clearTimers();
      dialBehavior = { answerAfterMs: null };
      recordingMode = DEFAULT_RECORDING_MODE;
      colleagueCalls = [];
      state = initialLineState(state.seq, state.me);
    },
    dispose(): void {
      clearTimers();
    },
  };
}
