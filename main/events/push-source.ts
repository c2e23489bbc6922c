/**
 * A push channel that tells CallDeck something changed at the provider: Webex webhooks (a relay
 * forwards deliveries to a local receiver) or XSI-Events (a streaming channel CallDeck opens).
 *
 * A signal is only a reason to refresh now. The REST lists stay the truth: events arrive late,
 * out of order, twice or not at all, so nothing reads call state out of a signal.
 */
export type PushTopic = 'calls' | 'voicemail' | 'roster';

export interface PushSignal {
  readonly topic: PushTopic;
  /** The provider's id of the thing that changed (a call id, a meeting id), when the event says. */
  readonly id?: string;
  /** When the provider says it happened (epoch ms), when the event says. */
  readonly eventTime?: number;
}

export type PushHealth = { readonly state: 'live' } | { readonly state: 'down'; readonly reason: string };

export type PushSourceKind = 'xsi' | 'webhooks';

export interface PushSource {
  readonly kind: PushSourceKind;
  /** What its signals announce; the polls for anything else keep their own pace. */
  readonly topics: readonly PushTopic[];
  /** Opens the source. Resolves once it is live; rejects with an AppError when it cannot be used here. */
  start(): Promise<void>;
  /** Closes it and removes what it made at the provider (webhooks, channel, subscription). Never rejects. */
  stop(): Promise<void>;
  onSignal(listener: (signal: PushSignal) => void): () => void;
  /**
   * Roster signals while the person hosts an open meeting (on), none otherwise (off). Only sources
   * that can carry them have it; the roster poll covers the rest. Never rejects.
   */
  followRoster?(on: boolean): Promise<void>;
  /** After start() resolved: the source went down (channel dropped, webhook inactive …) or came back. */
  onHealth(listener: (health: PushHealth) => void): () => void;
}
