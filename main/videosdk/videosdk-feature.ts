/**
 * The VideoSDK feature: start a SIP call into a VideoSDK room (through a trunk or a gateway), follow
 * the calls while the window shows them, and end one. Every request gets a fresh token from the
 * account's `mint`, in main; the window only ever sees calls and errors.
 *
 * The list is polled only while the window shows it (a `videosdk:watch` lease), every 2 s while a
 * call is live and every 10 s otherwise, and at once after each start or end.
 */
import type { ErrorValue, SipCall, VideoSdkSnapshot } from '../../preload/contract.js';
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
const PAGE = { page: 1, perPage: 20 };

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

/** A 401 means the key or secret is wrong; say so, keep VideoSDK's words, and say where to fix it. */
function explain(error: unknown): unknown {
  if (error instanceof AppError && error.code === 'unauthorized') {
    return new AppError('unauthorized', `The VideoSDK API key or secret is wrong; check them in Settings → Accounts. VideoSDK said: ${error.message}`, error.toValue());
  }
  return error;
}

export function createVideoSdkFeature(deps: VideoSdkFeatureDeps): VideoSdkFeature {
  const { clock, log } = deps;
  const liveMs = deps.pollLiveMs ?? POLL_LIVE_MS;
  const idleMs = deps.pollIdleMs ?? POLL_IDLE_MS;
  const clientFor = deps.clientFor ?? ((access: VideoSdkAccess) => createVideoSdkClient({ baseUrl: access.baseUrl, getToken: () => access.mint() }));
  const listeners = new Set<(snapshot: VideoSdkSnapshot) => void>();

  let calls: SipCall[] = [];
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
    return {
      account: access ? { available: true, source: access.source, ...(access.demo ? { demo: access.demo } : {}) } : { available: false },
      calls,
      loaded,
      ...(problem ? { problem } : {}),
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
      const page = await clientFor(access).listCalls(PAGE);
      calls = page.calls.map(toSipCall);
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
      const client = clientFor(requireAccess());
      try {
        if (args.route === 'trunk') {
          const { participantId } = await client.trunkCall({
            to,
            displayName: args.displayName,
            meetingId: args.roomId,
            trunkId: args.trunkId,
            ...(args.from !== undefined ? { from: args.from } : {}),
          });
          return { participantId };
        }
        const call = await client.startCall({ to, roomId: args.roomId, route: { kind: 'gateway', gatewayId: args.gatewayId } });
        return { callId: call.id };
      } catch (error) {
        throw explain(error);
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
