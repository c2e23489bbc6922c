/**
 * A child process that keeps a call log on real files, for the crash test to kill at a chosen
 * moment (test/reliability/call-log-durability.test.ts). It says on stdout what it did:
 * `recorded <n>` after the n-th call is logged, `writing <n>` as a write carrying n entries
 * starts, `saved <n>` once it has replaced the file.
 *
 *   scheduled <dir>: 5 calls saved, then a 6th recorded whose save is due but not yet started.
 *   churn <dir>: 20 calls every 2 ms, saved every 5 ms, until killed; the log grows without
 *   limit, so each write is larger (and longer) than the one before.
 */
import Conf from 'conf';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store.js';
import { createCallLog } from '../../../main/calls/call-log.js';
import { toCall } from '../../../main/calls/to-call.js';
import type { SettingsStore } from '../../../main/core/ports.js';
import { systemClock } from '../../../main/core/system-clock.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';
import { party, webexCall } from '../../fakes/webex-call-fixtures.js';

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'scheduled' && mode !== 'churn') || !dir) throw new Error('usage: call-log-writer scheduled|churn <dir>');

const say = (line: string) => process.stdout.write(`${line}\n`);
const disk = createJsonDocumentStore({ cwd: dir, name: 'call-log' }, ({ cwd, name }) => new Conf({ cwd, configName: name }), systemClock);
// Reports each write once it has replaced the file (nothing else writes here, so none is superseded).
const store: SettingsStore = {
  read: () => disk.read(),
  write: (data) => disk.write(data),
  keepAside: () => disk.keepAside(),
  async writeInBackground(data) {
    const count = (data as { entries: unknown[] }).entries.length;
    say(`writing ${count}`);
    await disk.writeInBackground?.(data);
    say(`saved ${count}`);
  },
};
const call = (n: number) => toCall(webexCall({ id: `c${n}`, remoteParty: party({ number: String(1000 + n) }) }));
const log = new MemoryLogger();

if (mode === 'scheduled') {
  const clock = new FakeClock(Date.now());
  const callLog = createCallLog({ store, clock, log, saveDelayMs: 250 });
  for (let n = 1; n <= 5; n += 1) callLog.record(call(n), 'missed');
  await clock.advanceAsync(250);
  await callLog.settled();
  callLog.record(call(6), 'missed');
  say('recorded 6');
  // The save of the 6th is due on this clock, which no longer moves: the kill comes first.
  setInterval(() => undefined, 1_000);
} else {
  const callLog = createCallLog({ store, clock: systemClock, log, saveDelayMs: 5, limit: 1_000_000 });
  let n = 0;
  setInterval(() => {
    for (let i = 0; i < 20; i += 1) {
      n += 1;
      callLog.record(call(n), 'missed');
    }
    say(`recorded ${n}`);
  }, 2);
}
