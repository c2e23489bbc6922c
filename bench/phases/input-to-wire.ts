/**
 * 2. Hotkey and click to wire: a ringing call, answered by the global hotkey (pressed at the
 * harness's shortcut port, where Electron's globalShortcut callback enters the core) or by a
 * real mouse click on its Answer button in Chromium, until the line receives POST …/answer.
 * "Beyond the loopback round trip" subtracts the median of bare undici requests to the same line
 * (send → received), measured between the samples.
 */
import { Agent, request } from 'undici';
import { clockOffset, type Browser } from '../browser.js';
import { openAppSession } from '../app-session.js';
import { now } from '../clock.js';
import { latencyRow, type Row } from '../report.js';
import { beyond, summarize } from '../stats.js';

const ANSWER = '/v1/telephony/calls/answer';

export async function measureInputToWire(browser: Browser, rendererDir: string, samples: number): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const session = await openAppSession(browser, rendererDir);
  const agent = new Agent();
  const { line, tap, harness, page } = session;
  const core = harness.core;
  const baseline: number[] = [];
  const hotkey: number[] = [];
  const click: number[] = [];
  try {
    /** A bare loopback request to the line, timed to its arrival; the call id need not exist. */
    const bareSample = async () => {
      const arrival = tap.next((a) => a.method === 'POST' && a.path.endsWith('/telephony/calls/hold'));
      const start = now();
      const response = await request(`${line.baseUrl}/telephony/calls/hold`, {
        method: 'POST',
        headers: { authorization: `Bearer ${line.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ callId: 'bench-no-such-call' }),
        dispatcher: agent,
      });
      await response.body.text();
      baseline.push((await arrival).at - start);
    };

    /** A ringing call the core and the window both show; returns its id. */
    const ringing = async (name: string) => {
      const callId = line.control.incomingCall({ from: { name, number: '+12015550123' } });
      await core.calls.refresh();
      return callId;
    };
    const endCall = async (callId: string) => {
      line.control.remoteHangup(callId);
      await core.calls.refresh();
    };
    const answered = () => tap.next((a) => a.method === 'POST' && a.path === ANSWER);

    const accelerator = core.settings.get().hotkeys.answer;
    for (let i = 0; i < samples + 3; i++) {
      const callId = await ringing(`Hotkey ${i}`);
      const arrival = answered();
      const start = now();
      if (!harness.ports.shortcuts.press(accelerator)) throw new Error(`the Answer hotkey ${accelerator} is not registered`);
      const at = (await arrival).at;
      if (i >= 3) hotkey.push(at - start);
      await endCall(callId);
      await bareSample();
    }

    const sync = await clockOffset(page);
    for (let i = 0; i < samples + 3; i++) {
      const name = `Click ${i}`;
      const callId = await ringing(name);
      const button = page.getByRole('listitem', { name: `Call with ${name}` }).getByRole('button', { name: 'Answer' });
      await button.waitFor();
      const arrival = answered();
      await button.click();
      const at = (await arrival).at;
      const clickedAt = (await page.evaluate(() => (window as unknown as { __benchClickAt: number }).__benchClickAt)) - sync.offset;
      if (i >= 3) click.push(at - clickedAt);
      await endCall(callId);
      await bareSample();
    }

    const loopback = summarize(baseline);
    const hotkeyBeyond = summarize(beyond(hotkey, loopback.p50));
    const clickBeyond = summarize(beyond(click, loopback.p50));
    return {
      rows: [
        latencyRow('hotkey.beyondLoopback.ms', 'Answer hotkey → line receives, beyond loopback', 'ms', hotkeyBeyond, { stat: 'p95', max: 5 }),
        latencyRow('click.beyondLoopback.ms', 'Answer click in Chromium → line receives, beyond loopback', 'ms', clickBeyond, { stat: 'p95', max: 5 }),
        latencyRow('inputBaseline.loopback.ms', 'Bare loopback request → line receives (subtracted above)', 'ms', loopback),
      ],
      details: { hotkeyRaw: summarize(hotkey), clickRaw: summarize(click), hotkeyBeyond, clickBeyond, loopback, clockSync: sync },
    };
  } finally {
    await agent.close();
    await session.close();
  }
}
