import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import { createTokenSession, type SessionTokens } from '../../../main/auth/token-session.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

const HOUR = 3600_000;
const messages = { expired: 'expired.', rejected: 'rejected.' };

function setup(opts: { refresh?: (token: string) => Promise<SessionTokens>; tokens?: Partial<SessionTokens> } = {}) {
  const clock = new FakeClock();
  const ended: AppError[] = [];
  const saved: SessionTokens[] = [];
  const session = createTokenSession({
    tokens: { accessToken: 'at-1', accessExpiresAt: clock.now() + HOUR, refreshToken: 'rt-1', ...opts.tokens },
    clock,
    log: new MemoryLogger(),
    ...(opts.refresh ? { refresh: opts.refresh } : {}),
    save: async (t) => void saved.push(t),
    onEnded: (reason) => void ended.push(reason),
    messages,
  });
  return { clock, ended, saved, session };
}

/** A refresh that waits for the test to let it answer, counting calls. */
function gatedRefresh() {
  let calls = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const refresh = async (token: string): Promise<SessionTokens> => {
    calls += 1;
    expect(token).toBe('rt-1');
    await gate;
    return { accessToken: `at-${calls + 1}`, accessExpiresAt: Date.parse('2026-03-02T11:00:00Z') };
  };
  return { refresh, open: () => open(), calls: () => calls };
}

describe('the token session', () => {
  it('single-flight: ten callers rejected with the same token share one refresh', async () => {
    const gated = gatedRefresh();
    const { session, saved } = setup({ refresh: gated.refresh });
    const waits = Array.from({ length: 10 }, () => session.refreshAfterRejection('at-1'));
    await flushAsync();
    expect(gated.calls()).toBe(1);
    gated.open();
    expect(await Promise.all(waits)).toEqual(Array(10).fill(true));
    expect(gated.calls()).toBe(1);
    expect(await session.accessToken()).toBe('at-2');
    expect(saved).toEqual([{ accessToken: 'at-2', accessExpiresAt: Date.parse('2026-03-02T11:00:00Z'), refreshToken: 'rt-1' }]);
    // A late 401 about the old token needs no new refresh, just a retry.
    expect(await session.refreshAfterRejection('at-1')).toBe(true);
    expect(gated.calls()).toBe(1);
  });

  it('refreshes ahead of expiry: not at 5 min left, at 4:59', async () => {
    const gated = gatedRefresh();
    gated.open();
    const { session, clock } = setup({ refresh: gated.refresh });
    clock.advance(HOUR - 5 * 60_000);
    expect(await session.accessToken()).toBe('at-1');
    clock.advance(1_000);
    const concurrent = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(concurrent).toEqual(['at-2', 'at-2', 'at-2']);
    expect(gated.calls()).toBe(1);
  });

  it('ends once, with the reason, when the refresh is refused', async () => {
    const { session, ended } = setup({
      refresh: async () => {
        throw new AppError('unauthorized', 'Webex would not renew the sign-in.');
      },
    });
    const results = await Promise.all([session.refreshAfterRejection('at-1'), session.refreshAfterRejection('at-1')]);
    expect(results).toEqual([false, false]);
    expect(ended.map((e) => e.message)).toEqual(['Webex would not renew the sign-in.']);
    await expect(session.accessToken()).rejects.toMatchObject({ message: 'Webex would not renew the sign-in.' });
  });

  it('does not end on a network failure', async () => {
    const { session, ended } = setup({
      refresh: async () => {
        throw new AppError('network', 'Could not reach Webex.');
      },
    });
    expect(await session.refreshAfterRejection('at-1')).toBe(false);
    expect(ended).toEqual([]);
    expect(await session.accessToken()).toBe('at-1');
  });

  it('without a refresh token (a PAT), ends exactly at expiry, on its own timer', async () => {
    const { session, ended, clock } = setup({ tokens: { refreshToken: undefined as never } });
    clock.advance(HOUR - 1);
    expect(ended).toEqual([]);
    expect(await session.accessToken()).toBe('at-1');
    clock.advance(1);
    expect(ended.map((e) => e.message)).toEqual(['expired.']);
    await expect(session.accessToken()).rejects.toMatchObject({ code: 'unauthorized', message: 'expired.' });
  });

  it('a PAT refused early ends with the rejection message', async () => {
    const { session, ended } = setup({ tokens: { refreshToken: undefined as never } });
    expect(await session.refreshAfterRejection('at-1')).toBe(false);
    expect(ended.map((e) => e.message)).toEqual(['rejected.']);
  });

  it('close() ends quietly: no onEnded, later calls refused', async () => {
    const { session, ended, clock } = setup({ tokens: { refreshToken: undefined as never } });
    session.close();
    expect(clock.pendingTimers()).toBe(0);
    expect(ended).toEqual([]);
    await expect(session.accessToken()).rejects.toMatchObject({ code: 'not-signed-in' });
  });
});
