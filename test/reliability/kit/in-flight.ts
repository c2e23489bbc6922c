/**
 * How many undici requests this process has out right now, from undici's own diagnostics
 * channels. With a fake clock driving the app and real sockets carrying its requests, a test
 * must know when the real I/O a timer started has finished before it moves the clock again.
 */
import { subscribe } from 'node:diagnostics_channel';
import { setTimeout as sleep } from 'node:timers/promises';
import { flushAsync } from '../../fakes/fake-clock.js';

import type { HttpClient } from '../../../main/providers/http.js';

let open = 0;
/** Requests out through clients wrapped by trackHttp, retries and back-off sleeps included. */
let calls = 0;

/** The same client, counted from the call to the answer, so a retry's back-off is not mistaken for quiet. */
export function trackHttp(inner: HttpClient): HttpClient {
  return {
    async request(req) {
      calls += 1;
      try {
        return await inner.request(req);
      } finally {
        calls -= 1;
      }
    },
    close: () => inner.close(),
  };
}
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  subscribe('undici:request:create', () => (open += 1));
  subscribe('undici:request:trailers', () => (open = Math.max(0, open - 1)));
  subscribe('undici:request:error', () => (open = Math.max(0, open - 1)));
}

export function requestsInFlight(): number {
  install();
  return open + calls;
}

/**
 * Waits until no request is out and promise chains have run, three checks in a row (a finished
 * request often starts the next step of the same operation). Gives up after `limitMs` of real time
 * so a stuck request fails the test instead of hanging it.
 */
export async function settle(limitMs = 20_000): Promise<void> {
  install();
  const started = Date.now();
  let quiet = 0;
  while (quiet < 3) {
    await flushAsync();
    if (open + calls === 0) {
      quiet += 1;
      // The last check spans a timer tick, so a GET retry's short back-off is seen too.
      if (quiet === 2) await sleep(1);
    } else {
      quiet = 0;
      await sleep(2);
    }
    if (Date.now() - started > limitMs) throw new Error(`settle: ${open + calls} request(s) still in flight after ${limitMs} ms`);
  }
}
