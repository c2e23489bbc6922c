import type { CallDeckApi } from '../../preload/contract.js';

// Specs evaluate code in the page, where the harness bridge defines window.calldeck.
declare global {
  interface Window {
    calldeck: CallDeckApi;
  }
}
export {};
