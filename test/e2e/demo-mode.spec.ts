import { expect, test } from '@playwright/test';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness } from '../harness/harness-server.js';
import { openVideoSdk } from './videosdk-steps.js';

// What a newcomer sees: no account configured, so the built-in line runs with its demo scenario.
test('with no account, the demo line says so and a call rings within seconds', async ({ page }) => {
  const log = new MemoryLogger();
  const harness = await startHarness({ ports: createHarnessPorts({ log }), openLine: () => openLine({ env: {}, clock: systemClock, log }) });
  try {
    await page.goto(harness.url);
    await expect(page.getByText('Demo line — no account connected')).toBeVisible();
    // The built-in line knows whose line it is, and has messages waiting.
    await expect(page.getByRole('banner')).toContainText('Ext. 81004142 · +1 415 555 0142');
    await expect(page.getByRole('banner')).toContainText('2 new voicemails');
    const ringing = page.getByRole('list', { name: 'Active calls' }).getByRole('listitem').filter({ hasText: 'Ringing' }).first();
    await expect(ringing).toBeVisible({ timeout: 10_000 });
    await ringing.getByRole('button', { name: 'Answer' }).click();
    await expect(page.getByRole('list', { name: 'Active calls' }).getByRole('listitem').filter({ hasText: 'Connected' })).toHaveCount(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await harness.close();
  }
});

// The demo line serves VideoSDK too, so a newcomer can dial a SIP call into a room without keys.
test('with no account, a SIP call can be placed on the demo line with the IDs it suggests', async ({ page }) => {
  const log = new MemoryLogger();
  const harness = await startHarness({ ports: createHarnessPorts({ log }), openLine: () => openLine({ env: {}, clock: systemClock, log }) });
  try {
    await page.goto(harness.url);
    const region = await openVideoSdk(page);
    await expect(region).toContainText('Demo line');
    const trunkId = await region.locator('code').first().textContent();
    await region.getByRole('textbox', { name: 'Room ID' }).fill('demo-room');
    await region.getByRole('textbox', { name: 'Call to' }).fill('+14155550123');
    await region.getByRole('textbox', { name: 'Trunk ID' }).fill(trunkId ?? '');
    await region.getByRole('textbox', { name: 'Display name' }).fill('Newcomer');
    await region.getByRole('button', { name: 'Start SIP call' }).click();
    await expect(region.getByRole('status').filter({ hasText: 'Participant ID:' })).toBeVisible();
    await expect(region.getByRole('listitem', { name: /^SIP call to / })).toContainText('Answered', { timeout: 10_000 });
    await expect(region.getByRole('alert')).toHaveCount(0);
  } finally {
    await harness.close();
  }
});
