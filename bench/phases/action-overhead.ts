/**
 * 1. Action overhead: a call action through the real path (dispatch's zod validation → handler →
 * command → Webex client → undici) until the line receives it, against a bare undici request to
 * the same line. Real and bare requests alternate, each doing hold and resume equally often, so
 * drift in the machine's load hits both sides alike.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { Agent, request } from 'undici';
import { CONNECT_TIMEOUT_MS, HEADERS_TIMEOUT_MS, BODY_TIMEOUT_MS } from '../../main/providers/http.js';
import { startCore, startLine } from '../app-under-test.js';
import { now } from '../clock.js';
import { latencyRow, valueRow, type Row } from '../report.js';
import { summarize, type Summary } from '../stats.js';

export interface ActionOverheadOptions {
  actions: number;
  warmup: number;
  /** Also CPU-profile this many more real actions (this process: core and line) into this file. */
  profilePath?: string;
}

interface Timing {
  toLine: number;
  roundTrip: number;
  /** From the call until undici created the request: the caller's own JS before the wire. */
  beforeUndici: number;
}

export async function measureActionOverhead(options: ActionOverheadOptions): Promise<{ rows: Row[]; details: Record<string, Summary | number> }> {
  const { line, tap } = await startLine();
  const { core, dispatch } = await startCore(line);
  // The same pool settings as the app's shared Agent, so both sides reuse warm keep-alive sockets.
  const agent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS }, headersTimeout: HEADERS_TIMEOUT_MS, bodyTimeout: BODY_TIMEOUT_MS });
  let stopWatching = () => {};
  try {
    const callId = line.control.incomingCall({ from: { name: 'Bench Caller', number: '+12015550100' } });
    await core.calls.refresh();
    const answered = await dispatch('calls:answer', { callId });
    if (!answered.ok) throw new Error(`answer failed: ${answered.error.message}`);
    await core.calls.refresh();

    // undici announces each request it creates; the first POST after a sample starts is its action.
    let createdAt: number | undefined;
    const onCreate = (message: unknown) => {
      if (createdAt === undefined && (message as { request: { method: string } }).request.method === 'POST') createdAt = now();
    };
    subscribe('undici:request:create', onCreate);
    stopWatching = () => unsubscribe('undici:request:create', onCreate);

    const timed = async (op: 'hold' | 'resume', send: () => Promise<unknown>): Promise<Timing> => {
      const arrival = tap.next((a) => a.method === 'POST' && a.path === `/v1/telephony/calls/${op}`);
      createdAt = undefined;
      const start = now();
      await send();
      const end = now();
      return { toLine: (await arrival).at - start, roundTrip: end - start, beforeUndici: (createdAt ?? Number.NaN) - start };
    };
    const real = (op: 'hold' | 'resume') =>
      timed(op, async () => {
        const result = await dispatch(`calls:${op}`, { callId });
        if (!result.ok) throw new Error(`${op} failed: ${result.error.message}`);
      });
    const bare = (op: 'hold' | 'resume') =>
      timed(op, async () => {
        const response = await request(`${line.baseUrl}/telephony/calls/${op}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${line.token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ callId }),
          dispatcher: agent,
        });
        await response.body.text();
        if (response.statusCode >= 300) throw new Error(`bare ${op} answered ${response.statusCode}`);
      });

    const realTimes: Timing[] = [];
    const bareTimes: Timing[] = [];
    // Pairs alternate which side holds, so the call ends each pair connected again.
    const pairs = Math.ceil((options.actions + options.warmup) / 2) * 2;
    for (let i = 0; i < pairs; i++) {
      const realFirst = i % 2 === 0;
      // Every real action re-syncs the line; each request waits for a poll to land first, so
      // neither side ever shares the line with the other's list request.
      const first = realFirst ? await real('hold') : await bare('hold');
      await core.calls.refresh();
      const second = realFirst ? await bare('resume') : await real('resume');
      await core.calls.refresh();
      if (i < options.warmup) continue;
      (realFirst ? realTimes : bareTimes).push(first);
      (realFirst ? bareTimes : realTimes).push(second);
    }

    if (options.profilePath) {
      // After the timed samples, so profiling never slows what was measured.
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
      for (let i = 0; i < options.actions; i++) {
        await real(i % 2 === 0 ? 'hold' : 'resume');
        await core.calls.refresh();
      }
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      await writeFile(options.profilePath, JSON.stringify(profile));
    }

    const realToLine = summarize(realTimes.map((t) => t.toLine));
    const bareToLine = summarize(bareTimes.map((t) => t.toLine));
    const realRound = summarize(realTimes.map((t) => t.roundTrip));
    const realBeforeUndici = summarize(realTimes.map((t) => t.beforeUndici));
    const bareBeforeUndici = summarize(bareTimes.map((t) => t.beforeUndici));
    const bareRound = summarize(bareTimes.map((t) => t.roundTrip));
    const n = realToLine.n;
    return {
      rows: [
        valueRow('action.toLine.p50Ratio', 'Action → line receives, vs bare undici (p50 ratio)', 'x', realToLine.p50 / bareToLine.p50, { n, target: { stat: 'value', max: 1.15 } }),
        valueRow('action.toLine.p99Ratio', 'Action → line receives, vs bare undici (p99 ratio)', 'x', realToLine.p99 / bareToLine.p99, { n }),
        latencyRow('action.toLine.ms', 'Action → line receives (absolute)', 'ms', realToLine),
        latencyRow('baseline.toLine.ms', 'Bare undici → line receives (baseline)', 'ms', bareToLine),
        latencyRow('action.beforeUndici.ms', 'Action → undici creates the request (CallDeck JS before the wire)', 'ms', realBeforeUndici),
        valueRow('action.roundTrip.p50Ratio', 'Action round trip incl. result check, vs bare (p50 ratio)', 'x', realRound.p50 / bareRound.p50, { n }),
      ],
      details: { realToLine, bareToLine, realRound, bareRound, realBeforeUndici, bareBeforeUndici },
    };
  } finally {
    stopWatching();
    await agent.close();
    await core.stop();
    tap.close();
    await line.close();
  }
}
