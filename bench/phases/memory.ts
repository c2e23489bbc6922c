/**
 * 5. Memory: the core's RSS and JS heap (after a full GC) in a process of its own running the
 * harness: idle, with 100 calls, and after many poll cycles while calls come and go (one call
 * replaced every ten polls, half of them missed, half answered elsewhere), so a leak shows as
 * growth. The call log is written to disk through the app's own store adapter, as in Electron.
 * With --profile the churn is CPU-profiled.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lineEnv, startLine } from '../app-under-test.js';
import { latencyRow, valueRow, type Row } from '../report.js';
import { summarize } from '../stats.js';
import type { HostMemory, HostReply, HostRequest } from '../core-host.js';

export interface MemoryOptions {
  pollCycles: number;
  calls: number;
  rendererDir: string;
  /** Where to write the .cpuprofile of the churn; absent: no profile. */
  profilePath?: string;
}

/** One call replaced every this many polls: 1,000 calls come and go over 10,000 polls. */
const POLLS_PER_CHURN = 10;

function host(child: ChildProcess) {
  const replies: HostReply[] = [];
  const waiting: ((reply: HostReply) => void)[] = [];
  child.on('message', (reply: HostReply) => {
    const next = waiting.shift();
    if (next) next(reply);
    else replies.push(reply);
  });
  const nextReply = () =>
    new Promise<HostReply>((resolve, reject) => {
      const early = replies.shift();
      if (early) return resolve(early);
      const onExit = (code: number | null) => reject(new Error(`core host exited (${code})`));
      child.once('exit', onExit);
      waiting.push((reply) => {
        child.off('exit', onExit);
        resolve(reply);
      });
    });
  return {
    nextReply,
    async ask<T extends HostReply['type']>(request: HostRequest, expect: T): Promise<Extract<HostReply, { type: T }>> {
      child.send(request);
      const reply = await nextReply();
      if (reply.type === 'error') throw new Error(`core host: ${reply.message}`);
      if (reply.type !== expect) throw new Error(`core host answered ${reply.type}, expected ${expect}`);
      return reply as Extract<HostReply, { type: T }>;
    },
  };
}

export async function measureMemory(options: MemoryOptions): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const { line, tap } = await startLine();
  const child = fork(fileURLToPath(new URL('../core-host.ts', import.meta.url)), {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...lineEnv(line), BENCH_RENDERER_DIR: options.rendererDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const core = host(child);
  try {
    if ((await core.nextReply()).type !== 'ready') throw new Error('core host did not start');
    await core.ask({ type: 'polls', count: 20 }, 'polls');
    const idle = (await core.ask({ type: 'memory' }, 'memory')).memory;

    const live: string[] = [];
    let serial = 0;
    const ring = () => live.push(line.control.incomingCall({ from: { name: `Churn ${serial++}`, number: '+12015550199' } }));
    for (let i = 0; i < options.calls; i++) ring();
    await core.ask({ type: 'polls', count: 50 }, 'polls');
    const withCalls = (await core.ask({ type: 'memory' }, 'memory')).memory;

    if (options.profilePath) await core.ask({ type: 'profile-start' }, 'done');
    let replaced = 0;
    const churnOnce = () => {
      const gone = live.shift();
      if (gone === undefined) return;
      if (replaced++ % 2 === 0) line.control.remoteHangup(gone);
      else line.control.answeredElsewhere(gone);
      ring();
    };
    await core.ask({ type: 'store-writes' }, 'store-writes');
    const listsBefore = tap.count((a) => a.method === 'GET');
    // In quarters, with a look at the heap after each: bounded caches (the call log fills to its
    // limit, JIT code) grow early and stop; a leak keeps growing through the second half too.
    const quarters: HostMemory[] = [];
    let churnMs = 0;
    const perQuarter = Math.round(options.pollCycles / 4 / POLLS_PER_CHURN);
    for (let q = 0; q < 4; q++) {
      for (let b = 0; b < perQuarter; b++) {
        churnOnce();
        churnMs += (await core.ask({ type: 'polls', count: POLLS_PER_CHURN }, 'polls')).ms;
      }
      quarters.push((await core.ask({ type: 'memory' }, 'memory')).memory);
    }
    const requestsDuringChurn = tap.count((a) => a.method === 'GET') - listsBefore;
    const saves = (await core.ask({ type: 'store-writes' }, 'store-writes')).writes;
    const baselineMs = (await core.ask({ type: 'store-baseline', calls: replaced }, 'store-baseline')).ms;
    const callLogWrites = summarize(saves.threadMs);
    const threadParts = { serialiseMs: summarize(saves.startMs), renameMs: summarize(saves.renameMs) };
    const callLogBaseline = summarize(baselineMs);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    // Per ended call, the thread time saving it cost: now (coalesced, in the background) vs before.
    const perCallNow = sum(saves.threadMs) / Math.max(1, replaced);
    const perCallBefore = sum(baselineMs) / Math.max(1, baselineMs.length);
    if (options.profilePath) await core.ask({ type: 'profile-stop', path: options.profilePath }, 'done');
    await core.ask({ type: 'polls', count: 50 }, 'polls');
    const after = (await core.ask({ type: 'memory' }, 'memory')).memory;
    const halfway = quarters[1] as HostMemory;
    const end = quarters[3] as HostMemory;
    const secondHalf: HostMemory = { rssMB: end.rssMB - halfway.rssMB, heapUsedMB: end.heapUsedMB - halfway.heapUsedMB };

    const growth: HostMemory = { rssMB: after.rssMB - withCalls.rssMB, heapUsedMB: after.heapUsedMB - withCalls.heapUsedMB };
    const n = perQuarter * 4 * POLLS_PER_CHURN;
    return {
      rows: [
        valueRow('memory.core.idle.heapMB', 'Core JS heap, idle', 'MB', idle.heapUsedMB, { note: `RSS ${idle.rssMB.toFixed(1)} MB` }),
        valueRow('memory.core.idle.rssMB', 'Core RSS, idle', 'MB', idle.rssMB),
        valueRow('memory.core.calls.heapMB', `Core JS heap, ${options.calls} calls`, 'MB', withCalls.heapUsedMB),
        valueRow('memory.core.calls.rssMB', `Core RSS, ${options.calls} calls`, 'MB', withCalls.rssMB),
        valueRow('memory.core.churn.heapGrowthMB', `Core JS heap growth after ${n} polls with churn`, 'MB', growth.heapUsedMB, { n }),
        valueRow('memory.core.churn.rssGrowthMB', `Core RSS growth after ${n} polls with churn`, 'MB', growth.rssMB, { n }),
        valueRow('memory.core.churn.secondHalfHeapGrowthMB', `Core JS heap growth over the second ${n / 2} polls (leak signal)`, 'MB', secondHalf.heapUsedMB, { n: n / 2 }),
        latencyRow('core.callLogWrite.ms', 'Call log save, thread time per write (coalesced, written in the background)', 'ms', callLogWrites),
        latencyRow('core.callLogWrite.baseline.ms', 'Call log save the old way: whole log + fsync per ended call, on the thread (baseline, same run)', 'ms', callLogBaseline),
        latencyRow('core.callLogWrite.background.ms', 'Call log save, start to file replaced (off the thread)', 'ms', summarize(saves.backgroundMs)),
        valueRow('core.callLogWrite.perCall.ratio', 'Call log save, thread time per ended call, now vs the old way', 'x', perCallNow / perCallBefore, {
          n: replaced,
          note: `${perCallNow.toFixed(3)} ms vs ${perCallBefore.toFixed(3)} ms`,
        }),
        valueRow('core.callLogWrite.writes', `Call log writes for ${replaced} ended calls (the old way: ${baselineMs.length})`, 'count', saves.threadMs.length, { n: replaced }),
        valueRow('core.pollMs', `Core poll cycle with ${options.calls} calls and churn (mean, incl. line)`, 'ms', churnMs / n, { n }),
      ],
      details: { idle, withCalls, quarters, after, growth, secondHalf, replacedCalls: replaced, churnMs, requestsDuringChurn, callLogWrites, callLogBaseline, callLogSaves: { writes: saves.threadMs.length, sync: saves.sync, perCallNow, perCallBefore, threadParts } },
    };
  } finally {
    if (child.connected) await core.ask({ type: 'stop' }, 'done').catch(() => undefined);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    }
    tap.close();
    await line.close();
  }
}
