import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const calls = (app: Page) => app.getByRole('list', { name: 'Active calls' });
const callWith = (app: Page, name: string) => calls(app).getByRole('listitem', { name: new RegExp(name) });

test.describe('live calls through the window', () => {
  test('incoming → Answer → Hold → Resume → blind Transfer: the call leaves the list', async ({ app, line }) => {
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' }, via: { reason: 'huntGroup', name: 'Sales' } });
    const call = callWith(app, 'Ana Silva');
    await expect(call).toContainText('Ringing');
    await expect(call).toContainText('via Sales hunt group');
    await expect(call).toContainText('+1 201 555 0123');
    await expect(call.getByRole('button', { name: 'Hold' })).toHaveCount(0);

    await call.getByRole('button', { name: 'Answer' }).click();
    await expect(call).toContainText('Connected');
    await call.getByRole('button', { name: 'Hold' }).click();
    await expect(call).toContainText('On hold');
    await call.getByRole('button', { name: 'Resume' }).click();
    await expect(call).toContainText('Connected');

    // A mute transfer (the dialog's default) completes when the destination answers, as Webex documents.
    line.control.setDialBehavior({ answerAfterMs: 200 });
    await call.getByRole('button', { name: 'Transfer' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Transfer to' }).fill('+1 (415) 555-0199');
    await dialog.getByRole('button', { name: 'Ring and transfer' }).click();
    await expect(call).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: 'Transferred Ana Silva' })).toBeVisible();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    await expect(app.getByRole('alert')).toHaveCount(0);
    expect(line.control.state().requests.filter((r) => r.path.endsWith('/transfer'))).toHaveLength(1);
  });

  test('dial from the dialer, Park, then Retrieve the parked call', async ({ app, line }) => {
    line.control.setDialBehavior({ answerAfterMs: 100 });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('(202) 555-0147');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    const call = calls(app).getByRole('listitem').first();
    await expect(call).toContainText('Connected');
    await expect(call).toContainText('+1 202 555 0147');

    await call.getByRole('button', { name: 'Park' }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(0);
    const parkedOn = line.control.state().parked[0];
    expect(parkedOn).toBeDefined();
    const status = app.getByRole('status').filter({ hasText: 'Parked on' });
    await expect(status).toBeVisible();
    const extension = /Parked on (\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? '';

    await app.getByRole('textbox', { name: 'Park extension' }).fill(extension);
    await app.getByRole('button', { name: 'Retrieve', exact: true }).click();
    await expect(calls(app).getByRole('listitem')).toHaveCount(1);
    await expect(calls(app).getByRole('listitem').first()).toContainText('Connected');
  });

  test('a 400 from the line shows an alert with its trackingId', async ({ app, line }) => {
    line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
    const call = callWith(app, 'Ben Okafor');
    await expect(call.getByRole('button', { name: 'Answer' })).toBeVisible();
    line.control.injectFault({ kind: 'status', status: 400, path: '/answer' });
    await call.getByRole('button', { name: 'Answer' }).click();
    const alert = app.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/Tracking ID: \S+/);
    const trackingId = /Tracking ID: (\S+)/.exec((await alert.textContent()) ?? '')?.[1];
    expect(trackingId).toMatch(/CALLDECK_|SANDBOX_/);
  });

  test('[CC-07] a ringing call answered elsewhere disappears without an error, and says no more than "Call ended"', async ({ app, line }) => {
    const id = line.control.incomingCall({ from: { name: 'Chen Wei', number: '+16505550100' }, via: { reason: 'callQueue', name: 'Support' } });
    await expect(callWith(app, 'Chen Wei')).toContainText('Ringing');
    line.control.answeredElsewhere(id);
    await expect(callWith(app, 'Chen Wei')).toHaveCount(0);
    // Webex writes no missed record and never says who took it: CallDeck does not guess.
    await expect(app.getByText('Call ended: Chen Wei')).toBeVisible();
    await expect(app.getByText(/Answered elsewhere|Missed call/)).toHaveCount(0);
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('redial from history places the call again', async ({ app, line }) => {
    const id = line.control.incomingCall({ from: { name: 'Dana Levi', number: '+13125550182' } });
    await expect(callWith(app, 'Dana Levi')).toBeVisible();
    line.control.remoteHangup(id);
    const history = app.getByRole('list', { name: 'Call history' });
    const redial = history.getByRole('button', { name: /Redial Dana Levi/ }).first();
    await expect(redial).toBeVisible();
    await redial.click();
    await expect(calls(app).getByRole('listitem').first()).toContainText('Calling…');
    const dialled = line.control.state().requests.filter((r) => r.path.endsWith('/dial'));
    expect(dialled).toHaveLength(1);
  });

  test('garbage in the dialer is refused with a clear message and nothing is sent', async ({ app, line }) => {
    const field = app.getByRole('combobox', { name: 'Number to call' });
    await field.fill('call me maybe');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('call me maybe');
    await expect(app.getByText(/letter|not a (valid )?(phone )?number/i).first()).toBeVisible();
    expect(line.control.state().requests.filter((r) => r.path.endsWith('/dial'))).toHaveLength(0);
  });
});

test.describe('when the line misbehaves', () => {
  test('a dead network shows the offline banner and takes the controls away, then recovers', async ({ app, line }) => {
    line.control.incomingCall({ from: { name: 'Eve Adams', number: '+12065550111' } });
    const call = callWith(app, 'Eve Adams');
    await expect(call.getByRole('button', { name: 'Answer' })).toBeVisible();

    line.control.injectFault({ kind: 'drop', times: 'always', path: '/telephony/calls' });
    await expect(app.getByRole('alert').filter({ hasText: 'Offline' })).toBeVisible();
    await expect(call).toBeVisible();
    await expect(call.getByRole('button')).toHaveCount(0);

    line.control.clearFaults();
    await expect(call.getByRole('button', { name: 'Answer' })).toBeVisible({ timeout: 10_000 });
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('a 429 slows polling down quietly: a status, never an error alert', async ({ app, line }) => {
    line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 2, times: 1, path: '/telephony/calls' });
    await expect(app.getByRole('status').filter({ hasText: 'slow down' })).toBeVisible();
    await expect(app.getByRole('alert')).toHaveCount(0);
    await expect(app.getByRole('status').filter({ hasText: 'slow down' })).toHaveCount(0, { timeout: 8_000 });
    const listPolls = line.control.state().requests.filter((r) => r.method === 'GET' && r.path.endsWith('/telephony/calls'));
    expect(listPolls.filter((r) => r.status === 429)).toHaveLength(1);
  });
});

test.describe('other everyday actions', () => {
  test('Pick up takes a call ringing in the group', async ({ app, line }) => {
    line.control.ringInGroup({ from: { name: 'Femi Bello', number: '+12125550177' } });
    await app.getByRole('button', { name: 'Pick up' }).click();
    const call = calls(app).getByRole('listitem').first();
    await expect(call).toContainText('Connected');
    expect(line.control.state().ringingInGroup).toHaveLength(0);
  });

  test('the keypad sends touch tones into the call', async ({ app, line }) => {
    const id = line.control.incomingCall({ from: { name: 'Gita Rao', number: '+13105550188' } });
    const call = callWith(app, 'Gita Rao');
    await call.getByRole('button', { name: 'Answer' }).click();
    await call.getByRole('button', { name: 'Keypad' }).click();
    const keypad = app.getByRole('dialog');
    await keypad.getByRole('button', { name: '4', exact: true }).click();
    await keypad.getByRole('button', { name: '#', exact: true }).click();
    await expect.poll(() => line.control.state().dtmf.filter((d) => d.callId === id).map((d) => d.digits).join('')).toBe('4#');
  });
});
