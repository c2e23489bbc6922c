/**
 * Call-outs Webex will not list: "Participants in the pending state will not be listed". CallDeck
 * remembers each from the POST until the roster shows that very participant (joined) or Webex's 30
 * seconds of ringing are up (no answer). A row is matched to the roster by Webex's participantId or
 * by the invitationCorrelationId CallDeck sent, never by display name: two people may share one.
 * Time comes from the Clock port, so tests move it by hand.
 */
import type { PendingCallout } from '../../preload/contract.js';
import { CALLOUT_RING_MS } from '../../preload/common/meetings.js';
import type { Clock, TimerHandle } from '../core/ports.js';

interface Tracked {
  /** Webex's participantId, or `invitation:<uuid>` when the answer had none. */
  key: string;
  participantId: string | undefined;
  invitationCorrelationId: string;
  displayName: string;
  address: string;
  startedAt: number;
  state: 'ringing' | 'no-answer';
}

/** What the roster tells about one person, for matching. */
export interface RosterEntry {
  id: string;
  /** Each device's correlationId. */
  correlationIds: readonly string[];
}

export interface NewCallout {
  participantId: string | undefined;
  invitationCorrelationId: string;
  displayName: string;
  address: string;
}

export interface PendingCallouts {
  /** Starts tracking; returns the row's key. */
  add(callout: NewCallout): string;
  /** Drops call-outs the roster now shows; returns the keys that joined. */
  reconcile(roster: readonly RosterEntry[]): string[];
  remove(key: string): boolean;
  has(key: string): boolean;
  isRinging(key: string): boolean;
  /** Webex's participantId for a row, if its answer gave one. */
  participantIdOf(key: string): string | undefined;
  list(): PendingCallout[];
  clear(): void;
}

export const keyFor = (c: { participantId: string | undefined; invitationCorrelationId: string }) => c.participantId ?? `invitation:${c.invitationCorrelationId}`;

export function createPendingCallouts(deps: { clock: Clock; onChange: () => void }): PendingCallouts {
  const { clock } = deps;
  let items: Tracked[] = [];
  const timers = new Map<string, TimerHandle>();

  const stop = (key: string) => {
    const handle = timers.get(key);
    if (handle !== undefined) clock.clearTimeout(handle);
    timers.delete(key);
  };

  const joinedBy = (item: Tracked, roster: readonly RosterEntry[]) =>
    roster.some((p) => (item.participantId !== undefined && p.id === item.participantId) || p.correlationIds.includes(item.invitationCorrelationId));

  return {
    add(callout) {
      const key = keyFor(callout);
      items = [...items.filter((i) => i.key !== key), { ...callout, key, startedAt: clock.now(), state: 'ringing' }];
      stop(key);
      timers.set(
        key,
        clock.setTimeout(() => {
          timers.delete(key);
          items = items.map((i) => (i.key === key ? { ...i, state: 'no-answer' } : i));
          deps.onChange();
        }, CALLOUT_RING_MS),
      );
      return key;
    },
    reconcile(roster) {
      const joined = items.filter((i) => i.state === 'ringing' && joinedBy(i, roster)).map((i) => i.key);
      for (const key of joined) stop(key);
      items = items.filter((i) => !joined.includes(i.key));
      return joined;
    },
    remove(key) {
      stop(key);
      const before = items.length;
      items = items.filter((i) => i.key !== key);
      return items.length !== before;
    },
    has: (key) => items.some((i) => i.key === key),
    isRinging: (key) => items.some((i) => i.key === key && i.state === 'ringing'),
    participantIdOf: (key) => items.find((i) => i.key === key)?.participantId,
    list: () =>
      items.map((i) => ({
        participantId: i.key,
        ...(i.participantId === undefined ? { canCancel: false } : {}),
        displayName: i.displayName,
        address: i.address,
        startedAt: new Date(i.startedAt).toISOString(),
        endsAt: new Date(i.startedAt + CALLOUT_RING_MS).toISOString(),
        state: i.state,
      })),
    clear() {
      for (const key of [...timers.keys()]) stop(key);
      items = [];
    },
  };
}
