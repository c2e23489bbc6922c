import { mergeHistory } from './merge-history.js';
import { DtmfDigits, type HistoryEntry, type ParsedArgsOf, type ResultOf } from '../../preload/contract.js';
import { AppError, isAppError } from '../core/app-error.js';
import type { Logger } from '../core/ports.js';
import type { WebexHistoryRecord, WebexParty } from '../providers/webex/schemas.js';
import type { ChannelsOf } from '../ipc/handlers.js';
import type { CallsProvider } from '../providers/calls-provider.js';
import { normalizeDestination } from './phone-number.js';
import type { RecordingLimits } from './recording-limits.js';

export interface CallCommandsDeps {
  provider: CallsProvider;
  sync: { refresh(): Promise<void> };
  defaultCountry: () => string;
  log: Logger;
  /** CallDeck's own log, merged into history. */
  callLog: { entries(): HistoryEntry[] };
  /** Learns which recording controls this line's recording mode refuses. */
  recordingLimits?: RecordingLimits;
}

/** One function per `calls:*` invoke channel (except calls:list, which is the sync snapshot). */
export type CallCommands = {
  [C in CommandChannel as C extends `calls:${infer V}` ? V : never]: (args: ParsedArgsOf<C>) => Promise<ResultOf<C>>;
} & {
  history(): Promise<HistoryEntry[]>;
};

/** Every calls:* channel but the two that read rather than act. */
type CommandChannel = Exclude<ChannelsOf<'calls'>, 'calls:list' | 'calls:history'>;

/**
 * User intent → one provider request. Input is checked before anything is sent (a wrong number
 * dialled is a real phone call), nothing is retried (a retried dial is a second call), and every
 * request that was sent is followed by a re-sync so the window shows its effect at once.
 */
export function createCallCommands(deps: CallCommandsDeps): CallCommands {
  const { provider, log } = deps;

  /** Sends one action, then re-syncs whether it worked or not (a failure may still have changed state). */
  async function send<T>(name: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      log.warn(`calls: ${name} failed`, isAppError(error) ? { code: error.code, status: error.status, trackingId: error.trackingId } : { error: String(error) });
      throw error;
    } finally {
      // Not awaited: the caller gets its answer now; the snapshot follows when the poll lands.
      deps.sync.refresh().catch((error: unknown) => log.warn('calls: refresh after action failed', { error: String(error) }));
    }
  }

  function destination(input: string): string {
    const normalized = normalizeDestination(input, deps.defaultCountry());
    if (!normalized.ok) throw new AppError('invalid-input', normalized.reason);
    return normalized.dial;
  }

  function callId(id: string): string {
    if (id.trim() === '') throw new AppError('invalid-input', 'No call was chosen.');
    return id;
  }

  const done = null;

  /** A command that is one request about one call and answers nothing but success. */
  function onCall(name: string, request: (id: string) => Promise<void>) {
    return async (args: { callId: string }): Promise<null> => {
      const id = callId(args.callId);
      await send(name, () => request(id));
      return done;
    };
  }

  return {
    async dial({ destination: input }) {
      const dial = destination(input);
      const ref = await send('dial', () => provider.dial(dial));
      return { callId: ref.callId };
    },
    answer: onCall('answer', (id) => provider.answer(id)),
    async decline(args) {
      const id = callId(args.callId);
      // No action means busy: Webex then applies the user's own busy treatment (voicemail or busy tone).
      await send(args.action ?? 'decline', () => provider.reject(id, args.action));
      return done;
    },
    async forward(args) {
      const id = callId(args.callId);
      const dial = destination(args.destination);
      await send('forward', () => provider.divert(id, { destination: dial, ...(args.toVoicemail ? { toVoicemail: true } : {}) }));
      return done;
    },
    voicemail: onCall('voicemail', (id) => provider.divert(id, { toVoicemail: true })),
    hangup: onCall('hangup', (id) => provider.hangup(id)),
    hold: onCall('hold', (id) => provider.hold(id)),
    resume: onCall('resume', (id) => provider.resume(id)),
    mute: onCall('mute', (id) => provider.mute(id)),
    unmute: onCall('unmute', (id) => provider.unmute(id)),
    async transfer(args) {
      const id = callId(args.callId);
      switch (args.mode) {
        case 'blind': {
          // Webex's blind transfer is divert: the call goes now, whoever answers (or not).
          const dial = destination(args.destination);
          await send('transfer', () => provider.divert(id, { destination: dial }));
          return {};
        }
        case 'mute': {
          // "If the destination does not respond, the call is not transferred": the new call's
          // ID is how the window tells, later, whether it went or stayed.
          const dial = destination(args.destination);
          const ref = await send('transfer', () => provider.transfer({ callId1: id, destination: dial }));
          return ref === undefined ? {} : { callId: ref.callId };
        }
        case 'attended': {
          const other = callId(args.otherCallId);
          if (other === id) throw new AppError('invalid-input', 'Choose a different call to transfer to.');
          await send('transfer', () => provider.transfer({ callId1: id, callId2: other }));
          return {};
        }
        case 'voicemail': {
          // The transfer target's voicemail, not the user's own: that is "Send to voicemail".
          const dial = destination(args.destination);
          await send('transfer', () => provider.divert(id, { destination: dial, toVoicemail: true }));
          return {};
        }
      }
    },
    async park(args) {
      const id = callId(args.callId);
      const where = args.isGroupPark
        ? { isGroupPark: true }
        : args.destination === undefined
          ? {}
          : { destination: destination(args.destination) };
      const result = await send('park', () => provider.park(id, where));
      const against = retrievableFrom(result.parkedAgainst);
      return against === undefined ? {} : { parkedAgainst: against };
    },
    async retrieve(args) {
      const where = args.destination === undefined ? undefined : destination(args.destination);
      const ref = await send('retrieve', () => provider.retrieve(where));
      return { callId: ref.callId };
    },
    async bargeIn(args) {
      const target = destination(args.target);
      const ref = await send('bargeIn', () => provider.bargeIn(target));
      return { callId: ref.callId };
    },
    async pickup(args) {
      const target = args.target === undefined ? undefined : destination(args.target);
      const ref = await send('pickup', () => provider.pickup(target));
      return { callId: ref.callId };
    },
    async recording(args) {
      const id = callId(args.callId);
      try {
        await send('recording', () => provider.recording(id, args.op));
      } catch (error) {
        // The control goes away with this refusal; say once, plainly, why it cannot work here.
        if (deps.recordingLimits?.learn(args.op, error) && isAppError(error)) throw recordingRefusal(args.op, error);
        throw error;
      }
      return done;
    },
    async dtmf(args) {
      const id = callId(args.callId);
      // The IPC layer parses this too; hotkeys and the tray call in without going through it.
      const digits = DtmfDigits.safeParse(args.digits);
      if (!digits.success) throw new AppError('invalid-input', 'Only 0-9, *, #, A-D and , (pause) can be sent as tones.');
      await send('dtmf', () => provider.transmitDtmf(id, digits.data));
      return done;
    },

    async history() {
      const types = ['placed', 'missed', 'received'] as const;
      const results = await Promise.allSettled(types.map((type) => provider.history(type)));
      const webex: HistoryEntry[] = [];
      const failures: unknown[] = [];
      for (const result of results) {
        if (result.status === 'fulfilled') webex.push(...result.value.map(fromWebex));
        else failures.push(result.reason);
      }
      if (failures.length > 0) {
        log.warn('calls: some Webex history could not be read', { failed: failures.length });
        // Nothing from Webex at all: say why rather than show a list that silently lacks it.
        if (failures.length === types.length) throw failures[0];
      }
      return mergeHistory(webex, deps.callLog.entries());
    },
  };
}

const MODE_NEEDED: Record<'start' | 'stop' | 'pause' | 'resume', string> = {
  start: 'Starting a recording works only when your call recording mode is "On Demand".',
  stop: 'Stopping a recording works only when your call recording mode is "On Demand".',
  pause: 'Pausing a recording works only when your call recording mode is "On Demand" or "Always with Pause/Resume".',
  resume: 'Resuming a recording works only when your call recording mode is "On Demand" or "Always with Pause/Resume".',
};

/** Webex's refusal, reworded for a person; its own words stay as a detail with the tracking ID. */
function recordingRefusal(op: keyof typeof MODE_NEEDED, error: AppError): AppError {
  const value = error.toValue();
  return new AppError(value.code, `${MODE_NEEDED[op]} CallDeck no longer offers it on this line.`, {
    ...(value.status !== undefined ? { status: value.status } : {}),
    ...(value.trackingId !== undefined ? { trackingId: value.trackingId } : {}),
    ...(value.errorCodes !== undefined ? { errorCodes: value.errorCodes } : {}),
    details: [value.message, ...(value.details ?? [])],
  });
}

function fromWebex(record: WebexHistoryRecord): HistoryEntry {
  const entry: HistoryEntry = { type: record.type, privacy: record.privacyEnabled, time: record.time, source: 'webex' };
  if (!record.privacyEnabled && record.name !== undefined) entry.name = record.name;
  if (!record.privacyEnabled && record.number !== undefined) entry.number = record.number;
  return entry;
}

/**
 * Where a call was parked, as retrieve takes it: the number Webex gave (its docs say to use it as
 * the destination). A name or a privacy placeholder is not something retrieve can dial.
 */
function retrievableFrom(party: WebexParty): string | undefined {
  const number = party.privacyEnabled ? undefined : party.number?.trim();
  return number === undefined || number === '' ? undefined : number;
}
