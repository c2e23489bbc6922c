/**
 * Webhooks as a push source. On start it clears this install's stale webhooks (a crash leaves
 * them behind), then creates one per event it needs, each with a fresh random secret kept in the
 * vault, all pointing at the public address the user's relay forwards to the local receiver. It
 * looks at them now and then: one Webex turned `inactive` means deliveries stopped (the source
 * says so and asks Webex to turn it back on); one someone else deleted is made again. While the
 * person hosts an open meeting it also keeps `meetingParticipants` webhooks (joined, left). Stop
 * deletes them all and forgets their secrets.
 */
import { randomBytes } from 'node:crypto';
import { AppError, isAppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { WebexWebhook } from '../providers/webex/webhooks-schemas.js';
import type { WebhookInput, WebhooksProvider } from '../providers/webhooks-provider.js';
import type { PushHealth, PushSignal, PushSource } from './push-source.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/** Where deliveries come from and go to. */
export interface WebhookAddress {
  /** The public URL Webex posts to; undefined: the receiver's own loopback URL (the built-in line). */
  publicUrl: string | undefined;
  /** The receiver's port on 127.0.0.1; 0 picks a free one. */
  port: number;
}

/** Where the webhooks' secrets live: the vault. */
export interface SecretBox {
  set(key: string, value: string): Promise<void>;
  delete(...keys: string[]): Promise<void>;
}

export interface WebhookTimings {
  /** How often the webhooks are looked at while deliveries flow. */
  checkEveryMs: number;
  /** How often while they do not (to turn an inactive one back on). */
  recheckEveryMs: number;
}

/** Every 5 minutes while live: the idle budget is 4 requests a minute, and the safety-net poll and the quiet watch catch a gap sooner. */
export const DEFAULT_WEBHOOK_TIMINGS: WebhookTimings = { checkEveryMs: 300_000, recheckEveryMs: 20_000 };

export interface WebhookSourceDeps {
  provider: WebhooksProvider;
  address: WebhookAddress;
  secrets: SecretBox;
  /** Names this install's webhooks, so its stale ones can be told from other apps'. */
  installName: string;
  clock: Clock;
  log: Logger;
  timings?: Partial<WebhookTimings>;
}

/** The contract-safe form: the published event names one by one, never `all`. */
export const WANTED: ReadonlyArray<Pick<WebhookInput, 'resource' | 'event'>> = [
  { resource: 'telephony_calls', event: 'created' },
  { resource: 'telephony_calls', event: 'updated' },
  { resource: 'telephony_calls', event: 'deleted' },
  { resource: 'telephony_mwi', event: 'updated' },
];

/**
 * A user's roster webhooks: no `filter`, since the contract does not say which a meetingParticipants
 * webhook honours; the roster's owner tells its own meeting's signals from others by `meetingId`.
 */
const ROSTER_WANTED: ReadonlyArray<Pick<WebhookInput, 'resource' | 'event'>> = [
  { resource: 'meetingParticipants', event: 'joined' },
  { resource: 'meetingParticipants', event: 'left' },
];

const TOPIC_OF: Record<string, PushSignal['topic']> = { telephony_calls: 'calls', telephony_mwi: 'voicemail', meetingParticipants: 'roster' };

export const secretKey = (webhookId: string) => `events:webhook-secret:${webhookId}`;

export function createWebhookSource(deps: WebhookSourceDeps): PushSource {
  const { provider, clock, log } = deps;
  const timings = { ...DEFAULT_WEBHOOK_TIMINGS, ...deps.timings };
  const signalListeners = new Set<(signal: PushSignal) => void>();
  const healthListeners = new Set<(health: PushHealth) => void>();
  // Ours, by id: what we asked for and its secret.
  const mine = new Map<string, { want: Pick<WebhookInput, 'resource' | 'event'>; secret: string; hook: WebexWebhook }>();
  let receiver: WebhookReceiver | undefined;
  let targetUrl = '';
  let timer: TimerHandle | undefined;
  let health: PushHealth = { state: 'live' };
  let stopped = false;
  let abort = new AbortController();
  let rosterWanted = false;
  // Roster webhooks are made and deleted one change at a time, in the order asked.
  let rosterQueue: Promise<void> = Promise.resolve();

  const secretsById = () => new Map([...mine].map(([id, entry]) => [id, entry.secret]));

  function setHealth(next: PushHealth): void {
    if (next.state === health.state && (next.state === 'live' || (health.state === 'down' && health.reason === next.reason))) return;
    health = next;
    for (const listener of healthListeners) listener(next);
  }

  function emit(signal: PushSignal): void {
    for (const listener of signalListeners) listener(signal);
  }

  async function create(want: Pick<WebhookInput, 'resource' | 'event'>): Promise<void> {
    const secret = randomBytes(32).toString('hex');
    const hook = await provider.create({ name: deps.installName, targetUrl, secret, ...want }, abort.signal);
    mine.set(hook.id, { want, secret, hook });
    await deps.secrets.set(secretKey(hook.id), secret);
  }

  async function forget(id: string): Promise<void> {
    mine.delete(id);
    await deps.secrets.delete(secretKey(id)).catch(() => undefined);
  }

  function schedule(): void {
    if (stopped) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        void check().finally(schedule);
      },
      health.state === 'live' ? timings.checkEveryMs : timings.recheckEveryMs,
    );
  }

  const rosterHooks = () => [...mine].filter(([, entry]) => entry.want.resource === 'meetingParticipants').map(([id]) => id);

  async function remove(id: string): Promise<void> {
    try {
      await provider.remove(id);
    } catch (error) {
      log.warn('events: could not delete a webhook', isAppError(error) ? { code: error.code, status: error.status } : { error: String(error) });
    }
    await forget(id);
  }

  /** Brings the roster webhooks in line with what is wanted. */
  async function syncRoster(): Promise<void> {
    if (stopped || receiver === undefined) return;
    const have = rosterHooks();
    if (!rosterWanted) {
      await Promise.all(have.map(remove));
      return;
    }
    if (have.length > 0) return;
    try {
      for (const want of ROSTER_WANTED) await create(want);
    } catch (error) {
      // Without them the roster poll still runs; say why once and leave it at that.
      log.warn('events: could not create the meeting roster webhooks', isAppError(error) ? { code: error.code, status: error.status } : { error: String(error) });
      await Promise.all(rosterHooks().map(remove));
    }
  }

  /** Looks at our webhooks: turns inactive ones back on, remakes deleted ones. */
  async function check(): Promise<void> {
    if (stopped) return;
    let listed: WebexWebhook[];
    try {
      listed = await provider.list(abort.signal);
    } catch (error) {
      if (!stopped) log.warn('events: could not list webhooks', isAppError(error) ? { code: error.code, status: error.status } : { error: String(error) });
      return;
    }
    const byId = new Map(listed.map((h) => [h.id, h]));
    for (const [id, entry] of [...mine]) {
      if (stopped) return;
      const now = byId.get(id);
      try {
        if (now === undefined) {
          log.warn('events: a webhook was deleted by someone else; making it again', { resource: entry.want.resource, event: entry.want.event });
          await forget(id);
          await create(entry.want);
          // Whatever happened while it was gone was not delivered: read it now.
          const topic = TOPIC_OF[entry.want.resource];
          if (topic) emit({ topic });
        } else if (now.status === 'inactive') {
          setHealth({ state: 'down', reason: 'Webex turned the webhooks off after deliveries failed (is the relay running?).' });
          await provider.reactivate(now, abort.signal);
        }
      } catch (error) {
        if (!stopped) log.warn('events: could not repair a webhook', isAppError(error) ? { code: error.code, status: error.status } : { error: String(error) });
      }
    }
  }

  return {
    kind: 'webhooks',
    topics: ['calls', 'voicemail', 'roster'],

    async start() {
      stopped = false;
      abort = new AbortController();
      const path = deps.address.publicUrl !== undefined ? new URL(deps.address.publicUrl).pathname : `/calldeck/${randomBytes(12).toString('hex')}`;
      receiver = await startWebhookReceiver({
        port: deps.address.port,
        path,
        secrets: secretsById,
        log,
        onDelivery: ({ signal }) => {
          if (stopped) return;
          // A delivery is proof the path from Webex through the relay works.
          setHealth({ state: 'live' });
          if (signal) emit(signal);
        },
      });
      targetUrl = deps.address.publicUrl ?? `http://127.0.0.1:${receiver.port}${path}`;
      try {
        // Stale ones: this install's from an earlier run, or anything else aimed at our address.
        const stale = (await provider.list(abort.signal)).filter((h) => h.name === deps.installName || h.targetUrl === targetUrl);
        for (const hook of stale) await provider.remove(hook.id, abort.signal);
        for (const want of WANTED) await create(want);
      } catch (error) {
        await this.stop();
        if (isAppError(error) && error.code === 'forbidden') {
          throw new AppError('forbidden', 'Webex did not allow CallDeck to create webhooks (the sign-in needs spark:calls_read).');
        }
        throw error;
      }
      health = { state: 'live' };
      schedule();
    },

    async stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      abort.abort(new Error('live updates stopped'));
      // The receiver first: nothing that arrives from now on matters, and it must not outlive the app.
      const closing = receiver;
      receiver = undefined;
      await closing?.close();
      // A roster change under way finishes first, so nothing it makes outlives the stop.
      await rosterQueue;
      // Deleting uses a fresh signal: the one above cancels only the look-ups in flight.
      await Promise.all([...mine.keys()].map(remove));
    },

    followRoster(on) {
      rosterWanted = on;
      rosterQueue = rosterQueue.then(syncRoster).catch((error: unknown) => log.error('events: roster webhooks failed', { error: String(error) }));
      return rosterQueue;
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
