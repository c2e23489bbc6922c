import type { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeClock } from '../../fakes/fake-clock.js';
import { raw, testAgent } from './raw-http.js';

/** What a suite needs of a started line; both the product line and the test kit's line have it. */
interface SuiteLine {
  readonly baseUrl: string;
  readonly token: string;
  readonly control: { reset(): void };
  close(): Promise<void>;
}

export interface LineSuite<L extends SuiteLine> {
  readonly line: L;
  readonly clock: FakeClock;
  /** A request to the line's API with its current token. */
  api(path: string, init?: Parameters<typeof raw>[2]): ReturnType<typeof raw>;
}

/**
 * One line per test file on a fake clock, reset before every test so tests cannot leak state into
 * each other, closed (with its HTTP agent) at the end. Values are read through the returned object
 * because they only exist once beforeAll has run.
 */
export function lineSuite<L extends SuiteLine>(start: (clock: FakeClock) => Promise<L>): LineSuite<L> & { readonly agent: Agent } {
  let agent: Agent | undefined;
  let line: L | undefined;
  let clock: FakeClock | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('lineSuite: the line is used before beforeAll started it');
    return value;
  };
  beforeAll(async () => {
    agent = testAgent();
    clock = new FakeClock();
    line = await start(clock);
  });
  afterAll(async () => {
    await line?.close();
    await agent?.close();
  });
  beforeEach(() => started(line).control.reset());
  return {
    get agent() {
      return started(agent);
    },
    get line() {
      return started(line);
    },
    get clock() {
      return started(clock);
    },
    api: (path, init = {}) => raw(started(agent), `${started(line).baseUrl}${path}`, { token: started(line).token, ...init }),
  };
}
