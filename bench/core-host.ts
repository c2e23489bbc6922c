/**
 * A child process holding only CallDeck's side of the harness: the real core behind the harness
 * server, pointed at a line that lives in the parent (CALLDECK_WEBEX_*). Its memory figures are
 * the core's, not the line's or Playwright's, and a CPU profile taken here shows only the core.
 * The parent drives it over IPC (see memory.ts for the protocol).
 */
import type * as NodeFs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import Conf from 'conf';
import { Session } from 'node:inspector/promises';
import { startHarness } from '../test/harness/harness-server.js';
import { createHarnessPorts } from '../test/harness/harness-ports.js';
import { CountingLogger, openLineFromEnv } from './app-under-test.js';
import { now } from './clock.js';
import { FakeNotifier, MemorySettingsStore } from '../test/fakes/in-memory-ports.js';
import { createJsonDocumentStore } from '../main/adapters/json-document-store.js';
import { CALL_LOG_SAVE_DELAY_MS } from '../main/calls/call-log.js';
import { systemClock } from '../main/core/system-clock.js';
import type { SettingsStore } from '../main/core/ports.js';

export type HostRequest =
  | { type: 'memory' }
  | { type: 'polls'; count: number }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string }
  | { type: 'store-writes' }
  | { type: 'store-baseline'; calls: number }
  | { type: 'stop' };

export interface HostMemory {
  rssMB: number;
  heapUsedMB: number;
  /** What V8 has reserved for the heap, used or not: RSS that GC freed but V8 kept shows here. */
  heapTotalMB?: number;
  /** Memory outside the JS heap held by JS objects (buffers, sockets). */
  externalMB?: number;
  /** Used MB per V8 heap space (old, code, large objects …): says what kind of thing grew. */
  spacesMB?: Record<string, number>;
}

export type HostReply =
  | { type: 'ready' }
  | { type: 'memory'; memory: HostMemory }
  | { type: 'polls'; ms: number; calls: number }
  | { type: 'store-writes'; writes: CallLogWrites }
  | { type: 'store-baseline'; ms: number[] }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Missed-call notifications would pile up in the tests' FakeNotifier; the OS keeps them, not us. */
class ForgetfulNotifier extends FakeNotifier {
  override notify(): void {}
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('core-host needs --expose-gc');

/** What saving the call log cost, per write, since the last ask. */
export interface CallLogWrites {
  /** Each write's time on the thread, ms: a synchronous write whole; a background one's start plus its rename. */
  threadMs: number[];
  /** Each background write from its start until the file was replaced, ms (the disk's time, off the thread). */
  backgroundMs: number[];
  /** How many of the writes were synchronous. */
  sync: number;
  /** A background write's thread time in its two parts: serialising and starting it, and the rename. */
  startMs: number[];
  renameMs: number[];
}

/**
 * The rename that ends a background write runs on the thread (it must: see json-document-store);
 * node:fs is wrapped before the adapter runs so its time is counted with the write it ends.
 */
const fsModule = createRequire(import.meta.url)('node:fs') as typeof NodeFs;
const realRenameSync = fsModule.renameSync;
let renameMs = 0;
fsModule.renameSync = (from, to) => {
  const start = now();
  try {
    realRenameSync(from, to);
  } finally {
    renameMs += now() - start;
  }
};
syncBuiltinESMExports();

/**
 * The call log on disk through the app's own adapter (conf, the library under electron-store), so
 * the memory and CPU figures include what persisting an ended call really costs, not the tests'
 * in-memory copy.
 */
class OnDisk extends MemorySettingsStore {
  saves: CallLogWrites = { threadMs: [], backgroundMs: [], sync: 0, startMs: [], renameMs: [] };
  constructor(readonly disk: SettingsStore) {
    super();
  }
  override read() {
    return this.disk.read();
  }
  override write(data: unknown): void {
    const start = now();
    this.disk.write(data);
    this.saves.threadMs.push(now() - start);
    this.saves.sync += 1;
  }
  async writeInBackground(data: unknown): Promise<void> {
    const start = now();
    const written = this.disk.writeInBackground?.(data) ?? Promise.resolve();
    const startMs = now() - start;
    renameMs = 0;
    await written;
    const writes = this.saves;
    writes.threadMs.push(startMs + renameMs);
    writes.startMs.push(startMs);
    writes.renameMs.push(renameMs);
    writes.backgroundMs.push(now() - start);
  }
  take(): CallLogWrites {
    const taken = this.saves;
    this.saves = { threadMs: [], backgroundMs: [], sync: 0, startMs: [], renameMs: [] };
    return taken;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'calldeck-bench-core-'));
const openDisk = (name: string) => createJsonDocumentStore({ cwd: dataDir, name }, ({ cwd, name: configName }) => new Conf({ cwd, configName }), systemClock);
const callLogStore = new OnDisk(openDisk('call-log'));

/**
 * The baseline, in the same run: the call log as it was saved before coalescing, one synchronous
 * whole-log write (conf: temp file, fsync, rename) per ended call, replayed for the calls the
 * churn ended, the log growing as it did. Into a file of its own, so the app's is untouched.
 */
function replayOldSaves(calls: number): number[] {
  const read = callLogStore.read();
  const entries = read.ok ? ((read.data as { entries?: unknown[] }).entries ?? []) : [];
  const old = openDisk('call-log-baseline');
  const ms: number[] = [];
  const first = Math.max(0, entries.length - calls);
  for (let i = first; i < entries.length; i++) {
    const start = now();
    old.write({ version: 1, entries: entries.slice(0, i + 1) });
    ms.push(now() - start);
  }
  return ms;
}
const log = new CountingLogger();
const ports = { ...createHarnessPorts({ log }), notifier: new ForgetfulNotifier(), callLogStore };
const harness = await startHarness({ ports, openLine: openLineFromEnv(process.env, log), rendererDir: process.env.BENCH_RENDERER_DIR ?? '' });
const session = new Session();

function send(reply: HostReply): void {
  process.send?.(reply);
}

async function handle(message: HostRequest): Promise<HostReply> {
  switch (message.type) {
    case 'memory': {
      // Twice: the first pass can leave finalizer-held garbage for the second.
      gc!();
      await new Promise((resolve) => setImmediate(resolve));
      gc!();
      const usage = process.memoryUsage();
      const spacesMB = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size / MB]));
      return { type: 'memory', memory: { rssMB: usage.rss / MB, heapUsedMB: usage.heapUsed / MB, heapTotalMB: usage.heapTotal / MB, externalMB: usage.external / MB, spacesMB } };
    }
    case 'polls': {
      const start = now();
      for (let i = 0; i < message.count; i++) await harness.core.calls.refresh();
      return { type: 'polls', ms: now() - start, calls: harness.core.snapshot().calls.length };
    }
    case 'profile-start':
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return { type: 'done' };
    case 'profile-stop': {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(message.path, JSON.stringify(profile));
      session.disconnect();
      return { type: 'done' };
    }
    case 'store-writes':
      // The writes the churn started, finished: a background write's figures come when it ends.
      await harness.core.calls.refresh();
      await new Promise((resolve) => setTimeout(resolve, CALL_LOG_SAVE_DELAY_MS * 2));
      return { type: 'store-writes', writes: callLogStore.take() };
    case 'store-baseline':
      return { type: 'store-baseline', ms: replayOldSaves(message.calls) };
    case 'stop':
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
      return { type: 'done' };
  }
}

process.on('message', (message: HostRequest) => {
  handle(message).then(
    (reply) => {
      send(reply);
      if (message.type === 'stop') process.disconnect();
    },
    (error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
send({ type: 'ready' });
