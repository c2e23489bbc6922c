import { eventChannels, type EventChannel, type PayloadOf } from '../../preload/contract.js';
import type { Logger } from '../core/ports.js';

/** One renderer that receives events: a BrowserWindow's webContents, or a harness socket. */
export interface EventTarget {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: EventChannel, payload: unknown): void;
}

interface Subscriber {
  target: EventTarget;
  ready: boolean;
  /**
   * Events waiting for `app:ready`. Every event is a full snapshot of its domain, so only the
   * newest per channel is worth delivering; that also bounds the queue by the number of channels.
   */
  pending: Map<EventChannel, unknown>;
}

export interface EventHub {
  /** Starts tracking a renderer; events queue for it until `markReady`. */
  attach(target: EventTarget): void;
  detach(targetId: number): void;
  markReady(targetId: number): void;
  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): void;
}

export function createEventHub(log: Logger): EventHub {
  const subscribers = new Map<number, Subscriber>();

  function deliver(subscriber: Subscriber, channel: EventChannel, payload: unknown): void {
    if (subscriber.target.isDestroyed()) {
      subscribers.delete(subscriber.target.id);
      return;
    }
    subscriber.target.send(channel, payload);
  }

  return {
    attach(target) {
      if (!subscribers.has(target.id)) subscribers.set(target.id, { target, ready: false, pending: new Map() });
    },
    detach(targetId) {
      subscribers.delete(targetId);
    },
    markReady(targetId) {
      const subscriber = subscribers.get(targetId);
      if (!subscriber || subscriber.ready) return;
      subscriber.ready = true;
      for (const [channel, payload] of subscriber.pending) deliver(subscriber, channel, payload);
      subscriber.pending.clear();
    },
    emit(channel, payload) {
      // Validate before anything leaves main: a payload outside the contract is a bug here,
      // and the schema strips fields the renderer must never see.
      const checked = eventChannels[channel].safeParse(payload);
      if (!checked.success) {
        log.error('event payload outside the contract; not sent', { channel, issues: checked.error.issues });
        return;
      }
      for (const subscriber of [...subscribers.values()]) {
        if (subscriber.ready) deliver(subscriber, channel, checked.data);
        else subscriber.pending.set(channel, checked.data);
      }
    },
  };
}
