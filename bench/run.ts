/**
 * `npm run bench`: what a person feels, measured against baselines taken in the same run.
 * Prints one Markdown table and writes bench/results.json. Options:
 *   --quick        fewer samples and shorter windows (the smoke test uses it); every figure still present
 *   --profile      also writes .cpuprofiles of the action path and of the core under load (profiles/ beside
 *                  the results) and names their hot spots
 *   --out <path>   where to write the JSON (default bench/results.json)
 *   --only 1,4     run only these measurements (while working on one; the results are partial)
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.js';
import { now } from './clock.js';
import { ledger } from './line-tap.js';
import { measureActionOverhead } from './phases/action-overhead.js';
import { measureApiCost } from './phases/api-cost.js';
import { measurePushSources } from './phases/push-sources.js';
import { measureEventToScreen } from './phases/event-to-screen.js';
import { measureInputToWire } from './phases/input-to-wire.js';
import { measureMemory } from './phases/memory.js';
import { measureRendererLoad } from './phases/renderer-load.js';
import { measureRosterLoad } from './phases/roster-load.js';
import { measureSize } from './phases/size.js';
import { summarizeProfile } from './profile-summary.js';
import { buildRenderer } from './renderer-build.js';
import { markdownTable, valueRow, writeResults, type Results, type Row } from './report.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const outIndex = args.indexOf('--out');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',').map(Number)) : undefined;
const runs = (phase: number) => only === undefined || only.has(phase);
const outPath = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]!) : join(repoRoot, 'bench/results.json');

const plan = quick
  ? { actions: 200, warmup: 20, inputSamples: 8, rawSamples: 3, immediateSamples: 8, loadSeconds: 1.5, pollCycles: 300, apiWindowSeconds: 5, pushSamples: 6, pushWindowSeconds: 5 }
  : { actions: 2000, warmup: 200, inputSamples: 40, rawSamples: 12, immediateSamples: 40, loadSeconds: 5, pollCycles: 10_000, apiWindowSeconds: 15, pushSamples: 40, pushWindowSeconds: 60 };

const startedAt = new Date();
const started = now();
const step = (name: string) => process.stderr.write(`bench: ${name} (${((now() - started) / 1000).toFixed(0)} s)\n`);

const work = await mkdtemp(join(tmpdir(), 'calldeck-bench-'));
const rendererDir = join(work, 'renderer');
const profilingDir = join(work, 'renderer-profiling');
const rows: Row[] = [];
const details: Record<string, unknown> = { plan };
/** --profile: where each profile goes, and what it shows. */
const profiles: Array<{ title: string; path: string }> = [];
const profileDir = join(dirname(outPath), 'profiles');
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const profileFile = async (name: string, title: string) => {
  if (!profile) return undefined;
  await mkdir(profileDir, { recursive: true });
  const path = join(profileDir, `${name}-${stamp}.cpuprofile`);
  profiles.push({ title, path });
  return path;
};
const browser = await launchChromium();

try {
  step('building the renderer (production and profiling)');
  await buildRenderer(repoRoot, rendererDir, 'production');
  await buildRenderer(repoRoot, profilingDir, 'profiling');

  if (runs(1)) {
    step('1. action overhead');
    const actionProfile = await profileFile('action-path', 'Action path (dispatch → client → line, one process)');
    const action = await measureActionOverhead({ actions: plan.actions, warmup: plan.warmup, ...(actionProfile ? { profilePath: actionProfile } : {}) });
    rows.push(...action.rows);
    details.actionOverhead = action.details;
  }

  if (runs(2)) {
    step('2. hotkey and click to wire');
    const input = await measureInputToWire(browser, rendererDir, plan.inputSamples);
    rows.push(...input.rows);
    details.inputToWire = input.details;
  }

  if (runs(3)) {
    step('3. event to screen');
    const screen = await measureEventToScreen(browser, rendererDir, { rawSamples: plan.rawSamples, immediateSamples: plan.immediateSamples });
    rows.push(...screen.rows);
    details.eventToScreen = screen.details;
  }

  if (runs(4)) {
    step('4. renderer under load');
    const load = await measureRendererLoad(browser, profilingDir, { callCounts: [10, 100, 500], seconds: plan.loadSeconds });
    rows.push(...load.rows);
    const roster = await measureRosterLoad(browser, profilingDir, { participants: 500, seconds: plan.loadSeconds });
    rows.push(...roster.rows);
    details.rosterLoad = roster.details;
    const heapAt = (calls: number) => load.levels.find((l) => l.calls === calls)?.heapMB ?? Number.NaN;
    rows.push(
      valueRow('memory.renderer.idle.heapMB', 'Renderer JS heap, idle', 'MB', load.idleHeapMB),
      valueRow('memory.renderer.calls100.heapMB', 'Renderer JS heap, 100 calls', 'MB', heapAt(100)),
      valueRow('memory.renderer.calls500.heapMB', 'Renderer JS heap, 500 calls', 'MB', heapAt(500)),
    );
    details.rendererLoad = load.levels;
  }

  if (runs(5)) {
    step('5. memory');
    const profilePath = await profileFile('core-under-load', 'Core under load (100 calls, churn; its own process)');
    const memory = await measureMemory({ pollCycles: plan.pollCycles, calls: 100, rendererDir, ...(profilePath ? { profilePath } : {}) });
    rows.push(...memory.rows);
    details.memory = memory.details;
  }

  if (runs(6)) {
    step('6. size');
    const size = await measureSize(repoRoot, rendererDir);
    rows.push(...size.rows);
    details.size = size.details;
  }

  if (runs(7)) {
    step('7. API cost');
    const api = await measureApiCost(browser, rendererDir, plan.apiWindowSeconds);
    rows.push(...api.rows);
    rows.push(
      valueRow('api.listOverlaps', `Two list requests of a kind in flight at once (of ${ledger.listRequests} lists, whole run)`, 'count', ledger.listOverlaps, {
        target: { stat: 'value', max: 0 },
      }),
    );
    details.apiCost = api.details;
  }

  if (runs(8)) {
    step('8. live updates per source');
    const push = await measurePushSources(browser, rendererDir, { samples: plan.pushSamples, windowSeconds: plan.pushWindowSeconds });
    rows.push(...push.rows);
    details.pushSources = push.details;
  }
  details.ledger = ledger;
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}

const hotspots: unknown[] = [];
for (const { title, path } of profiles) {
  const hot = await summarizeProfile(path, repoRoot);
  hotspots.push({ title, path, ...hot });
  process.stdout.write(`\nCPU profile, ${title}: ${path}\nSelf time by function (top ${hot.byFunction.length} of ${hot.totalMs.toFixed(0)} ms):\n`);
  for (const h of hot.byFunction) process.stdout.write(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}  ${h.where}\n`);
  process.stdout.write('Self time by file:\n');
  for (const h of hot.byFile) process.stdout.write(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.where}\n`);
}

if (hotspots.length > 0) details.profiles = hotspots;

const results: Results = {
  meta: {
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((now() - started) / 1000),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: availableParallelism(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    chromium: browser.version(),
    ...(profiles.length > 0 ? { profiles: profiles.map((p) => p.path) } : {}),
  },
  rows,
  details,
};
await writeResults(outPath, results);
process.stdout.write(`\n${markdownTable(rows)}\n\n${quick ? 'Quick run' : 'Full run'} in ${results.meta.durationSeconds} s; load average ${results.meta.loadAverage.join(' ')} on ${results.meta.cpus} CPUs. Results: ${outPath}\n`);
