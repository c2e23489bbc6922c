/**
 * The one AbortSignal a request hands to undici: aborted when the caller aborts, when the client
 * closes, or when the deadline passes, and let go of as soon as the exchange is over.
 *
 * Built by hand rather than from AbortSignal.timeout() and AbortSignal.any(): the first cannot be
 * cleared, so every finished request stayed reachable for the whole timeout; the second's
 * composite-signal bookkeeping was the largest cost CallDeck added to an action before the wire
 * (`npm run bench`, action overhead: 1.5x a bare request with it, 1.3x without).
 */
export interface ExchangeSignal {
  readonly signal: AbortSignal;
  /** True once the deadline has passed. */
  readonly timedOut: boolean;
  /** Stops the deadline and detaches from the source signals. Call it when the exchange ends. */
  done(): void;
}

export function exchangeSignal(timeoutMs: number, sources: ReadonlyArray<AbortSignal | undefined>): ExchangeSignal {
  const controller = new AbortController();
  let timedOut = false;
  const attached: Array<[AbortSignal, () => void]> = [];
  for (const source of sources) {
    if (source === undefined) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = () => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    attached.push([source, onAbort]);
  }
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
  }, timeoutMs);
  // Like AbortSignal.timeout(): a pending request's deadline never keeps the process alive.
  timer.unref();
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    done() {
      clearTimeout(timer);
      for (const [source, onAbort] of attached) source.removeEventListener('abort', onAbort);
    },
  };
}
