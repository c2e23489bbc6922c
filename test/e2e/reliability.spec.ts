import type { Page } from '@playwright/test';
import type { FaultSpec } from '../line-kit/index.js';
import { expect, test } from './fixtures.js';

/**
 * Representative rows of the fault table (test/reliability/fault-table.test.ts), seen in the
 * window: what each fault shows, that no stale control stays clickable, and that the window comes
 * back by itself. Also: a damaged settings file is announced in region "Notices".
 */
const callWith = (app: Page, name: string) => app.getByRole('list', { name: 'Active calls' }).getByRole('listitem', { name: `Call with ${name}` });

const POLL_FAULTS: { name: string; fault: FaultSpec; banner: RegExp }[] = [
  { name: '503', fault: { kind: 'status', status: 503, times: 'always', path: '/telephony/calls' }, banner: /isn't responding as expected/ },
  { name: 'a captive-portal HTML page', fault: { kind: 'wrong-content-type', times: 'always', path: '/telephony/calls' }, banner: /isn't responding as expected/ },
  { name: 'a connection reset mid-body', fault: { kind: 'reset-mid-body', times: 'always', path: '/telephony/calls' }, banner: /Offline/ },
];

test.describe('faults in the window', () => {
  for (const row of POLL_FAULTS) {
    test(`${row.name} on the call list: an alert, no stale controls, then recovery`, async ({ app, line }) => {
      line.control.incomingCall({ from: { name: 'Eve Adams', number: '+12065550111' } });
      const call = callWith(app, 'Eve Adams');
      await expect(call.getByRole('button', { name: 'Answer' })).toBeVisible();

      line.control.injectFault(row.fault);
      await expect(app.getByRole('alert').filter({ hasText: row.banner })).toBeVisible();
      await expect(call).toBeVisible();
      await expect(call.getByRole('button')).toHaveCount(0);

      line.control.clearFaults();
      await expect(call.getByRole('button', { name: 'Answer' })).toBeVisible({ timeout: 10_000 });
      await expect(app.getByRole('alert')).toHaveCount(0);
    });
  }

  test('a 500 on Hold: an alert with the reason, sent once, and the call stays controllable', async ({ app, line }) => {
    line.control.incomingCall({ from: { name: 'Ben Okafor', number: '+442079460958' } });
    const call = callWith(app, 'Ben Okafor');
    await call.getByRole('button', { name: 'Answer' }).click();
    await expect(call).toContainText('Connected');

    line.control.injectFault({ kind: 'status', status: 500, times: 'always', path: '/telephony/calls/hold' });
    await call.getByRole('button', { name: 'Hold' }).click();
    await expect(app.getByRole('alert')).toContainText('Something went wrong on the server.');
    expect(line.control.state().requests.filter((r) => r.path.endsWith('/hold'))).toHaveLength(1);
    await expect(call).toContainText('Connected');

    line.control.clearFaults();
    await call.getByRole('button', { name: 'Hold' }).click();
    await expect(call).toContainText('On hold');
    expect(line.control.state().requests.filter((r) => r.path.endsWith('/hold'))).toHaveLength(2);
  });

  test('an oversized answer to Dial: the alert says the answer was too large, and nothing dials twice', async ({ app, line }) => {
    line.control.injectFault({ kind: 'oversized', path: '/telephony/calls/dial' });
    await app.getByRole('combobox', { name: 'Number to call' }).fill('+14155550123');
    await app.getByRole('button', { name: 'Call', exact: true }).click();
    await expect(app.getByRole('alert')).toContainText('larger than 4 MB');
    expect(line.control.state().requests.filter((r) => r.path.endsWith('/dial'))).toHaveLength(1);
  });
});

test.describe('faults in the Meeting view', () => {
  test('a 503 on the roster: the view says so, keeps the list, and recovers; a call-out refused once is not resent', async ({ app, line }) => {
    line.meetings.addMeeting({ title: 'All hands', meetingNumber: '26345551234', participants: [{ displayName: 'Reception', host: true }, { displayName: 'Sam Rivera' }] });
    await app.getByRole('button', { name: 'Meetings' }).click();
    const meeting = app.getByRole('region', { name: 'Meeting' });
    await meeting.getByRole('textbox', { name: 'Meeting ID or number' }).fill('2634 555 1234');
    await meeting.getByRole('button', { name: 'Open meeting' }).click();
    const participants = meeting.getByRole('list', { name: 'Participants', exact: true });
    await expect(participants.getByRole('listitem', { name: 'Sam Rivera', exact: true })).toBeVisible();

    line.control.injectFault({ kind: 'status', status: 503, times: 'always', path: '/meetingParticipants', method: 'GET' });
    await expect(meeting).toContainText("Couldn't refresh the participants", { timeout: 15_000 });
    await expect(participants.getByRole('listitem', { name: 'Sam Rivera', exact: true })).toBeVisible();

    line.control.injectFault({ kind: 'status', status: 500, path: '/meetingParticipants/callout', method: 'POST' });
    await meeting.getByRole('textbox', { name: 'SIP address or number' }).fill('+14155550123');
    await meeting.getByRole('textbox', { name: 'Display name' }).fill('Ada Lovelace');
    await meeting.getByRole('button', { name: 'Call out' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'Something went wrong on the server.' }).first()).toBeVisible();
    expect(line.control.state().requests.filter((r) => r.method === 'POST' && r.path.endsWith('/callout'))).toHaveLength(1);

    line.control.clearFaults();
    await expect(meeting).not.toContainText("Couldn't refresh the participants", { timeout: 35_000 });
  });
});

test.describe('a damaged settings file', () => {
  test.use({ damagedSettings: true });

  test('is announced in region "Notices" until dismissed', async ({ app }) => {
    const notices = app.getByRole('region', { name: 'Notices' });
    await expect(notices.getByRole('alert')).toContainText('Your settings file was damaged');
    await notices.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notices).toHaveCount(0);
  });
});
