/**
 * Who this line is and whether voicemail is waiting: people/me once per line (retried on each
 * tick until it answers), and the voicemail summary every minute and whenever a call ends (a
 * caller sent to voicemail has just left a message); every five minutes instead while a push
 * source announces voicemail changes (message waiting). Failures keep the last known value: a blip
 * must not make "2 new voicemails" flicker away.
 */
import type { LineInfo, MyLine } from '../../preload/contract.js';
import { isAppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { WebexPerson } from '../providers/webex/people-schemas.js';
import type { PeopleProvider, VoicemailProvider } from '../providers/people-provider.js';

export const VOICEMAIL_REFRESH_MS = 60_000;
/** The safety net while voicemail changes are pushed: a lost signal is caught up within this. */
export const VOICEMAIL_PUSHED_MS = 300_000;

export interface MyLineWatch {
  info(): LineInfo;
  /** Reads the summary now (after a call ends); concurrent requests share one read. */
  refreshVoicemail(): Promise<void>;
  /** A push source announces voicemail changes (true) or no longer does (false). */
  setPushed(pushed: boolean): void;
  stop(): void;
}

interface Deps {
  people: PeopleProvider;
  voicemail: VoicemailProvider;
  clock: Clock;
  log: Logger;
  onChange(info: LineInfo): void;
  everyMs?: number;
  /** Whether voicemail changes are pushed when the watch starts. */
  pushed?: boolean;
}

/**
 * A person's number and extension as any user may read them. `extension` is calling data, which
 * Webex gives to admins only; for everyone the extension is `phoneNumbers[type=work_extension]`
 * ("the value will have a routing prefix along with the extension"), dialable from anywhere in the
 * organisation. The bare `extension` is only a fallback for the header, never something to dial.
 */
export function toMyLine(person: WebexPerson): MyLine {
  const numbers = person.phoneNumbers ?? [];
  const number = preferred(numbers, 'work');
  const workExtension = preferred(numbers, 'work_extension');
  const extension = workExtension ?? nonBlank(person.extension);
  const name = person.displayName ?? person.nickName;
  return {
    ...(name ? { name } : {}),
    ...(number ? { number } : {}),
    ...(extension ? { extension } : {}),
  };
}

/** The primary value of that type, else the first; blank values are no value. */
export function preferred(numbers: NonNullable<WebexPerson['phoneNumbers']>, type: 'work' | 'work_extension'): string | undefined {
  const ofType = numbers.filter((n) => n.type === type && nonBlank(n.value) !== undefined);
  return nonBlank((ofType.find((n) => n.primary) ?? ofType[0])?.value);
}

function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function watchMyLine(deps: Deps): MyLineWatch {
  const { clock, log } = deps;
  const controller = new AbortController();
  let info: LineInfo = { me: null, voicemail: null };
  let timer: TimerHandle | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  let pushed = deps.pushed ?? false;
  let lastReadFailed = false;
  // Push only stands in for the minute's read once both reads are good: a failed read (whose
  // signal was spent on it) and an unknown owner are retried at the minute's pace.
  const period = () => (pushed && !lastReadFailed && info.me !== null ? VOICEMAIL_PUSHED_MS : (deps.everyMs ?? VOICEMAIL_REFRESH_MS));

  const set = (next: LineInfo) => {
    if (stopped || JSON.stringify(next) === JSON.stringify(info)) return;
    info = next;
    deps.onChange(info);
  };
  const failed = (what: string, error: unknown) => {
    if (controller.signal.aborted) return;
    log.warn(`line: could not read ${what}`, isAppError(error) ? { code: error.code, status: error.status, trackingId: error.trackingId } : { error: String(error) });
  };

  async function readMe(): Promise<void> {
    try {
      const me = toMyLine(await deps.people.me(controller.signal));
      set({ ...info, me });
    } catch (error) {
      failed('who this line belongs to', error);
    }
  }

  async function readVoicemail(): Promise<void> {
    try {
      const summary = await deps.voicemail.summary(controller.signal);
      lastReadFailed = false;
      set({
        ...info,
        voicemail: { newMessages: summary.newMessages, newUrgentMessages: summary.newUrgentMessages, oldMessages: summary.oldMessages },
      });
    } catch (error) {
      const wasFailing = lastReadFailed;
      lastReadFailed = true;
      // A pushed change whose read failed must not wait for the slow pace's next read.
      if (!wasFailing && pushed) reschedule();
      failed('the voicemail summary', error);
    }
  }

  function refreshVoicemail(): Promise<void> {
    inFlight ??= readVoicemail().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  function tick(): void {
    timer = undefined;
    if (stopped) return;
    if (info.me === null) void readMe();
    void refreshVoicemail().finally(schedule);
  }

  function schedule(): void {
    if (stopped || timer !== undefined) return;
    timer = clock.setTimeout(tick, period());
  }

  /** The pace changed: the next read comes a new period from now. */
  function reschedule(): void {
    if (timer === undefined) return;
    clock.clearTimeout(timer);
    timer = undefined;
    schedule();
  }

  void readMe();
  void refreshVoicemail().finally(schedule);

  return {
    info: () => info,
    refreshVoicemail,
    setPushed(next) {
      if (next === pushed || stopped) return;
      pushed = next;
      // When push stops, the next read comes within the normal minute.
      reschedule();
    },
    stop() {
      stopped = true;
      controller.abort(new Error('line closed'));
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
