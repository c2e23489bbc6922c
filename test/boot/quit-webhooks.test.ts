/**
 * Quitting with a Webex account whose webhooks are live: the built main process under the stand-in,
 * signed in through CALLDECK_WEBEX_* to a test line in this process, receiving deliveries on
 * loopback through CALLDECK_WEBHOOK_*. Electron ends the process right after 'quit' (the stand-in
 * reports that moment as the `quit` message), so whatever the app did not finish by then, it never does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { QUIT_DEADLINE_MS } from '../../main/core/quit-gate.js';
import { freePort, startTestLine, type TestLine } from '../line-kit/index.js';
import type { DriverMessage } from './driver-protocol.js';
import { removeUserData, startBoot, type Boot } from './boot-process.js';
import { appInfoRoundTrip, mainWindowOf, waitForMainWindow } from './boot-check.js';

let line: TestLine | undefined;
let boot: Boot | undefined;

afterEach(async () => {
  boot?.kill();
  if (boot) removeUserData(boot);
  await line?.close();
  boot = undefined;
  line = undefined;
});

/** Starts the app on an account on a fresh test line; resolves once its webhooks are made. */
async function startSignedIn(): Promise<{ boot: Boot; line: TestLine; ours: () => string[] }> {
  line = await startTestLine();
  const port = await freePort();
  const targetUrl = `http://127.0.0.1:${port}/calldeck-hooks`;
  boot = await startBoot({
    env: {
      CALLDECK_WEBEX_BASE_URL: line.baseUrl,
      CALLDECK_WEBEX_TOKEN: line.token,
      CALLDECK_WEBHOOK_URL: targetUrl,
      CALLDECK_WEBHOOK_PORT: String(port),
    },
  });
  const main = mainWindowOf(await waitForMainWindow(boot));
  expect(await appInfoRoundTrip(boot, main.id)).toMatchObject({ ok: true, value: { mode: 'account' } });
  const started = line;
  const ours = () =>
    started.webhooks
      .list()
      .filter((hook) => hook.targetUrl === targetUrl || hook.name.startsWith('CallDeck live updates'))
      .map((hook) => hook.id);
  await expect.poll(() => ours().length, { timeout: 10_000 }).toBe(4);
  return { boot, line: started, ours };
}

const quitMessage = (m: DriverMessage): m is Extract<DriverMessage, { type: 'quit' }> => m.type === 'quit';

describe('quitting while signed in with live webhooks', () => {
  it('deletes this install’s webhooks at Webex before the process ends', async () => {
    const { boot, line, ours } = await startSignedIn();
    // Webex's own pace rather than loopback's: the deletes take longer than Electron's quit sequence.
    line.control.injectFault({ kind: 'slow', delayMs: 400, times: 'always', method: 'DELETE', path: '/webhooks' });
    await boot.request({ op: 'quit' });
    await boot.waitFor(quitMessage, "Electron's quit event");
    // Read at once: by now Electron would have ended the process.
    expect(ours()).toEqual([]);
    expect(await boot.exited).toEqual({ code: 0, signal: null });
    expect(boot.messages.filter((m) => m.type === 'crash')).toEqual([]);
  });

  it(`still quits within ${QUIT_DEADLINE_MS / 1000} s (and a margin) when the line never answers the deletes`, async () => {
    const { boot, line, ours } = await startSignedIn();
    line.control.injectFault({ kind: 'slow', delayMs: 8_000, times: 'always', method: 'DELETE', path: '/webhooks' });
    const asked = performance.now();
    await boot.request({ op: 'quit' });
    await boot.waitFor(quitMessage, "Electron's quit event");
    const took = performance.now() - asked;
    // It waited for the deletes (the deadline, not at once), and no longer than the deadline.
    expect(took).toBeGreaterThanOrEqual(QUIT_DEADLINE_MS - 100);
    expect(took).toBeLessThan(QUIT_DEADLINE_MS + 1_500);
    expect(boot.output()).toContain('stopping took too long');
    // The stalled deletes did not happen: those webhooks wait for the next start's clean-up.
    expect(ours()).toHaveLength(4);
    expect(boot.messages.filter((m) => m.type === 'crash')).toEqual([]);
  });

  it('on OS shutdown, asks the OS to wait, deletes them, and quits', async () => {
    const { boot, line, ours } = await startSignedIn();
    line.control.injectFault({ kind: 'slow', delayMs: 400, times: 'always', method: 'DELETE', path: '/webhooks' });
    expect(await boot.request({ op: 'shutdown' })).toBe(true);
    await boot.waitFor(quitMessage, "Electron's quit event");
    expect(ours()).toEqual([]);
    expect(await boot.exited).toEqual({ code: 0, signal: null });
  });

  it('still quits within the deadline when the line is gone altogether', async () => {
    const { boot, line } = await startSignedIn();
    await line.close();
    const asked = performance.now();
    await boot.request({ op: 'quit' });
    await boot.waitFor(quitMessage, "Electron's quit event");
    expect(performance.now() - asked).toBeLessThan(QUIT_DEADLINE_MS + 1_500);
    expect(boot.messages.filter((m) => m.type === 'crash')).toEqual([]);
  });
});
