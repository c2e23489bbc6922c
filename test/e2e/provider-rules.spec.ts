/**
 * Rules from Webex's contracts, tried as a new user would in the window against the built-in line:
 * a transfer nobody answers, recording under each recording mode, and an account without admin
 * rights (its extension in the header, dial by name with a colleague's work extension).
 */
import type { Page } from '@playwright/test';
import type { TestLine } from '../line-kit/index.js';
import { expect, test } from './fixtures.js';

const calls = (app: Page) => app.getByRole('list', { name: 'Active calls' });
const callWith = (app: Page, name: string) => calls(app).getByRole('listitem', { name: new RegExp(name) });

async function connectedCall(app: Page, line: TestLine, name: string, number: string) {
  line.control.incomingCall({ from: { name, number } });
  await callWith(app, name).getByRole('button', { name: 'Answer' }).click();
  await expect(callWith(app, name)).toContainText('Connected');
  return callWith(app, name);
}

test.describe('a transfer nobody answers', () => {
  test.use({ lineNoAnswerMs: 2_000 });

  test('[CC-22] the dialog says the call stays if nobody answers; it rings, nobody answers, and the call is still mine', async ({ app, line }) => {
    line.control.setDialBehavior({ answerAfterMs: null });
    const call = await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await call.getByRole('button', { name: 'Transfer' }).click();
    const dialog = app.getByRole('dialog', { name: 'Transfer call with Ana Silva' });
    await expect(dialog.getByRole('radio', { name: 'When they answer' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'When they answer' })).toHaveAccessibleDescription(/If nobody answers, the call stays with you/);
    await dialog.getByRole('textbox', { name: 'Transfer to' }).fill('1005');
    await dialog.getByRole('button', { name: 'Ring and transfer' }).click();

    const notes = app.getByRole('status').filter({ hasText: 'Ana Silva' });
    await expect(notes).toContainText('Transferring Ana Silva to 1005: waiting for an answer.');
    // The new call to 1005 rings out while Ana waits on hold.
    await expect(calls(app).getByRole('listitem')).toHaveCount(2);
    await expect(call).toContainText('On hold');

    await expect(notes).toContainText("1005 didn't answer: the call with Ana Silva was not transferred and is still with you.", { timeout: 10_000 });
    await expect(calls(app).getByRole('listitem')).toHaveCount(1);
    await expect(call).toContainText('On hold');
    await call.getByRole('button', { name: 'Resume' }).click();
    await expect(call).toContainText('Connected');
    await expect(app.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('recording in each recording mode', () => {
  const refusal = (app: Page) => app.getByRole('alert').filter({ hasText: 'recording mode' });

  test('[CC-24] Never: Start recording is refused once with one clear message, then no longer offered', async ({ app, line }) => {
    line.control.setRecordingMode('never');
    const call = await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await call.getByRole('button', { name: 'Start recording' }).click();
    await expect(refusal(app)).toHaveCount(1);
    await expect(refusal(app)).toContainText('Starting a recording works only when your call recording mode is "On Demand".');
    await expect(refusal(app)).toContainText('Tracking ID:');
    await expect(call.getByRole('button', { name: 'Start recording' })).toHaveCount(0);
    // A later call on the same line is not offered it either.
    const next = await connectedCall(app, line, 'Ben Okafor', '+442079460958');
    await expect(next.getByRole('button', { name: 'Hold' })).toBeVisible();
    await expect(next.getByRole('button', { name: 'Start recording' })).toHaveCount(0);
  });

  test('[CC-24] On Demand: start shows "Starting recording…" with no Stop, then Pause and Stop work', async ({ app, line }) => {
    line.control.setRecordingMode('onDemand');
    const call = await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await call.getByRole('button', { name: 'Start recording' }).click();
    await expect(call).toContainText('Starting recording…');
    await expect(call.getByRole('button', { name: 'Stop recording' })).toHaveCount(0);
    await expect(call.getByRole('button', { name: 'Pause recording' })).toBeVisible({ timeout: 10_000 });
    await call.getByRole('button', { name: 'Pause recording' }).click();
    await expect(call).toContainText('Recording paused');
    await call.getByRole('button', { name: 'Stop recording' }).click();
    await expect(call.getByRole('button', { name: 'Start recording' })).toBeVisible();
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('[CC-26] Always with Pause/Resume: recording starts by itself, pause and resume work, Stop is refused once and removed', async ({ app, line }) => {
    line.control.setRecordingMode('alwaysPauseResume');
    const call = await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await expect(call.getByRole('button', { name: 'Pause recording' })).toBeVisible({ timeout: 10_000 });
    await call.getByRole('button', { name: 'Pause recording' }).click();
    await call.getByRole('button', { name: 'Resume recording' }).click();
    await expect(call.getByRole('button', { name: 'Pause recording' })).toBeVisible();
    await call.getByRole('button', { name: 'Stop recording' }).click();
    await expect(refusal(app)).toContainText('Stopping a recording works only when your call recording mode is "On Demand".');
    await expect(call.getByRole('button', { name: 'Stop recording' })).toHaveCount(0);
    await expect(call.getByRole('button', { name: 'Pause recording' })).toBeVisible();
    await expect(call).toContainText('Recording');
  });

  test('[CC-26] Always: recording starts by itself; a refused Pause takes Pause and Resume away', async ({ app, line }) => {
    line.control.setRecordingMode('always');
    const call = await connectedCall(app, line, 'Ana Silva', '+12015550123');
    await expect(call.getByRole('button', { name: 'Pause recording' })).toBeVisible({ timeout: 10_000 });
    await call.getByRole('button', { name: 'Pause recording' }).click();
    await expect(refusal(app)).toContainText('Pausing a recording works only when your call recording mode is "On Demand" or "Always with Pause/Resume".');
    await expect(call.getByRole('button', { name: 'Pause recording' })).toHaveCount(0);
    await expect(call).toContainText('Recording');
  });
});

test.describe('an account without admin rights', () => {
  test('[PPL-01] the header shows my work extension (routing prefix included); dial by name dials a colleague\'s work extension', async ({ app, line }) => {
    line.control.setDialBehavior({ answerAfterMs: null });
    await expect(app.getByRole('banner')).toContainText('Ext. 81004142 · +1 415 555 0142');
    const meRequests = line.control.state().requests.filter((r) => r.path === '/v1/people/me');
    expect(meRequests.length).toBeGreaterThan(0);

    const field = app.getByRole('combobox', { name: 'Number to call' });
    await field.fill('Jord');
    const jordan = app.getByRole('option', { name: /Jordan Lee/ });
    await expect(jordan).toContainText('Ext. 81001003');
    await jordan.click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(1);
    expect(line.control.state().calls[0]?.remoteParty.number).toBe('81001003');
  });
});
