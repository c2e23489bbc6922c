/**
 * The XSI-Events push source (EVENTS.md §2): where the organisation has XSI and the token has
 * `spark:xsi`, CallDeck opens a streaming channel itself (no public URL), keeps it alive with a
 * heartbeat every 15 s, acknowledges each event, subscribes to "Advanced Call" for the user, and
 * refreshes channel and subscription before they expire.
 *
 * Each call event is only a signal to refresh the REST call list now: nothing is read out of it
 * but its call id and time. When the channel breaks (dropped, terminated, heartbeat 401/404,
 * silent past the watchdog) a new one is opened at once, on the next host if that fails; only when
 * that fails too is the source reported down, and it keeps trying in the background. After every
 * reopening it signals a refresh, because events that happened while no channel was open are lost.
 */
import { randomUUID } from 'node:crypto';
import { resolveSrv } from 'node:dns/promises';
import type { Dispatcher } from 'undici';
import { AppError } from '../../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../../core/ports.js';
import type { PeopleProvider } from '../../providers/people-provider.js';
import { xsiEndpointsOf, type XsiEndpoints } from '../../providers/webex/organizations-client.js';
import type { LineXsi } from '../../providers/webex/xsi-access.js';
import { createXsiClient, type XsiChannelStream, type XsiHost } from '../../providers/webex/xsi-client.js';
import { ADVANCED_CALL_EVENTS, readChannelMessage, xsiUserId, type ChannelMessage } from '../../providers/webex/xsi-messages.js';
import { createXmlStreamReader } from '../../providers/webex/xml-stream.js';
import type { PushHealth, PushSignal, PushSource } from '../push-source.js';

export const XSI_SCOPE = 'spark:xsi';
export const ADVANCED_CALL = 'Advanced Call';

export interface XsiTimings {
  /** EVENTS.md: "every 15 s". */
  heartbeatMs: number;
  /** Nothing on the stream for this long (heartbeats are echoed on it): the channel is dead. */
  idleMs: number;
  /** From the answer's headers to the `Channel` document that names the channel. */
  channelWaitMs: number;
  /** What we ask for; the server may grant less. */
  channelExpiresSec: number;
  subscriptionExpiresSec: number;
  /** Reopening after a failure waits this long, doubling up to maxRetryMs. */
  firstRetryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_XSI_TIMINGS: XsiTimings = {
  heartbeatMs: 15_000,
  idleMs: 50_000,
  channelWaitMs: 10_000,
  channelExpiresSec: 7200,
  subscriptionExpiresSec: 7200,
  firstRetryMs: 5_000,
  maxRetryMs: 120_000,
};

export interface XsiSourceDeps {
  /** The account's People API: people/me says the organisation and the person id. */
  people: Pick<PeopleProvider, 'me'>;
  /**
   * The account's org lookup, token and granted scopes. Its `resolveHosts` gives the XSP hosts
   * serving the XSI domain in preference order, each a URL host ("name" or "name:port"); without
   * it, DNS SRV `_xsi-client._tcp.<xsiDomain>`. The endpoints' own host is always tried first.
   */
  xsi: LineXsi;
  clock: Clock;
  log: Logger;
  /** For the short XSI requests; defaults to the shared Agent. */
  dispatcher?: Dispatcher;
  timings?: Partial<XsiTimings>;
}

async function srvHosts(domain: string): Promise<string[]> {
  try {
    const records = await resolveSrv(`_xsi-client._tcp.${domain}`);
    return records.sort((a, b) => a.priority - b.priority || b.weight - a.weight).map((r) => r.name);
  } catch {
    return [];
  }
}

function onHost(endpoint: string, host: string): string {
  const url = new URL(endpoint);
  url.host = host;
  return url.toString().replace(/\/+$/, '');
}

function hostsFor(endpoints: XsiEndpoints, extra: readonly string[]): XsiHost[] {
  const own = new URL(endpoints.channelEndpoint).host;
  const names = [own, ...extra.filter((h) => h !== own)];
  return [...new Set(names)].map((name) => ({
    label: name,
    channelEndpoint: onHost(endpoints.channelEndpoint, name),
    eventsEndpoint: onHost(endpoints.eventsEndpoint, name),
  }));
}

interface Discovery {
  userId: string;
  hosts: XsiHost[];
}

/** One open channel and everything tied to it; torn down as a whole. */
interface OpenChannel {
  host: XsiHost;
  channelId: string;
  stream: XsiChannelStream;
  abort: AbortController;
  timers: Set<TimerHandle>;
  lastSeen: number;
  missedBeats: number;
  closed: boolean;
}

export function createXsiSource(deps: XsiSourceDeps): PushSource {
  const t: XsiTimings = { ...DEFAULT_XSI_TIMINGS, ...deps.timings };
  const { clock, log } = deps;
  const xsi = createXsiClient({ getToken: () => deps.xsi.getToken(), ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}), now: () => clock.now() });
  const signalListeners = new Set<(s: PushSignal) => void>();
  const healthListeners = new Set<(h: PushHealth) => void>();
  // One channel set and application id per run: subscriptions belong to the set, not a channel.
  const channelSetId = `calldeck-${randomUUID()}`;
  const applicationId = 'CallDeck';

  let discovery: Discovery | undefined;
  let channel: OpenChannel | undefined;
  let hostIndex = 0;
  let subscription: { id: string; host: XsiHost } | undefined;
  let subscriptionTimer: TimerHandle | undefined;
  let retryTimer: TimerHandle | undefined;
  let retryMs = t.firstRetryMs;
  let stopped = false;
  let started = false;
  let health: PushHealth['state'] = 'down';
  let reconnecting: Promise<void> | undefined;
  /** The connection attempt under way, which stop() lets finish before it deletes what it made. */
  let connecting: Promise<void> | undefined;

  const emitSignal = (signal: PushSignal) => {
    for (const l of [...signalListeners]) l(signal);
  };
  function setHealth(next: PushHealth): void {
    if (next.state === health) return;
    health = next.state;
    if (!started) return;
    for (const l of [...healthListeners]) l(next);
  }

  async function discover(): Promise<Discovery> {
    const scopes = deps.xsi.grantedScopes();
    if (scopes !== undefined && !scopes.includes(XSI_SCOPE)) {
      throw new AppError('forbidden', `XSI events need the ${XSI_SCOPE} scope, which this sign-in did not grant.`);
    }
    const me = await deps.people.me();
    if (!me.orgId || !me.id) throw new AppError('provider', 'Webex did not say which organisation this account belongs to.');
    const userId = xsiUserId(me.id);
    if (!userId) throw new AppError('provider', 'Webex sent a person id CallDeck cannot read an XSI user id from.');
    const endpoints = xsiEndpointsOf(await deps.xsi.organization(me.orgId));
    if (!endpoints) throw new AppError('not-found', 'XSI is not switched on for this organisation.');
    const resolve = deps.xsi.resolveHosts ? (d: string) => deps.xsi.resolveHosts!(d) : srvHosts;
    const extra = await resolve(endpoints.domain).catch(() => []);
    return { userId, hosts: hostsFor(endpoints, extra) };
  }

  function later(open: OpenChannel, ms: number, run: () => void): void {
    if (open.closed) return;
    const handle = clock.setTimeout(() => {
      open.timers.delete(handle);
      if (!open.closed) run();
    }, ms);
    open.timers.add(handle);
  }

  /** Ends a channel locally; the server's copy is deleted in the background (it may already be gone). */
  function close(open: OpenChannel, deleteAtServer: boolean): void {
    if (open.closed) return;
    open.closed = true;
    for (const h of open.timers) clock.clearTimeout(h);
    open.timers.clear();
    open.abort.abort();
    open.stream.close();
    if (channel === open) channel = undefined;
    if (deleteAtServer) {
      void xsi.deleteChannel(open.host, open.channelId).catch((error: unknown) => log.info('xsi: could not delete an old channel', { reason: String(error) }));
    }
  }

  /** The channel broke: open another at once; report down only if that fails too. */
  function broken(open: OpenChannel, why: string, deleteAtServer = true): void {
    if (open.closed || stopped) return;
    log.warn('xsi: channel lost, opening a new one', { reason: why, host: open.host.label });
    close(open, deleteAtServer);
    // While start() or a reconnection is still setting this channel up, that attempt sees it closed.
    if (started && !reconnecting) void reconnect();
  }

  function reconnect(): Promise<void> {
    reconnecting ??= (async () => {
      try {
        await connect();
        retryMs = t.firstRetryMs;
        setHealth({ state: 'live' });
        // Events between the old channel and the new one are lost: refresh now.
        emitSignal({ topic: 'calls' });
      } catch (error) {
        const reason = error instanceof AppError ? error.message : String(error);
        setHealth({ state: 'down', reason });
        scheduleRetry();
      } finally {
        reconnecting = undefined;
      }
    })();
    return reconnecting;
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer !== undefined) return;
    const wait = retryMs;
    retryMs = Math.min(t.maxRetryMs, retryMs * 2);
    retryTimer = clock.setTimeout(() => {
      retryTimer = undefined;
      if (!stopped && !channel) void reconnect();
    }, wait);
  }

  function heartbeat(open: OpenChannel): void {
    later(open, t.heartbeatMs, () => {
      xsi.heartbeat(open.host, open.channelId).then(
        () => {
          open.missedBeats = 0;
          heartbeat(open);
        },
        (error: unknown) => {
          if (open.closed) return;
          const status = error instanceof AppError ? error.status : undefined;
          // EVENTS.md: on 401 or 404, open a new channel.
          if (status === 401 || status === 404) return broken(open, `heartbeat answered ${status}`);
          open.missedBeats += 1;
          if (open.missedBeats >= 2) return broken(open, `two heartbeats failed (${String(error)})`);
          heartbeat(open);
        },
      );
    });
  }

  function watchdog(open: OpenChannel): void {
    later(open, t.idleMs, () => {
      const quietFor = clock.now() - open.lastSeen;
      if (quietFor >= t.idleMs) broken(open, `nothing on the channel for ${Math.round(quietFor / 1000)} s`);
      else watchdog(open);
    });
  }

  function refreshChannel(open: OpenChannel, grantedSec: number): void {
    later(open, refreshDelay(grantedSec), () => {
      xsi.refreshChannel(open.host, open.channelId, t.channelExpiresSec).then(
        (granted) => refreshChannel(open, granted ?? t.channelExpiresSec),
        (error: unknown) => broken(open, `channel refresh failed (${String(error)})`),
      );
    });
  }

  /** Well before the end: at two thirds of the lifetime, never later than a minute before it. */
  function refreshDelay(grantedSec: number): number {
    const ms = grantedSec * 1000;
    return Math.max(1_000, Math.min((ms * 2) / 3, ms - 60_000));
  }

  function scheduleSubscriptionRefresh(grantedSec: number): void {
    if (subscriptionTimer !== undefined) clock.clearTimeout(subscriptionTimer);
    subscriptionTimer = clock.setTimeout(() => {
      subscriptionTimer = undefined;
      void renewSubscription();
    }, refreshDelay(grantedSec));
  }

  async function renewSubscription(): Promise<void> {
    const sub = subscription;
    const open = channel;
    if (!sub || !open || stopped) return;
    try {
      const granted = await xsi.refreshSubscription(open.host, sub.id, t.subscriptionExpiresSec);
      scheduleSubscriptionRefresh(granted ?? t.subscriptionExpiresSec);
    } catch (error) {
      log.warn('xsi: subscription refresh failed, subscribing again', { reason: String(error) });
      subscription = undefined;
      try {
        await subscribe(open);
      } catch (again) {
        broken(open, `could not subscribe again (${String(again)})`);
      }
    }
  }

  async function subscribe(open: OpenChannel): Promise<void> {
    const d = discovery!;
    const sub = await xsi.subscribe(open.host, d.userId, {
      event: ADVANCED_CALL,
      expiresSec: t.subscriptionExpiresSec,
      channelSetId,
      applicationId,
    });
    subscription = { id: sub.subscriptionId, host: open.host };
    scheduleSubscriptionRefresh(sub.expiresSec ?? t.subscriptionExpiresSec);
  }

  function handle(open: OpenChannel, message: ChannelMessage): void {
    switch (message.kind) {
      case 'event':
        // Acknowledge every event, to the host holding the channel; a lost ack is the server's to retry.
        xsi.acknowledge(open.host, message.eventId).catch((error: unknown) => log.info('xsi: acknowledgement failed', { reason: String(error) }));
        if (message.type === 'SubscriptionTerminatedEvent') {
          subscription = undefined;
          subscribe(open).catch((error: unknown) => broken(open, `subscription ended and could not be renewed (${String(error)})`));
          emitSignal({ topic: 'calls' });
        } else if (ADVANCED_CALL_EVENTS.has(message.type)) {
          emitSignal({
            topic: 'calls',
            ...(message.callId !== undefined ? { id: message.callId } : {}),
            ...(message.eventTime !== undefined ? { eventTime: message.eventTime } : {}),
          });
        }
        return;
      case 'channel-terminated':
        // Never acknowledged (EVENTS.md). The server has already dropped it: nothing to delete.
        return broken(open, `channel terminated${message.reason ? ` (${message.reason})` : ''}`, false);
      default:
        return;
    }
  }

  /** Reads the stream until it ends; the first document must be the Channel that names it. */
  async function openOn(host: XsiHost): Promise<OpenChannel> {
    const abort = new AbortController();
    const stream = await xsi.openChannel(host, { channelSetId, priority: 1, weight: 100, expiresSec: t.channelExpiresSec, applicationId }, abort.signal);
    const reader = createXmlStreamReader();
    const iterator = stream.body[Symbol.asyncIterator]();
    let pending: ChannelMessage[] = [];
    let first: Extract<ChannelMessage, { kind: 'channel' }> | undefined;

    // Wait for the Channel document, with a deadline of its own.
    const waitTimer = clock.setTimeout(() => stream.close(), t.channelWaitMs);
    try {
      while (!first) {
        const next = await iterator.next();
        if (next.done) throw new AppError('network', 'XSI-Events ended the channel before naming it.');
        const docs = reader.push(next.value).map(readChannelMessage);
        const index = docs.findIndex((m) => m.kind === 'channel');
        if (index === -1) continue;
        first = docs[index] as Extract<ChannelMessage, { kind: 'channel' }>;
        pending = docs.slice(index + 1);
      }
    } catch (error) {
      stream.close();
      throw error instanceof AppError ? error : new AppError('network', `The XSI-Events channel on ${host.label} failed before it opened (${String(error)}).`);
    } finally {
      clock.clearTimeout(waitTimer);
    }

    const open: OpenChannel = {
      host,
      channelId: first.channelId,
      stream,
      abort,
      timers: new Set(),
      lastSeen: clock.now(),
      missedBeats: 0,
      closed: false,
    };
    const grantedSec = first.expiresSec ?? t.channelExpiresSec;
    void (async () => {
      try {
        for (const m of pending) handle(open, m);
        for (;;) {
          const next = await iterator.next();
          if (open.closed) return;
          if (next.done) return broken(open, 'the server ended the channel');
          open.lastSeen = clock.now();
          for (const doc of reader.push(next.value)) {
            handle(open, readChannelMessage(doc));
            if (open.closed) return;
          }
        }
      } catch (error) {
        broken(open, `the channel failed (${error instanceof Error ? error.message : String(error)})`);
      }
    })();
    heartbeat(open);
    watchdog(open);
    refreshChannel(open, grantedSec);
    return open;
  }

  function connect(): Promise<void> {
    const attempt = connectOnce();
    connecting = attempt;
    const settled = () => {
      if (connecting === attempt) connecting = undefined;
    };
    attempt.then(settled, settled);
    return attempt;
  }

  /** Opens a channel on the current host or, failing that, each next one in turn; then subscribes. */
  async function connectOnce(): Promise<void> {
    discovery ??= await discover();
    const hosts = discovery.hosts;
    let lastError: unknown;
    for (let tried = 0; tried < hosts.length; tried += 1) {
      if (stopped) throw new AppError('network', 'XSI events were stopped.');
      const host = hosts[(hostIndex + tried) % hosts.length]!;
      let open: OpenChannel | undefined;
      try {
        open = await openOn(host);
        if (stopped) {
          // stop() is waiting for this attempt: delete the channel before its connection ends.
          const opened = open;
          open = undefined;
          await xsi.deleteChannel(opened.host, opened.channelId).catch(() => undefined);
          close(opened, false);
          throw new AppError('network', 'XSI events were stopped.');
        }
        channel = open;
        hostIndex = (hostIndex + tried) % hosts.length;
        if (subscription) {
          try {
            const granted = await xsi.refreshSubscription(open.host, subscription.id, t.subscriptionExpiresSec);
            scheduleSubscriptionRefresh(granted ?? t.subscriptionExpiresSec);
          } catch {
            subscription = undefined;
          }
        }
        if (!subscription) await subscribe(open);
        if (open.closed) throw new AppError('network', `The XSI-Events channel on ${host.label} closed while it was being set up.`);
        return;
      } catch (error) {
        lastError = error;
        if (open) close(open, true);
        log.warn('xsi: could not open a channel', { host: host.label, reason: String(error) });
        // A refused token or scope is the same on every host.
        if (error instanceof AppError && (error.status === 401 || error.status === 403)) break;
      }
    }
    throw lastError instanceof AppError ? lastError : new AppError('network', `XSI-Events could not be reached (${String(lastError)}).`);
  }

  return {
    kind: 'xsi',
    // The "Advanced Call" package is calls only: no message-waiting, no meetings.
    topics: ['calls'],
    async start() {
      if (stopped) throw new AppError('internal', 'This XSI source was stopped.');
      if (started) return;
      await connect();
      started = true;
      health = 'live';
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (retryTimer !== undefined) clock.clearTimeout(retryTimer);
      // An attempt under way finishes first, so what it made at the server is deleted below.
      await connecting?.catch(() => undefined);
      if (subscriptionTimer !== undefined) clock.clearTimeout(subscriptionTimer);
      const open = channel;
      const sub = subscription;
      subscription = undefined;
      if (open) {
        open.closed = true;
        for (const h of open.timers) clock.clearTimeout(h);
        channel = undefined;
      }
      // Close both at the server (EVENTS.md: "on quit DELETE both") while the channel's connection
      // is still up (a server forgets a channel whose connection ends), then end our side.
      await Promise.allSettled([
        sub ? xsi.deleteSubscription(open?.host ?? sub.host, sub.id) : Promise.resolve(),
        open ? xsi.deleteChannel(open.host, open.channelId) : Promise.resolve(),
      ]);
      open?.stream.close();
      await xsi.close();
    },
    onSignal(listener) {
      signalListeners.add(listener);
      return () => signalListeners.delete(listener);
    },
    onHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
  };
}
