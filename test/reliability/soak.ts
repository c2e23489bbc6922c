/**
 * `npm run soak`: 10,000 poll cycles of the real core against the built-in line over HTTP, on a
 * fake clock, with random call churn (calls ring, are answered, held, hung up, dialled) and random
 * faults (every kind of the fault table, the server going away and coming back). Fails if the
 * heap grows 5% or more after warm-up, if anything crashes, or if the line is not healthy at the
 * end. Figures go to stdout and dist/reliability/soak.json.
 *
 * Run with --expose-gc (the npm script does), so heap figures are measured after a full GC.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { everyFault } from '../line-kit/index.js';
import { settle } from './kit/in-flight.js';
import { createWorld } from './kit/world.js';

const POLLS = Number(process.env.SOAK_POLLS ?? 10_000);
const WARM_UP = Math.min(1_000, Math.floor(POLLS / 10));
const SAMPLE_EVERY = Math.max(1, Math.floor(POLLS / 10));
const MAX_GROWTH = 0.05;

/** Seeded, so a failing run can be replayed with SOAK_SEED. */
let seed = Number(process.env.SOAK_SEED ?? 20261129);
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

const FAULTS = everyFault({ slowMs: 600 });

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run soak does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await createWorld();
  const counts = { polls: 0, incoming: 0, answered: 0, held: 0, hungUp: 0, remoteHangups: 0, dialled: 0, faults: 0, outages: 0, commandFailures: 0 };
  const samples: { polls: number; heapMb: number }[] = [];
  const pending = new Set<Promise<unknown>>();
  let gateBackAt = -1;
  let warmHeap: number | undefined;
  let nextSample = WARM_UP;

  const command = (run: () => Promise<{ ok: boolean }>) => {
    const promise = run().then((result) => {
      if (!result.ok) counts.commandFailures += 1;
    });
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  for (let cycle = 0; counts.polls < POLLS; cycle += 1) {
    const { calls } = world.core.snapshot();
    const onLine = world.line.control.state().calls;
    const roll = random();
    if (roll < 0.08 && onLine.length < 4) {
      world.line.control.incomingCall({ from: { number: `+1415555${String(1000 + Math.floor(random() * 8999))}`, name: 'Soak Caller' } });
      counts.incoming += 1;
    } else if (roll < 0.13) {
      const ringing = calls.find((c) => c.actions.includes('answer'));
      if (ringing) {
        command(() => world.call('calls:answer', { callId: ringing.id }));
        counts.answered += 1;
      }
    } else if (roll < 0.17) {
      const call = pick(calls.filter((c) => c.actions.includes('hold') || c.actions.includes('resume')));
      if (call) {
        command(() => world.call(call.actions.includes('hold') ? 'calls:hold' : 'calls:resume', { callId: call.id }));
        counts.held += 1;
      }
    } else if (roll < 0.22) {
      const call = pick(onLine);
      if (call) {
        world.line.control.remoteHangup(call.id);
        counts.remoteHangups += 1;
      }
    } else if (roll < 0.25) {
      const call = pick(calls.filter((c) => c.actions.includes('hangup')));
      if (call) {
        command(() => world.call('calls:hangup', { callId: call.id }));
        counts.hungUp += 1;
      }
    } else if (roll < 0.27 && onLine.length < 4) {
      command(() => world.call('calls:dial', { destination: `+1415555${String(1000 + Math.floor(random() * 8999))}` }));
      counts.dialled += 1;
    } else if (roll < 0.285) {
      world.line.control.injectFault({ ...(pick(FAULTS) ?? { kind: 'drop' }), path: random() < 0.8 ? '/telephony/calls' : '/telephony/calls/' });
      counts.faults += 1;
    } else if (roll < 0.288 && world.gate.isUp) {
      await world.gate.down();
      gateBackAt = cycle + 3 + Math.floor(random() * 10);
      counts.outages += 1;
    }
    if (!world.gate.isUp && cycle >= gateBackAt) await world.gate.up();

    await world.run(1_000);
    counts.polls += world.attempts.filter((a) => a.method === 'GET' && a.path === '/v1/telephony/calls').length;
    if (world.crashes.length > 0) throw new Error(`crashed after ${counts.polls} polls: ${String(world.crashes[0])}`);
    world.forget();

    if (counts.polls >= nextSample) {
      const heap = heapMb();
      warmHeap ??= heap;
      samples.push({ polls: counts.polls, heapMb: Math.round(heap * 100) / 100 });
      nextSample += SAMPLE_EVERY;
    }
  }

  // Settle: faults cleared, the server back, every command answered, and the line healthy again.
  world.line.control.clearFaults();
  await world.gate.up();
  for (let i = 0; i < 60 && (pending.size > 0 || world.core.snapshot().line.state !== 'ok'); i += 1) await world.run(1_000);
  await settle();
  const finalHeap = heapMb();
  const endState = world.core.snapshot().line.state;
  const crashes = world.crashes.length;
  await world.close();

  const growth = warmHeap === undefined ? 0 : (finalHeap - warmHeap) / warmHeap;
  const report = {
    polls: counts.polls,
    churn: counts,
    heap: { afterWarmUpMb: Math.round((warmHeap ?? 0) * 100) / 100, finalMb: Math.round(finalHeap * 100) / 100, growthPercent: Math.round(growth * 10_000) / 100 },
    samples,
    unansweredCommands: pending.size,
    endState,
    crashes,
    realSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  mkdirSync('dist/reliability', { recursive: true });
  writeFileSync('dist/reliability/soak.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));

  const problems = [
    ...(growth >= MAX_GROWTH ? [`heap grew ${report.heap.growthPercent}% after warm-up (limit ${MAX_GROWTH * 100}%)`] : []),
    ...(pending.size > 0 ? [`${pending.size} commands never answered`] : []),
    ...(endState !== 'ok' ? [`the line ended ${endState}`] : []),
    ...(crashes > 0 ? [`${crashes} crashes`] : []),
  ];
  if (problems.length > 0) {
    console.error(`soak failed: ${problems.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log(`soak passed: ${counts.polls} polls, heap ${report.heap.afterWarmUpMb} → ${report.heap.finalMb} MB (${report.heap.growthPercent}%)`);
  }
}

await main();
