/**
 * One time base for every timestamp the bench compares: epoch milliseconds with sub-millisecond
 * resolution. Chromium's pages use the same expression, so the two can be aligned (browser.ts).
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
