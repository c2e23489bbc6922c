/**
 * The VideoSDK feature: start a SIP call into a VideoSDK room (through a trunk or a gateway), follow
 * the calls while the window shows them, and end one. Every request gets a fresh token from the
 * account's `mint`, in main; the window only ever sees calls and errors.
 *
 * The list is polled only while the window shows it (a `videosdk:watch` lease), every 2 s while a
 * call is live and every 10 s otherwise, and at once after each start or end.
 */
import type { ErrorValue, SipCall, TrunkCall, VideoSdkSnapshot } from '../../preload/contract.js';
import { readSipTarget } from '../../preload/common/sip-target.js';
import { AppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { VideoSdkAccess } from '../providers/videosdk/videosdk-access.js';
import { createVideoSdkClient, type VideoSdkClient } from '../providers/videosdk/videosdk-client.js';
import { toSipCall } from './to-sip-call.js';


export const POLL_LIVE_MS = 2_000;
export const POLL_IDLE_MS = 10_000;
/** How long one `watch({ open: true })` keeps the polling going; the window renews it. */
export const WATCH_LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** Trunk calls kept on screen that VideoSDK's list does not show; the oldest go first. */
export const MAX_TRUNK_CALLS = 10;
const ID_CHARS = /^[A-Za-z0-9._:~-]+$/;

const NO_ACCOUNT = 'Add your VideoSDK API key and secret in Settings → Accounts first.';

export interface VideoSdkFeature {
  handlers: HandlersOf<ChannelsOf<'videosdk'>>;
  snapshot(): VideoSdkSnapshot;
  onChange(listener: (snapshot: VideoSdkSnapshot) => void): () => void;
  /** The account may have changed (saved, removed, another line): re-read it and refresh if shown. */
  accountChanged(): void;
  stop(): void;
}

export interface VideoSdkFeatureDeps {
  clock: Clock;
  log: Logger;
  access(): VideoSdkAccess | undefined;
  /** For phone numbers typed without a country code. */
  defaultCountry(): string;
  /** Tests may pass another client factory. */
  clientFor?: (access: VideoSdkAccess) => VideoSdkClient;
  pollLiveMs?: number;
  pollIdleMs?: number;
}

/**
 * A 401 means the key or secret is wrong; a not-found naming the room means the room does not
 * exist. Each is said in words, with VideoSDK's own kept.
 */
function explain(error: unknown, roomId?: string): unknown {
  if (error instanceof AppError && error.code === 'unauthorized') {
    return new AppError('unauthorized', `The VideoSDK API key or secret is wrong; check them in Settings → Accounts. VideoSDK said: ${error.message}`, error.toValue());
  }
  if (error instanceof AppError && error.code === 'not-found' && roomId !== undefined && /\b(room|meeting)\b/i.test(error.message)) {
    return new AppError('not-found', `The room ${roomId} does not exist in this VideoSDK project. Check the room ID. VideoSDK said: ${error.message}`, error.toValue());
  }
  return error;
}

/** Main's own check of every field the window sent, as for "Call to": the window is not trusted. */
function checkId(value: string, what: string): string {
  const text = value.trim();
  if (text === '' || text.length > 128 || !ID_CHARS.test(text)) throw new AppError('invalid-input', `That is not a ${what}: use letters, digits, - and _ only.`);
  return text;
}

function checkDisplayName(value: string): string {
  const text = value.normalize('NFC').trim();
  if (text === '') throw new AppError('invalid-input', 'Enter a display name.');
  if (/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(text)) throw new AppError('invalid-input', 'The display name cannot contain control characters or text-direction formatting.');
  if (text.length > 64) throw new AppError('invalid-input', 'The display name is at most 64 characters.');
  return text;
}

export function createVideoSdkFeature(deps: VideoSdkFeatureDeps): VideoSdkFeature {
  const { clock, log } = deps;
  const liveMs = deps.pollLiveMs ?? POLL_LIVE_MS;
  const idleMs = deps.pollIdleMs ?? POLL_IDLE_MS;
  const clientFor = deps.clientFor ?? ((access: VideoSdkAccess) => createVideoSdkClient({ baseUrl: access.baseUrl, getToken: () => access.mint() }));
  const listeners = new Set<(snapshot: VideoSdkSnapshot) => void>();

  let calls: SipCall[] = [];
  /** Trunk calls placed here: VideoSDK's list may not show them, and they cannot be ended from here. */
  let trunkCalls: TrunkCall[] = [];
  let listedParticipants = new Set<string>();
  let loaded = false;
  let problem: ErrorValue | undefined;
  let failures = 0;
  /** A 429 asked not to be read again before this; reopening the watch must honour it too. */
  let notBefore = 0;
  let watchingUntil = 0;
  let timer: TimerHandle | undefined;
  let inFlight: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let lastSent = '';

  function snapshot(): VideoSdkSnapshot {
    const access = deps.access();
    const unlisted = trunkCalls.filter((t) => !listedParticipants.has(t.participantId));
    return {
      account: access ? { available: true, source: access.source, ...(access.demo ? { demo: access.demo } : {}) } : { available: false },
      calls,
      loaded,
      ...(problem ? { problem } : {}),
      ...(unlisted.length > 0 ? { trunkCalls: unlisted } : {}),
    };
  }

  function emit(): void {
    const next = snapshot();
    const text = JSON.stringify(next);
    if (text === lastSent) return;
    lastSent = text;
    for (const listener of listeners) listener(next);
  }

  const watching = () => !stopped && clock.now() < watchingUntil;

  function unschedule(): void {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    unschedule();
    if (!watching() || !deps.access()) return;
    let delay = calls.some((c) => c.live) ? liveMs : idleMs;
    if (problem) {
      delay = problem.retryAfterMs !== undefined ? Math.max(0, notBefore - clock.now()) : Math.min(MAX_BACKOFF_MS, liveMs * 2 ** Math.min(failures, 4));
      if (problem.code === 'unauthorized') delay = Math.max(delay, idleMs);
    }
    timer = clock.setTimeout(() => {
      timer = undefined;
      if (watching()) void refresh();
    }, delay);
  }

  async function load(): Promise<void> {
    const access = deps.access();
    if (!access) {
      calls = [];
      loaded = false;
      problem = undefined;
      return;
    }
    try {
      const listed = await clientFor(access).listAllCalls();
      calls = listed.map(toSipCall);
      listedParticipants = new Set(listed.flatMap((c) => (c.participantId !== undefined ? [c.participantId] : [])));
      loaded = true;
      problem = undefined;
      failures = 0;
      notBefore = 0;
    } catch (error) {
      const explained = explain(error);
      if (!(explained instanceof AppError)) throw explained;
      failures += 1;
      problem = explained.toValue();
      notBefore = explained.retryAfterMs !== undefined ? clock.now() + explained.retryAfterMs : 0;
      log.warn('videosdk list failed', { code: explained.code, status: explained.status });
    }
  }

  /** Single-flight: a refresh asked for while one runs happens once, right after it. */
  function refresh(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        do {
          again = false;
          await load();
        } while (again && !stopped);
      } catch (error) {
        log.error('videosdk refresh failed', { error: String(error) });
      } finally {
        inFlight = undefined;
        if (!stopped) {
          emit();
          schedule();
        }
      }
    })();
    return inFlight;
  }

  function requireAccess(): VideoSdkAccess {
    const access = deps.access();
    if (!access) throw new AppError('not-signed-in', NO_ACCOUNT);
    return access;
  }

  function target(to: string): string {
    const read = readSipTarget(to, deps.defaultCountry());
    if (!read.ok) throw new AppError('invalid-input', read.reason);
    return read.value;
  }

  /** "Must be one of the allowed numbers[] in the SIP trunk": a phone number, sent in E.164. */
  function fromNumber(from: string): string {
    const read = readSipTarget(from, deps.defaultCountry());
    if (!read.ok || read.kind !== 'phone') throw new AppError('invalid-input', "The From number must be one of the trunk's phone numbers, like +14155550100.");
    return read.value;
  }

  const handlers: VideoSdkFeature['handlers'] = {
    'videosdk:watch': async ({ open }) => {
      if (!open) {
        watchingUntil = 0;
        unschedule();
        return snapshot();
      }
      const wasWatching = watching();
      watchingUntil = clock.now() + WATCH_LEASE_MS;
      if (wasWatching) return snapshot();
      if (clock.now() < notBefore) schedule();
      else await refresh();
      return snapshot();
    },
    'videosdk:start': async (args) => {
      const to = target(args.to);
      const roomId = checkId(args.roomId, 'room ID');
      const trunk =
        args.route === 'trunk'
          ? {
              trunkId: checkId(args.trunkId, 'trunk ID'),
              displayName: checkDisplayName(args.displayName),
              ...(args.from !== undefined ? { from: fromNumber(args.from) } : {}),
            }
          : undefined;
      const gatewayId = args.route === 'gateway' ? checkId(args.gatewayId, 'gateway ID') : undefined;
      const client = clientFor(requireAccess());
      try {
        if (trunk) {
          const { participantId } = await client.trunkCall({ to, meetingId: roomId, ...trunk });
          trunkCalls = [{ participantId, to, roomId, startedAt: new Date(clock.now()).toISOString() }, ...trunkCalls].slice(0, MAX_TRUNK_CALLS);
          emit();
          return { participantId };
        }
        const call = await client.startCall({ to, roomId, route: { kind: 'gateway', gatewayId: gatewayId ?? '' } });
        return { callId: call.id };
      } catch (error) {
        throw explain(error, roomId);
      } finally {
        if (watching()) void refresh();
      }
    },
    'videosdk:end': async ({ callId }) => {
      const client = clientFor(requireAccess());
      try {
        await client.endCall(callId);
        return null;
      } catch (error) {
        throw explain(error);
      } finally {
        if (watching()) void refresh();
      }
    },
  };

  return {
    handlers,
    snapshot,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accountChanged() {
      if (watching()) void refresh();
      else emit();
    },
    stop() {
      stopped = true;
      unschedule();
    },
  };
}
