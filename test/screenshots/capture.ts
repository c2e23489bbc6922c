/**
 * `npm run screenshots`: pictures of the window for the README, taken from the real renderer and
 * core on the built-in line, light and dark, wide (1100 px) and at the window's minimum width
 * (420 px): a moment of a receptionist's day (a call ringing via a hunt group, one connected and
 * recording, one on hold, two voicemails waiting), plus the call's menu and dial by name; and the
 * Meetings view in demo mode (the running demo meeting's roster, a call-out, the VideoSDK region).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { startTestLine, type TestLine } from '../line-kit/index.js';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness } from '../harness/harness-server.js';

const outDir = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions());

const VIEWPORTS = { wide: { width: 1100, height: 720 }, narrow: { width: 420, height: 640 } } as const;

/** Held, connected and recording, then ringing via a hunt group; two voicemails waiting. */
async function scene(page: Page, line: TestLine): Promise<void> {
  const list = page.getByRole('list', { name: 'Active calls' });
  await list.waitFor();
  line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
  await list.getByRole('listitem', { name: /Ben Okafor/ }).getByRole('button', { name: 'Answer' }).click();
  await list.getByRole('listitem', { name: /Ben Okafor/ }).getByRole('button', { name: 'Hold' }).click();
  line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
  const ana = list.getByRole('listitem', { name: /Ana Silva/ });
  await ana.getByRole('button', { name: 'Answer' }).click();
  await ana.getByRole('button', { name: 'Start recording' }).click();
  line.control.incomingCall({ from: { name: 'Chen Wei', number: '+16505550100' }, via: { reason: 'huntGroup', name: 'Sales' } });
  await list.getByRole('listitem', { name: /Chen Wei/ }).waitFor();
  await page.getByRole('button', { name: 'Pause recording' }).waitFor();
  await page.getByText('2 new voicemails').waitFor();
}

/** Demo mode as a newcomer sees it: the demo meeting opens by itself; one call-out is ringing. */
async function meetingsPicture(scheme: 'light' | 'dark', name: string, viewport: { width: number; height: number }): Promise<void> {
  const log = new MemoryLogger();
  const harness = await startHarness({ ports: createHarnessPorts({ log }), openLine: () => openLine({ env: {}, clock: systemClock, log }) });
  try {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Meetings' }).click();
    const meeting = page.getByRole('region', { name: 'Meeting' });
    await meeting.getByRole('list', { name: 'Participants' }).getByRole('listitem').first().waitFor();
    await meeting.getByRole('textbox', { name: 'SIP address or number' }).fill('+1 415 555 0199');
    await meeting.getByRole('textbox', { name: 'Display name' }).fill('Boardroom phone');
    await meeting.getByRole('button', { name: 'Call out' }).click();
    await meeting.getByRole('list', { name: 'Calling out' }).getByRole('listitem').first().waitFor();
    // The call-out scrolled the view down; the picture starts at the meeting's title.
    await meeting.getByRole('heading', { name: 'Weekly team sync' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${outDir}/${name}-${scheme}.png` });
    await page.close();
  } finally {
    await harness.close();
  }
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      // A fresh line and core per picture: one picture's calls never leave notes in the next.
      const line = await startTestLine();
      const log = new MemoryLogger();
      const harness = await startHarness({
        ports: createHarnessPorts({ log }),
        openLine: () => openLine({ env: { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token }, clock: systemClock, log }),
      });
      try {
        // As demo mode: On Demand, so the scene can start (and pause) a recording.
        line.control.setRecordingMode('onDemand');
        line.control.leaveVoicemail({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
        line.control.leaveVoicemail({ from: { name: 'Tom Okafor', number: '+442075550164' } });
        const page = await browser.newPage({ viewport, colorScheme: scheme });
        await page.goto(harness.url);
        await scene(page, line);
        await page.waitForTimeout(2200); // let the live durations tick past zero
        const name = size === 'wide' ? 'live-calls' : 'narrow';
        await page.screenshot({ path: `${outDir}/${name}-${scheme}.png` });

        // The ringing call's menu, and dial by name, in the same window.
        const chen = page.getByRole('list', { name: 'Active calls' }).getByRole('listitem', { name: /Chen Wei/ });
        await chen.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menu').waitFor();
        await page.screenshot({ path: `${outDir}/${name}-menu-${scheme}.png` });
        await page.keyboard.press('Escape');
        const dial = page.getByRole('combobox', { name: 'Number to call' });
        await dial.scrollIntoViewIfNeeded();
        await dial.fill('Sa');
        await page.getByRole('listbox').getByRole('option').first().waitFor();
        await page.screenshot({ path: `${outDir}/${name}-dial-by-name-${scheme}.png` });
        await page.close();
      } finally {
        await harness.close();
        await line.close();
      }
    }
  }
  for (const scheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      await meetingsPicture(scheme, size === 'wide' ? 'meetings' : 'narrow-meetings', viewport);
    }
  }
  process.stdout.write(`Screenshots written to ${outDir}\n`);
} finally {
  await browser.close();
}
