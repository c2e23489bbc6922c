/**
 * Devices, lines and queues (issue 20), driven as a person would: "Use device", "Pull call", a call
 * on the manager's line labelled with that line, "Line", "Queue availability" in the window and
 * the tray. Every request the app sends is recorded at the line, so the endpointId and
 * lineOwnerId each one carries are checked too.
 */
import type { Page } from '@playwright/test';
import type { TrayMenuItem } from '../../main/core/ports.js';
import type { SandboxExchange } from '../../main/sandbox/index.js';
import { DESK_PHONE_ID, MANAGER_ID, MOBILE_ID, WEBEX_APP_ID } from '../../main/sandbox/index.js';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness, type Harness } from '../harness/harness-server.js';
import { expect, test } from './fixtures.js';

const calls = (app: Page) => app.getByRole('list', { name: 'Active calls' });
const callWith = (app: Page, name: string) => calls(app).getByRole('listitem', { name: new RegExp(name) });

function tray(harness: Harness) {
  const call = async (method: string, path: string) => {
    const response = await fetch(`${harness.origin}/__harness${path}`, { method, headers: { 'x-harness-secret': harness.secret } });
    return (await response.json()) as unknown;
  };
  return {
    items: async () => (await call('GET', '/tray')) as TrayMenuItem[],
    click: (id: string) => call('POST', `/tray/${encodeURIComponent(id)}`),
  };
}

function sent(recorded: SandboxExchange[], path: string): Array<Record<string, unknown>> {
  return recorded.filter((x) => x.path === `/v1${path}` && x.method !== 'GET').map((x) => JSON.parse(x.requestBody || '{}') as Record<string, unknown>);
}

test('[ME-01][CC-40][CC-42][CC-44] choose the desk phone, dial and answer there, pull a call, answer on the manager\'s line', async ({ app, line }) => {
  const recorded: SandboxExchange[] = [];
  line.control.onExchange((x) => recorded.push(x));
  const panel = app.getByRole('region', { name: 'Make a call' });
  const device = panel.getByRole('combobox', { name: 'Use device' });
  // Starts on Webex's preferred answer endpoint, and lists my endpoints by name.
  await expect(device).toHaveValue(WEBEX_APP_ID);
  await expect(device.getByRole('option')).toHaveText(['Desk phone 8865', 'Webex App', 'Mobile (Webex Go)']);

  await device.selectOption({ label: 'Desk phone 8865' });
  await expect(device).toHaveValue(DESK_PHONE_ID);

  // Click to Dial: the chosen device alerts first; picking it up there places the call.
  line.control.setDialBehavior({ answerAfterMs: 100, pickUpAfterMs: null });
  await app.getByRole('combobox', { name: 'Number to call' }).fill('1003');
  await app.getByRole('button', { name: 'Call', exact: true }).click();
  const placed = calls(app).getByRole('listitem').first();
  await expect(placed).toContainText('Pick up your phone');
  await expect(placed.getByRole('button', { name: 'Answer' })).toHaveCount(0);
  expect(sent(recorded, '/telephony/calls/dial')).toEqual([{ destination: '1003', endpointId: DESK_PHONE_ID }]);
  line.control.pickUp(line.control.state().calls[0]!.id);
  await expect(placed).toContainText('Connected');
  await placed.getByRole('button', { name: 'Hang up' }).click();
  await expect(calls(app).getByRole('listitem')).toHaveCount(0);

  // An incoming call is answered on the chosen device.
  const ringing = line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12125550100' } });
  await callWith(app, 'Ana Silva').getByRole('button', { name: 'Answer' }).click();
  await expect(callWith(app, 'Ana Silva')).toContainText('Connected');
  expect(sent(recorded, '/telephony/calls/answer')).toEqual([{ callId: ringing, endpointId: DESK_PHONE_ID }]);

  // Pull: the active call moves to the device now chosen.
  await device.selectOption({ label: 'Webex App' });
  await panel.getByRole('button', { name: 'Pull call' }).click();
  await expect.poll(() => sent(recorded, '/telephony/calls/pull')).toEqual([{ endpointId: WEBEX_APP_ID }]);
  // Pull alerts the chosen device first, like a dial; picking it up there takes the call over.
  await expect(calls(app).getByText('Pick up your phone')).toBeVisible();
  const pullLeg = line.control.state().calls.find((c) => c.personality === 'clickToDial');
  line.control.pickUp(pullLeg!.id);
  await expect(calls(app).getByRole('listitem')).toHaveCount(1);
  await calls(app).getByRole('listitem').first().getByRole('button', { name: 'Hang up' }).click();
  await expect(calls(app).getByRole('listitem')).toHaveCount(0);

  // The manager's line rings on the desk phone: the call says whose line it is, and Answer names both.
  const manager = line.meLines.control(MANAGER_ID)!;
  manager.incomingCall({ from: { name: 'Olivia Davis', number: '4164' } });
  const item = callWith(app, 'Olivia Davis');
  await expect(item).toContainText('Line: Emma Wilson');
  await item.getByRole('button', { name: 'Answer' }).click();
  await expect(item).toContainText('Connected');
  const answers = sent(recorded, '/telephony/calls/answer');
  // Webex App does not carry the manager's line; the desk phone does.
  expect(answers.at(-1)).toEqual({ callId: expect.any(String), lineOwnerId: MANAGER_ID, endpointId: DESK_PHONE_ID });

  // "Line" filters the one list.
  const filter = app.getByRole('combobox', { name: 'Line' });
  await filter.selectOption({ label: 'My line' });
  await expect(calls(app).getByRole('listitem')).toHaveCount(0);
  await filter.selectOption({ label: 'Emma Wilson' });
  await expect(calls(app).getByRole('listitem')).toHaveCount(1);
  await filter.selectOption({ label: 'All lines' });

  // Every action on that call carries its lineOwnerId.
  await item.getByRole('button', { name: 'Hold' }).click();
  await expect(item).toContainText('On hold');
  expect(sent(recorded, '/telephony/calls/hold')).toEqual([{ callId: expect.any(String), lineOwnerId: MANAGER_ID }]);
  const listed = recorded.filter((x) => x.path === '/v1/telephony/calls' && x.query.lineOwnerId === MANAGER_ID);
  expect(listed.length).toBeGreaterThan(0);
});

test('[ME-02] a device that cannot be answered remotely says so, and Answer sends nothing', async ({ app, line }) => {
  const recorded: SandboxExchange[] = [];
  line.control.onExchange((x) => recorded.push(x));
  const device = app.getByRole('combobox', { name: 'Use device' });
  await device.selectOption({ label: 'Mobile (Webex Go)' });
  await expect(device).toHaveValue(MOBILE_ID);
  await expect(app.getByRole('region', { name: 'Make a call' })).toContainText('Answer on the phone itself');
  line.control.incomingCall({ from: { name: 'Priya Natarajan', number: '+12125550142' } });
  await callWith(app, 'Priya Natarajan').getByRole('button', { name: 'Answer' }).click();
  await expect(app.getByRole('alert')).toContainText('Answer on the phone itself');
  expect(sent(recorded, '/telephony/calls/answer')).toEqual([]);
});

test('[ME-05] go Unavailable in queues from the window and from the tray', async ({ app, line, harness }) => {
  const availability = app.getByRole('combobox', { name: 'Queue availability', exact: true });
  await expect(availability).toHaveValue('AVAILABLE');
  await availability.selectOption({ label: 'Unavailable' });
  await expect(availability).toHaveValue('UNAVAILABLE');
  expect(line.meLines.queues('me')?.agentACDState).toBe('UNAVAILABLE');

  // A queue the agent may leave, and one the administrator locked.
  const support = app.getByRole('checkbox', { name: '2200' });
  await expect(support).toBeChecked();
  // The box follows what Webex confirms, so it changes once the PUT and the re-read are done.
  await support.click();
  await expect(support).not.toBeChecked();
  expect(line.meLines.queues('me')?.queues.find((q) => q.extension === '2200')?.available).toBe(false);
  await expect(app.getByRole('checkbox', { name: '2300' })).toBeDisabled();

  // The tray shows it too, and acts on it.
  const desk = tray(harness);
  await expect.poll(async () => (await desk.items()).find((i) => i.id === 'queue:UNAVAILABLE:me')?.checked).toBe(true);
  await desk.click('queue:AVAILABLE:me');
  await expect(availability).toHaveValue('AVAILABLE');
  await desk.click('queue:UNAVAILABLE:me');
  await expect(availability).toHaveValue('UNAVAILABLE');
  expect(line.meLines.queues('me')?.agentACDState).toBe('UNAVAILABLE');

  // The manager's line has its own queue settings: signed out, so only "Sign in" is offered.
  const managerQueues = app.getByRole('combobox', { name: 'Queue availability (Emma Wilson)' });
  await expect(managerQueues.getByRole('option')).toHaveText(['Signed out', 'Sign in']);
  await managerQueues.selectOption({ label: 'Sign in' });
  await expect.poll(() => line.meLines.queues(MANAGER_ID)?.agentACDState).toBe('SIGN_IN');
});

// What a newcomer does with no account: the built-in demo line, its manager's line and its queues.
test.describe('in demo mode', () => {
  test('[ME-01][ME-05] choose the desk phone, dial and answer, pull, answer on the manager\'s line, go Unavailable from window and tray', async ({ page }) => {
    test.setTimeout(90_000);
    const log = new MemoryLogger();
    const harness = await startHarness({ ports: createHarnessPorts({ log }), openLine: () => openLine({ env: {}, clock: systemClock, log }) });
    try {
      await page.goto(harness.url);
      const panel = page.getByRole('region', { name: 'Make a call' });
      const device = panel.getByRole('combobox', { name: 'Use device' });
      await expect(device).toHaveValue(WEBEX_APP_ID);
      await device.selectOption({ label: 'Desk phone 8865' });

      // The manager's line rings a few seconds after start (then every 40–70 s): answer it first.
      const managers = calls(page).getByRole('listitem').filter({ hasText: 'Line: Emma Wilson' }).first();
      await expect(managers).toBeVisible({ timeout: 20_000 });
      await managers.getByRole('button', { name: 'Answer' }).click();
      await expect(managers).toContainText(/Connected|On hold/);

      await page.getByRole('combobox', { name: 'Number to call' }).fill('1003');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      const placed = callWith(page, '1003');
      await expect(placed).toBeVisible();
      // Where Click to Dial alerts the chosen device first, answering it there places the call.
      const answerHere = placed.getByRole('button', { name: 'Answer' });
      if (await answerHere.isVisible()) await answerHere.click();
      await expect(placed).toContainText('Connected', { timeout: 10_000 });

      // A demo caller rings; answered on the desk phone.
      const ringing = calls(page).getByRole('listitem').filter({ hasText: 'Ringing' }).filter({ hasNotText: 'Line:' }).first();
      await expect(ringing).toBeVisible({ timeout: 15_000 });
      await ringing.getByRole('button', { name: 'Answer' }).click();

      await device.selectOption({ label: 'Webex App' });
      await panel.getByRole('button', { name: 'Pull call' }).click();

      const availability = page.getByRole('combobox', { name: 'Queue availability', exact: true });
      await availability.selectOption({ label: 'Unavailable' });
      await expect(availability).toHaveValue('UNAVAILABLE');
      const desk = tray(harness);
      await desk.click('queue:AVAILABLE:me');
      await expect(availability).toHaveValue('AVAILABLE');
      await desk.click('queue:UNAVAILABLE:me');
      await expect(availability).toHaveValue('UNAVAILABLE');
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      await harness.close();
    }
  });
});
