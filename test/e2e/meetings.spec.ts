import type { Page } from '@playwright/test';
import type { TestLine } from '../line-kit/index.js';
import type { SandboxExchange } from '../../main/sandbox/index.js';
import { expect as baseExpect, test as baseTest } from '@playwright/test';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { MEETING_SCOPES } from '../../preload/common/meetings.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness } from '../harness/harness-server.js';
import { followInBrowser, openAccounts, startSignIn } from './accounts-fixtures.js';
import { expect, test } from './fixtures.js';

const MEETING_NUMBER = '26345551234';
/** The roster refreshes every 5 s while the view is open; allow two refreshes. */
const ROSTER_WAIT = { timeout: 15_000 };

const region = (app: Page) => app.getByRole('region', { name: 'Meeting' });
const participants = (app: Page) => region(app).getByRole('list', { name: 'Participants', exact: true });
const person = (app: Page, name: string) => participants(app).getByRole('listitem', { name, exact: true });
const callingOut = (app: Page) => region(app).getByRole('list', { name: 'Calling out' });
const requests = (line: TestLine, method: string, suffix: string) =>
  line.control.state().requests.filter((r) => r.method === method && r.path.endsWith(suffix));
/** Every exchange from now on, with query and bodies. */
function recording(line: TestLine) {
  const seen: SandboxExchange[] = [];
  line.control.onExchange((x) => seen.push(x));
  return (method: string, suffix: string) => seen.filter((x) => x.method === method && x.path.endsWith(suffix));
}

function allHands(line: TestLine, role: 'host' | 'cohost' | 'attendee' = 'host', extra: { joined?: boolean } = {}) {
  return line.meetings.addMeeting({
    title: 'All hands',
    meetingNumber: MEETING_NUMBER,
    role,
    ...extra,
    participants: [
      { displayName: 'Reception', email: 'reception@example.com', host: true, video: 'on' },
      { displayName: 'Sam Rivera', email: 'sam.rivera@example.com', state: 'lobby' },
      { displayName: 'Lee Chen', email: 'lee.chen@example.com', state: 'end' },
      // Enough people for two pages at max=100.
      ...Array.from({ length: 118 }, (_, i) => ({ displayName: `Guest ${String(i + 1).padStart(3, '0')}` })),
    ],
  });
}

async function openMeeting(app: Page, typed = '2634 555 1234'): Promise<void> {
  await app.getByRole('button', { name: 'Meetings' }).click();
  await region(app).getByRole('textbox', { name: 'Meeting ID or number' }).fill(typed);
  await region(app).getByRole('button', { name: 'Open meeting' }).click();
}

async function callOut(app: Page, address: string, name: string): Promise<void> {
  await region(app).getByRole('textbox', { name: 'SIP address or number' }).fill(address);
  await region(app).getByRole('textbox', { name: 'Display name' }).fill(name);
  await region(app).getByRole('button', { name: 'Call out' }).click();
}

test.describe('Webex Meetings through the window', () => {
  test('[MTG-01] [MTG-02] open by number as host, before Webex lists the instance → whole roster across pages → Admit → Mute → Call out by number → joined → Expel', async ({
    app,
    line,
  }) => {
    const meeting = allHands(line);
    const exchanges = recording(line);
    await openMeeting(app);
    await expect(region(app)).toContainText('Webex does not list the running meeting yet');

    // Header, and every present person across both pages; the one who left is not listed.
    await expect(region(app).getByRole('heading', { name: 'All hands' })).toBeVisible();
    await expect(region(app)).toContainText('2634 555 1234');
    await expect(participants(app).getByRole('listitem')).toHaveCount(120);
    await expect(person(app, 'Guest 118')).toBeVisible();
    await expect(person(app, 'Lee Chen')).toHaveCount(0);
    await expect(person(app, 'Reception')).toContainText('Host');
    const pages = requests(line, 'GET', '/meetingParticipants');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // The number alone, then the instance by series (not listed yet); the roster by the scheduled meeting.
    expect(exchanges('GET', '/meetings').map((r) => r.query)).toEqual([
      { meetingNumber: MEETING_NUMBER },
      { meetingSeriesId: meeting.seriesId, meetingType: 'meeting', state: 'inProgress' },
    ]);
    expect(exchanges('GET', '/meetingParticipants').every((r) => r.query.meetingId === meeting.scheduledId)).toBe(true);
    // Your own row (the host's) has no Expel.
    await expect(person(app, 'Reception').getByRole('button', { name: 'Expel' })).toHaveCount(0);

    // Admit from the lobby.
    await expect(person(app, 'Sam Rivera')).toContainText('In the lobby');
    await person(app, 'Sam Rivera').getByRole('button', { name: 'Admit' }).click();
    await expect(person(app, 'Sam Rivera')).toContainText('Joined');
    await expect(person(app, 'Sam Rivera').getByRole('button', { name: 'Admit' })).toHaveCount(0);

    // Mute, then the button offers Unmute.
    await person(app, 'Guest 007').getByRole('button', { name: 'Mute' }).click();
    await expect(person(app, 'Guest 007').getByRole('button', { name: 'Unmute' })).toBeVisible();
    expect(line.meetings.meetings()[0]?.participants.find((p) => p.displayName === 'Guest 007')?.muted).toBe(true);

    // Call out a mobile number typed nationally: pending with its countdown, then joined.
    await callOut(app, '(415) 555-0123', 'Front desk mobile');
    const pending = callingOut(app).getByRole('listitem', { name: 'Front desk mobile' });
    await expect(pending).toContainText(/Ringing · \d+ s left/);
    await expect(pending.getByRole('button', { name: 'Cancel call-out' })).toBeVisible();
    const [ringing] = line.meetings.pendingCallouts();
    expect(ringing).toMatchObject({ address: '+14155550123', addressType: 'phoneNumber', displayName: 'Front desk mobile', meetingId: meeting.id });
    expect(JSON.parse(exchanges('POST', '/callout')[0]?.requestBody ?? '{}')).toMatchObject({ meetingNumber: MEETING_NUMBER });
    expect(ringing?.invitationCorrelationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    line.meetings.answer(ringing?.participantId ?? '');
    await expect(person(app, 'Front desk mobile')).toContainText('Joined', ROSTER_WAIT);
    await expect(callingOut(app)).toHaveCount(0);

    // Expel asks first; the confirming button is "Expel".
    await person(app, 'Guest 007').getByRole('button', { name: 'Expel' }).click();
    const dialog = app.getByRole('dialog');
    await expect(dialog).toContainText('Expel Guest 007?');
    await dialog.getByRole('button', { name: 'Expel' }).click();
    await expect(person(app, 'Guest 007')).toHaveCount(0);
    expect(line.meetings.meetings()[0]?.participants.find((p) => p.displayName === 'Guest 007')?.state).toBe('end');

    // Each PUT carried only its own field; nothing failed; live calls are still there.
    expect(requests(line, 'PUT', '')).toHaveLength(3);
    await expect(app.getByRole('alert')).toHaveCount(0);
    await expect(app.getByRole('list', { name: 'Active calls' })).toBeVisible();
  });

  test('cancel a pending call-out', async ({ app, line }) => {
    allHands(line);
    await openMeeting(app);
    await callOut(app, 'sip:boardroom@example.com', 'Boardroom');
    const pending = callingOut(app).getByRole('listitem', { name: 'Boardroom' });
    await expect(pending).toContainText(/Ringing · \d+ s left/);

    await pending.getByRole('button', { name: 'Cancel call-out' }).click();
    await expect(callingOut(app)).toHaveCount(0);
    expect(line.meetings.pendingCallouts()).toEqual([]);
    expect(requests(line, 'POST', '/meetingParticipants/cancelCallout').map((r) => r.status)).toEqual([204]);
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('a 33-character display name is refused in the window and nothing is sent', async ({ app, line }) => {
    allHands(line);
    await openMeeting(app);
    const name = region(app).getByRole('textbox', { name: 'Display name' });
    // 32 characters, each an accented letter typed as e + combining accent: still 32.
    await name.fill('e\u0301'.repeat(32));
    await expect(region(app)).toContainText('32 of 32 characters');
    await callOut(app, 'sip:lobby@example.com', 'x'.repeat(33));
    await expect(region(app)).toContainText('33 of 32 characters');
    await expect(region(app).getByRole('alert')).toContainText('at most 32 characters');
    expect(requests(line, 'POST', '/callout')).toEqual([]);
    await expect(callingOut(app)).toHaveCount(0);
  });

  test('[MTG-05] opening by number as a cohost: the view says only the host sees the list, and Call out and Cancel call-out still work', async ({ app, line }) => {
    allHands(line, 'cohost');
    await openMeeting(app, MEETING_NUMBER);
    await expect(region(app).getByRole('heading', { name: 'All hands' })).toBeVisible();
    const note = region(app).getByRole('status', { name: 'Participant list' });
    await expect(note).toContainText('Only the host sees the participant list');
    await expect(note).toContainText('Webex said: “The user must be the meeting host or have an Administrator role to list participants.”');
    await expect(note).toContainText(/Tracking ID: \S+/);
    await expect(note).not.toContainText(/must be the host or a cohost/i);
    await expect(participants(app)).toHaveCount(0);
    expect(requests(line, 'GET', '/meetingParticipants').map((r) => r.status)).toEqual([403]);

    await callOut(app, 'sip:boardroom@example.com', 'Boardroom');
    const pending = callingOut(app).getByRole('listitem', { name: 'Boardroom' });
    await expect(pending).toContainText(/Ringing · \d+ s left/);
    await pending.getByRole('button', { name: 'Cancel call-out' }).click();
    await expect(callingOut(app)).toHaveCount(0);
    expect(line.meetings.pendingCallouts()).toEqual([]);
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('[MTG-07] before joining the meeting: the form says to join first, and the refusal says so in Webex words', async ({ app, line }) => {
    const meeting = allHands(line, 'host', { joined: false });
    await openMeeting(app);
    const form = region(app).getByRole('form', { name: 'Call someone into the meeting' });
    await expect(form).toContainText('Join the meeting in Webex first, then call out.');
    await callOut(app, 'sip:boardroom@example.com', 'Boardroom');
    const alert = app.getByRole('alert').filter({ hasText: "Couldn't call Boardroom" });
    await expect(alert).toContainText('Join the meeting in Webex first, then call out.');
    await expect(alert).toContainText('Webex said: “The user must join the meeting before invoking the API.”');
    await expect(alert).not.toContainText(/must be the host or a cohost/i);
    await expect(callingOut(app)).toHaveCount(0);
    // Joined in Webex: the same call-out now rings.
    line.meetings.setJoined(meeting.id, true);
    await region(app).getByRole('button', { name: 'Call out' }).click();
    await expect(callingOut(app).getByRole('listitem', { name: 'Boardroom' })).toContainText(/Ringing/);
  });

  test('[MTG-12] "Admit all" lets the whole lobby in', async ({ app, line }) => {
    const meeting = allHands(line);
    for (const name of ['Ana Silva', 'Priya Natarajan']) line.meetings.addParticipant(meeting.id, { displayName: name, state: 'lobby' });
    const exchanges = recording(line);
    await openMeeting(app);
    await expect(region(app)).toContainText('3 people in the lobby');
    await expect(region(app)).toContainText('People on the Webex Meetings app may not be muted, admitted or expelled');
    await region(app).getByRole('button', { name: 'Admit all' }).click();
    for (const name of ['Sam Rivera', 'Ana Silva', 'Priya Natarajan']) await expect(person(app, name)).toContainText('Joined');
    await expect(region(app).getByRole('button', { name: 'Admit all' })).toHaveCount(0);
    const admits = exchanges('POST', '/meetingParticipants/admit');
    expect(admits.map((r) => r.status)).toEqual([204]);
    expect((JSON.parse(admits[0]?.requestBody ?? '{}') as { items: unknown[] }).items).toHaveLength(3);
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('[MTG-08] a call-out whose answer has unexpected fields and values still shows as Calling out', async ({ app, line }) => {
    allHands(line);
    line.meetings.setCalloutBehavior({ answerAfterMs: null, answerExtras: { state: 'dialing', addressType: 'h323', sipCallId: 'x-1', ringTimeout: 30 } });
    await openMeeting(app);
    await callOut(app, 'sip:boardroom@example.com', 'Boardroom');
    const pending = callingOut(app).getByRole('listitem', { name: 'Boardroom' });
    await expect(pending).toContainText(/Ringing · \d+ s left/);
    await expect(pending.getByRole('button', { name: 'Cancel call-out' })).toBeVisible();
    await expect(app.getByRole('alert')).toHaveCount(0);
  });

  test('closing the view stops the roster refresh; live calls keep working meanwhile', async ({ app, line, harness }) => {
    allHands(line);
    await openMeeting(app);
    await expect(participants(app).getByRole('listitem')).toHaveCount(120);
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    const call = app.getByRole('list', { name: 'Active calls' }).getByRole('listitem', { name: /Ana Silva/ });
    await call.getByRole('button', { name: 'Answer' }).click();
    await expect(call).toContainText('Connected');

    await app.getByRole('button', { name: 'Meetings' }).click();
    await expect(region(app)).toHaveCount(0);
    // Main stops polling (the request counts are measured with a fake clock in the unit tests).
    await expect.poll(() => harness.core.meetings.snapshot().watching).toBe(false);
    await app.getByRole('button', { name: 'Meetings' }).click();
    await expect.poll(() => harness.core.meetings.snapshot().watching).toBe(true);
    await expect(person(app, 'Reception')).toBeVisible();
  });

  test('meeting scopes are opt-in: without them the view says which to add; with "Use Webex Meetings" sign-in asks for them', async ({ app, harness, line }) => {
    allHands(line);
    const closeSettings = () => app.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();
    const webex = app.getByRole('group', { name: 'Webex' });

    // An integration without meeting scopes still signs in for calls.
    const callsOnly = await startSignIn(app, harness, line);
    expect(callsOnly.searchParams.get('scope')?.split(' ')).not.toContain('meeting:participants_read');
    expect((await followInBrowser(callsOnly)).status).toBe(200);
    await expect(webex.getByRole('status')).toContainText('Signed in as');
    await closeSettings();
    await app.getByRole('button', { name: 'Meetings' }).click();
    const scopes = region(app).getByRole('list', { name: 'Scopes to add' });
    for (const scope of MEETING_SCOPES) await expect(scopes).toContainText(scope);
    await expect(region(app)).toContainText('Turn on "Use Webex Meetings" in Settings → Accounts');
    await expect(region(app)).toContainText('sign in again');
    await expect(region(app).getByRole('textbox', { name: 'Meeting ID or number' })).toHaveCount(0);

    // Opting in: the next sign-in asks for them, and the meeting opens.
    await openAccounts(app);
    await webex.getByRole('button', { name: 'Sign out' }).click();
    await expect(webex.getByRole('status')).toHaveText('Not signed in.');
    await webex.getByRole('checkbox', { name: 'Use Webex Meetings' }).check();
    await webex.getByLabel('Client secret').fill(line.oauth.client.secret);
    const opened = harness.ports.browser.nextUrl();
    await webex.getByRole('button', { name: 'Sign in with Webex' }).click();
    const withMeetings = new URL(await opened);
    expect(withMeetings.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining([...MEETING_SCOPES]));
    expect((await followInBrowser(withMeetings)).status).toBe(200);
    await expect(webex.getByRole('status')).toContainText('Signed in as');
    await closeSettings();
    await region(app).getByRole('textbox', { name: 'Meeting ID or number' }).fill(MEETING_NUMBER);
    await region(app).getByRole('button', { name: 'Open meeting' }).click();
    await expect(person(app, 'Reception')).toBeVisible();
  });
});

// What a newcomer sees: no account, so the built-in line runs its demo, with a meeting in progress.
baseTest('demo mode: Meetings shows the running meeting, and a call-out joins it', async ({ page }) => {
  const log = new MemoryLogger();
  const harness = await startHarness({ ports: createHarnessPorts({ log }), openLine: () => openLine({ env: {}, clock: systemClock, log }) });
  try {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Meetings' }).click();
    await baseExpect(region(page).getByRole('heading', { name: 'Weekly team sync' })).toBeVisible();
    await baseExpect(person(page, 'Sam Rivera')).toContainText('In the lobby');
    await callOut(page, 'sip:boardroom@example.com', 'Boardroom');
    await baseExpect(callingOut(page).getByRole('listitem', { name: 'Boardroom' })).toContainText(/Ringing/);
    // The demo's callee answers after a few seconds; the next roster refresh shows them.
    await baseExpect(person(page, 'Boardroom')).toContainText('Joined', { timeout: 20_000 });
    await baseExpect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await harness.close();
  }
});
