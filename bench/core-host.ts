/**
 * A child process holding only CallDeck's side of the harness: the real core behind the harness
 * server, pointed at a line that lives in the parent (CALLDECK_WEBEX_*). Its memory figures are
 * the core's, not the line's or Playwright's, and a CPU profile taken here shows only the core.
 * The parent drives it over IPC (see memory.ts for the protocol).
 */
import { mkdtempSync, rmSync } from 'node:fs';
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
import { systemClock } from '../main/core/system-clock.js';
import type { SettingsStore } from '../main/core/ports.js';

export type HostRequest =
  | { type: 'memory' }
  | { type: 'polls'; count: number }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string }
  | { type: 'store-writes' }
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
  | { type: 'store-writes'; ms: number[] }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Missed-call notifications would pile up in the tests' FakeNotifier; the OS keeps them, not us. */
class ForgetfulNotifier extends FakeNotifier {
  override notify(): void {}
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('core-host needs --expose-gc');

/**
 * The call log on disk through the app's own adapter (conf, the library under electron-store), so
 * the memory and CPU figures include what persisting an ended call really costs, not the tests'
 * in-memory copy.
 */
class OnDisk extends MemorySettingsStore {
  /** How long each write held the thread, ms. */
  readonly writeMs: number[] = [];
  constructor(private readonly disk: SettingsStore) {
    super();
  }
  override read() {
    return this.disk.read();
  }
  override write(data: unknown): void {
    const start = now();
    this.disk.write(data);
    this.writeMs.push(now() - start);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'calldeck-bench-core-'));
const callLogStore = new OnDisk(createJsonDocumentStore({ cwd: dataDir, name: 'call-log' }, ({ cwd, name }) => new Conf({ cwd, configName: name }), systemClock));
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
      return { type: 'store-writes', ms: callLogStore.writeMs.splice(0) };
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
