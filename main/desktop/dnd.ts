import type { DndState } from '../../preload/contract.js';
import type { CallsProvider } from '../providers/calls-provider.js';
import { AppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import { logMessage, userMessage } from './error-text.js';

/** Do Not Disturb can be changed on the phone or in Webex; look again this often. */
export const DND_REFRESH_MS = 60_000;

export interface DndControl {
  state(): DndState;
  refresh(): Promise<void>;
  set(enabled: boolean): Promise<DndState>;
  /** Forgets what the old line said (after a sign-in or sign-out) and reads the new one. */
  reset(): Promise<void>;
  onChange(listener: (state: DndState) => void): () => void;
  stop(): void;
}

/**
 * The user's Webex Do Not Disturb setting (Call Settings For Me: GET/PUT
 * /telephony/config/people/me/settings/doNotDisturb). What Webex stores is the truth: after a
 * change it is read back, and a read that started before a change never overwrites it.
 */
export function createDnd(deps: { provider: () => CallsProvider; clock: Clock; log: Logger; refreshMs?: number }): DndControl {
  const listeners = new Set<(state: DndState) => void>();
  let state: DndState = { status: 'unknown', updating: false };
  let generation = 0;
  let timer: TimerHandle | undefined;
  let stopped = false;

  const update = (next: DndState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };
  const status = (enabled: boolean | undefined): DndState['status'] => (enabled === undefined ? 'unknown' : enabled ? 'on' : 'off');

  async function refresh(): Promise<void> {
    const started = generation;
    try {
      const read = await deps.provider().getDoNotDisturb();
      if (started !== generation || state.updating) return;
      update({ status: status(read.enabled), updating: false });
    } catch (error) {
      if (started !== generation || state.updating) return;
      deps.log.warn('dnd: could not read Do Not Disturb', { error: logMessage(error) });
      update({ status: state.status, updating: false, error: `Couldn't read Do Not Disturb: ${userMessage(error)}` });
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = deps.clock.setTimeout(() => {
      void refresh().finally(schedule);
    }, deps.refreshMs ?? DND_REFRESH_MS);
  }

  void refresh();
  schedule();

  return {
    state: () => state,
    refresh,
    async set(enabled) {
      if (state.updating) throw new AppError('conflict', 'Do Not Disturb is already being changed.');
      generation += 1;
      update({ status: state.status, updating: true });
      try {
        await deps.provider().setDoNotDisturb(enabled);
      } catch (error) {
        update({ status: state.status, updating: false, error: `Couldn't turn Do Not Disturb ${enabled ? 'on' : 'off'}: ${userMessage(error)}` });
        throw error;
      }
      // Webex answers 204; what it stored is what a read returns. If that read fails, the PUT did work.
      let stored = enabled;
      try {
        stored = (await deps.provider().getDoNotDisturb()).enabled ?? enabled;
      } catch (error) {
        deps.log.warn('dnd: read-back after change failed', { error: logMessage(error) });
      }
      generation += 1;
      update({ status: stored ? 'on' : 'off', updating: false });
      return state;
    },
    async reset() {
      generation += 1;
      update({ status: 'unknown', updating: false });
      await refresh();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) deps.clock.clearTimeout(timer);
    },
  };
}
