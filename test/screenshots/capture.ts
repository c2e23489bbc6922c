/**
 * `npm run screenshots`: pictures of the live-calls window for the README, taken from the real
 * renderer and core on the built-in line, with a scripted moment of a receptionist's day (a
 * call ringing via a hunt group, one connected and recording, one on hold).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { startTestLine } from '../line-kit/index.js';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness } from '../harness/harness-server.js';

const outDir = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const line = await startTestLine();
const log = new MemoryLogger();
const harness = await startHarness({
  ports: createHarnessPorts({ log }),
  openLine: () => openLine({ env: { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token }, clock: systemClock, log }),
});
const browser = await chromium.launch(chromiumLaunchOptions());

try {
  for (const scheme of ['light', 'dark'] as const) {
    line.control.reset();
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, colorScheme: scheme });
    await page.goto(harness.url);
    const list = page.getByRole('list', { name: 'Active calls' });
    await list.waitFor();

    const held = line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
    await list.getByRole('listitem', { name: /Ben Okafor/ }).getByRole('button', { name: 'Answer' }).click();
    await list.getByRole('listitem', { name: /Ben Okafor/ }).getByRole('button', { name: 'Hold' }).click();
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    const ana = list.getByRole('listitem', { name: /Ana Silva/ });
    await ana.getByRole('button', { name: 'Answer' }).click();
    await ana.getByRole('button', { name: 'Start recording' }).click();
    line.control.incomingCall({ from: { name: 'Chen Wei', number: '+16505550100' }, via: { reason: 'huntGroup', name: 'Sales' } });
    await list.getByRole('listitem', { name: /Chen Wei/ }).waitFor();
    await page.getByRole('button', { name: 'Pause recording' }).waitFor();
    void held;
    await page.waitForTimeout(2200); // let the live durations tick past zero
    await page.screenshot({ path: `${outDir}/live-calls-${scheme}.png` });
    await page.close();
  }
  process.stdout.write(`Screenshots written to ${outDir}\n`);
} finally {
  await browser.close();
  await harness.close();
  await line.close();
}
