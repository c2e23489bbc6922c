/**
 * 2. Hotkey and click to wire: a ringing call, answered by the global hotkey (pressed at the
 * harness's shortcut port, where Electron's globalShortcut callback enters the core) or by a
 * real mouse click on its Answer button in Chromium, until the line receives POST …/answer.
 * "Beyond the loopback round trip" subtracts the median time the unavoidable hops take, measured
 * between the samples: for both, a bare undici request to the same line (send → received); for
 * the click also a page → Node WebSocket message, one way (sent from the page to a bare socket
 * server in this process, timed on both clocks). In Electron that hop is IPC; in the harness it
 * is a loopback WebSocket like this one.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { WebSocketServer } from 'ws';
import { clockOffset, type Browser } from '../browser.js';
import { openAppSession } from '../app-session.js';
import { now } from '../clock.js';
import { latencyRow, type Row } from '../report.js';
import { beyond, summarize } from '../stats.js';

const ANSWER = '/v1/telephony/calls/answer';

export async function measureInputToWire(browser: Browser, rendererDir: string, samples: number): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const session = await openAppSession(browser, rendererDir, { reachOut: true });
  const probe = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => probe.once('listening', resolve));
  const probeUrl = `ws://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  let probeReceived: ((at: number) => void) | undefined;
  probe.on('connection', (socket) => socket.on('message', () => probeReceived?.(now())));
  const agent = new Agent();
  const { line, tap, harness, page } = session;
  const core = harness.core;
  const baseline: number[] = [];
  const bridgeOneWay: number[] = [];
  const hotkey: number[] = [];
  const click: number[] = [];
  // Where a click's time goes: in the page until the bridge sends, the bridge and core until undici
  // creates the request, and the wire until the line has it.
  const stages = { page: [] as number[], bridge: [] as number[], wire: [] as number[] };
  let createdAt: number | undefined;
  const onCreate = (message: unknown) => {
    if (createdAt === undefined && (message as { request: { method: string } }).request.method === 'POST') createdAt = now();
  };
  subscribe('undici:request:create', onCreate);
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
      createdAt = undefined;
      await button.click();
      const at = (await arrival).at;
      const marks = await page.evaluate(() => {
        const w = window as unknown as { __benchClickAt: number; __benchSentAt: number };
        return { clickedAt: w.__benchClickAt, sentAt: w.__benchSentAt };
      });
      const clickedAt = marks.clickedAt - sync.offset;
      const bridgeSentAt = marks.sentAt - sync.offset;
      if (i >= 3) {
        click.push(at - clickedAt);
        stages.page.push(bridgeSentAt - clickedAt);
        stages.bridge.push((createdAt ?? Number.NaN) - bridgeSentAt);
        stages.wire.push(at - (createdAt ?? Number.NaN));
      }
      await endCall(callId);
      await bareSample();
      const received = new Promise<number>((resolve) => (probeReceived = resolve));
      const probeSentAt = await page.evaluate(async (url) => {
        const w = window as unknown as { __benchProbe?: WebSocket };
        if (!w.__benchProbe) {
          const socket = new WebSocket(url);
          await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
          w.__benchProbe = socket;
        }
        const at = performance.timeOrigin + performance.now();
        w.__benchProbe.send(JSON.stringify({ type: 'invoke', id: 0, channel: 'app:info' }));
        return at;
      }, probeUrl);
      bridgeOneWay.push((await received) - (probeSentAt - sync.offset));
    }

    const loopback = summarize(baseline);
    const bridge = summarize(bridgeOneWay);
    const hotkeyBeyond = summarize(beyond(hotkey, loopback.p50));
    const clickBeyond = summarize(beyond(click, loopback.p50 + bridge.p50));
    return {
      rows: [
        latencyRow('hotkey.beyondLoopback.ms', 'Answer hotkey → line receives, beyond loopback', 'ms', hotkeyBeyond, { stat: 'p95', max: 5 }),
        latencyRow('click.beyondLoopback.ms', 'Answer click in Chromium → line receives, beyond loopback', 'ms', clickBeyond, { stat: 'p95', max: 5 }),
        latencyRow('inputBaseline.loopback.ms', 'Bare loopback request → line receives (subtracted above)', 'ms', loopback),
        latencyRow('inputBaseline.bridge.ms', 'Bare page → Node WebSocket message, one way (subtracted from the click)', 'ms', bridge),
        latencyRow('click.stage.page.ms', 'Click stage: in Chromium until the bridge sends', 'ms', summarize(stages.page)),
        latencyRow('click.stage.bridge.ms', 'Click stage: bridge socket + dispatch + core until undici', 'ms', summarize(stages.bridge)),
        latencyRow('click.stage.wire.ms', 'Click stage: undici until the line receives', 'ms', summarize(stages.wire)),
      ],
      details: { hotkeyRaw: summarize(hotkey), clickRaw: summarize(click), hotkeyBeyond, clickBeyond, loopback, bridge, clockSync: sync },
    };
  } finally {
    unsubscribe('undici:request:create', onCreate);
    for (const client of probe.clients) client.terminate();
    probe.close();
    await agent.close();
    await session.close();
  }
}
