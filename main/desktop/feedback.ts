import type { Feedback } from '../../preload/contract.js';
import type { Clock, Notifier, TimerHandle } from '../core/ports.js';

/** Long enough to read a sentence, short enough not to linger in the tooltip. */
export const FEEDBACK_MS = 4000;

export interface FeedbackChannel {
  /** info: shown briefly in the tray tooltip and the window. error: also as an OS notification. */
  say(text: string, tone: Feedback['tone']): void;
  current(): Feedback | null;
  stop(): void;
}

/**
 * Brief feedback for things done outside the window (hotkeys, tray, links). Failures also go to
 * the OS notification centre, because the window may be hidden and a tooltip needs a hover.
 */
export function createFeedback(deps: { clock: Clock; notifier: Notifier; onChange(): void; onNotificationClick(): void }): FeedbackChannel {
  let current: Feedback | null = null;
  let nextId = 1;
  let timer: TimerHandle | undefined;

  return {
    say(text, tone) {
      if (timer !== undefined) deps.clock.clearTimeout(timer);
      current = { id: nextId++, text, tone };
      if (tone === 'error') deps.notifier.notify({ title: 'CallDeck', body: text, onClick: deps.onNotificationClick });
      timer = deps.clock.setTimeout(() => {
        current = null;
        timer = undefined;
        deps.onChange();
      }, FEEDBACK_MS);
      deps.onChange();
    },
    current: () => current,
    stop() {
      if (timer !== undefined) deps.clock.clearTimeout(timer);
    },
  };
}
