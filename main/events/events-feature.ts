/**
 * Live updates, as the app assembles them: the push sources in order of preference (XSI events
 * first when the XSI engineer's factory is given, then webhooks), the orchestrator that picks one,
 * and the bridge channel that says which is live.
 */
import { hostname, userInfo } from 'node:os';
import type { LiveSource } from '../../preload/contract.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Line } from '../providers/line.js';
import { createLiveUpdates, type LiveUpdates, type LiveUpdatesTimings, type PushSourceFactory } from './live-updates.js';
import type { PushSignal } from './push-source.js';
import { webhookAddress, type WebhookEnvironment, type WebhookSettings } from './webhook-config.js';
import { createWebhookSource, type SecretBox, type WebhookTimings } from './webhook-source.js';

export interface EventsOptions {
  /** CALLDECK_WEBHOOK_URL / CALLDECK_WEBHOOK_PORT. */
  webhookEnvironment?: WebhookEnvironment;
  timings?: Partial<LiveUpdatesTimings>;
  webhookTimings?: Partial<WebhookTimings>;
}

/** What a push source factory may use: the line in use, the vault, the clock and the log. */
export interface PushSourceContext {
  line: () => Line;
  secrets: SecretBox & { get(key: string): string | undefined };
  clock: Clock;
  log: Logger;
}

export interface EventsDeps extends PushSourceContext {
  settings: () => WebhookSettings;
  refresh: Record<PushSignal['topic'], (signal?: PushSignal) => void>;
  setSafetyNet(ms: number | undefined): void;
  /** Sources preferred over webhooks, e.g. XSI events: `(ctx) => createXsiSource(ctx)`. */
  preferred?: ReadonlyArray<(ctx: PushSourceContext) => PushSourceFactory>;
  options?: EventsOptions;
}

export interface EventsFeature {
  handlers: HandlersOf<ChannelsOf<'events'>>;
  live: LiveUpdates;
  status(): LiveSource;
  onStatus(listener: (status: LiveSource) => void): () => void;
}

export function createEventsFeature(deps: EventsDeps): EventsFeature {
  const { clock, log } = deps;
  const ctx: PushSourceContext = { line: deps.line, secrets: deps.secrets, clock, log };

  /** Names this install's webhooks (this computer and user), so the next run finds its stale ones. */
  function installName(): string {
    let user = '';
    try {
      user = userInfo().username;
    } catch {
      // Some sandboxes have no passwd entry; the host name alone still tells installs apart.
    }
    return `CallDeck live updates · ${hostname()}${user ? ` · ${user}` : ''}`;
  }

  const webhooks: PushSourceFactory = () => {
    const line = deps.line();
    if (line.webhooks === undefined) return undefined;
    const address = webhookAddress(deps.settings(), deps.options?.webhookEnvironment ?? {}, line.mode);
    if (address === undefined) return undefined;
    return createWebhookSource({
      provider: line.webhooks,
      address,
      secrets: deps.secrets,
      installName: installName(),
      clock,
      log,
      ...(deps.options?.webhookTimings ? { timings: deps.options.webhookTimings } : {}),
    });
  };

  const live = createLiveUpdates({
    sources: [...(deps.preferred ?? []).map((make) => make(ctx)), webhooks],
    clock,
    log,
    refresh: deps.refresh,
    setSafetyNet: deps.setSafetyNet,
    ...(deps.options?.timings ? { timings: deps.options.timings } : {}),
  });

  return {
    handlers: { 'events:status': async () => live.status() },
    live,
    status: () => live.status(),
    onStatus: (listener) => live.onStatus(listener),
  };
}
