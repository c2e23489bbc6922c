import type { CallDeckApi } from '../preload/contract';

// The preload exposes exactly the contract's derived API; typing it from there means the
// renderer cannot drift from what main actually serves.
declare global {
  interface Window {
    calldeck: CallDeckApi;
  }
}

/** The bridge, or null when the page is opened without the preload (e.g. in a plain browser). */
export function findBridge(): CallDeckApi | null {
  return (window as Partial<Window>).calldeck ?? null;
}
