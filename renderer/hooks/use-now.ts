import { useSyncExternalStore } from 'react';

/**
 * One shared one-second ticker for every live duration on screen: a single interval runs while
 * anything is subscribed, instead of one timer per call.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = 0;

const wholeSecond = () => Math.floor(Date.now() / 1000) * 1000;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = wholeSecond();
    timer = setInterval(() => {
      now = wholeSecond();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Rounded to whole seconds so repeated reads between ticks return the same value, as
// useSyncExternalStore requires.
const getSnapshot = () => (timer === undefined ? wholeSecond() : now);

/** The current time in ms, updated once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
