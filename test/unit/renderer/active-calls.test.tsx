import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CallAction } from '../../../preload/contract';
import { FakeCallDeckApi, makeCall } from './fake-api';
import { emitCalls, flush, renderApp } from './render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const callItem = (name: string) => screen.getByRole('listitem', { name: `Call with ${name}` });

describe('active calls', () => {
  test('shows a connecting state until the first snapshot, then the empty state', async () => {
    const api = new FakeCallDeckApi();
    const list = api.defer('calls:list');
    await renderApp([], api);
    expect(screen.getByText('Connecting to your line…')).toBeTruthy();

    await act(async () => list.resolve({ ok: true, value: api.snapshot }));
    await flush();
    expect(screen.queryByText('Connecting to your line…')).toBeNull();
    expect(screen.getByText('No active calls')).toBeTruthy();
  });

  test('shows the line label from the snapshot in the header', async () => {
    await renderApp();
    expect(screen.getByRole('banner').textContent).toContain('Demo line — no account connected');
  });

  test('each call shows who, state in words, why it rings and recall text', async () => {
    await renderApp([
      makeCall({
        state: 'alerting',
        remote: { name: 'Ana Silva', number: '+12015550123', privacy: false },
        via: 'via Sales hunt group',
        answeredAt: undefined,
        actions: ['answer', 'decline', 'voicemail'],
      }),
      makeCall({ state: 'held', remote: { number: '+12015550199', privacy: false }, recall: 'Recall: parked on 4102' }),
      makeCall({ state: 'remoteHeld', remote: { name: 'Reception', number: '4100', privacy: false } }),
      makeCall({ state: 'connecting', remote: { privacy: true } }),
      makeCall({ state: 'connected', remote: { number: 'sip:desk@example.com', privacy: false }, recording: 'started', muted: true }),
    ]);

    const list = screen.getByRole('list', { name: 'Active calls' });
    expect(within(list).getAllByRole('listitem', { name: /^Call with/ })).toHaveLength(5);

    const ana = callItem('Ana Silva');
    expect(ana.textContent).toContain('Ringing');
    expect(ana.textContent).toContain('via Sales hunt group');
    expect(ana.textContent).toContain('+1 201 555 0123');

    const numberOnly = callItem('+1 201 555 0199');
    expect(numberOnly.textContent).toContain('On hold');
    expect(numberOnly.textContent).toContain('Recall: parked on 4102');

    const ext = callItem('Reception');
    expect(ext.textContent).toContain('Held by other party');
    expect(ext.textContent).toContain('4100');

    expect(callItem('Private number').textContent).toContain('Calling…');

    const sip = callItem('sip:desk@example.com');
    expect(sip.textContent).toContain('Connected');
    expect(within(sip).getByText('Recording')).toBeTruthy();
    expect(within(sip).getByText('Muted')).toBeTruthy();
  });

  test('offers exactly the actions main sent, with their exact names', async () => {
    const actions: CallAction[] = [
      'hangup',
      'hold',
      'unmute',
      'transfer',
      'park',
      'keypad',
      'pauseRecording',
      'stopRecording',
    ];
    await renderApp([makeCall({ actions })]);
    const names = within(callItem('Ana Silva'))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names.sort()).toEqual(
      ['Hang up', 'Hold', 'Unmute', 'Transfer', 'Park', 'Keypad', 'Pause recording', 'Stop recording', 'More actions'].sort(),
    );
  });

  test('a ringing call offers Answer, Decline and Send to voicemail only', async () => {
    await renderApp([makeCall({ state: 'alerting', actions: ['answer', 'decline', 'voicemail'] })]);
    const item = within(callItem('Ana Silva'));
    expect(item.getByRole('button', { name: 'Answer' })).toBeTruthy();
    expect(item.getByRole('button', { name: 'Decline' })).toBeTruthy();
    expect(item.getByRole('button', { name: 'Send to voicemail' })).toBeTruthy();
    expect(item.queryByRole('button', { name: 'Hang up' })).toBeNull();
  });

  test('Answer is sent once with the call id, and is disabled and busy while pending', async () => {
    const user = userEvent.setup();
    const call = makeCall({ state: 'alerting', actions: ['answer', 'decline'] });
    const { api } = await renderApp([call]);
    const answer = api.defer('calls:answer');

    const button = within(callItem('Ana Silva')).getByRole('button', { name: 'Answer' });
    await user.click(button);
    await user.click(button);
    await user.keyboard('{Enter}');

    expect(api.invoked('calls:answer')).toEqual([{ callId: call.id }]);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-busy')).toBe('true');
    // Focus stays put for a keyboard user while the request runs.
    expect(document.activeElement).toBe(button);

    await act(async () => answer.resolve({ ok: true, value: null }));
    await flush();
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  test('other actions go to their own channels', async () => {
    const user = userEvent.setup();
    const call = makeCall({ actions: ['hold', 'mute', 'startRecording', 'hangup'] });
    const { api } = await renderApp([call]);
    const item = within(callItem('Ana Silva'));
    await user.click(item.getByRole('button', { name: 'Hold' }));
    await user.click(item.getByRole('button', { name: 'Mute' }));
    await user.click(item.getByRole('button', { name: 'Start recording' }));
    await user.click(item.getByRole('button', { name: 'Hang up' }));
    expect(api.invoked('calls:hold')).toEqual([{ callId: call.id }]);
    expect(api.invoked('calls:mute')).toEqual([{ callId: call.id }]);
    expect(api.invoked('calls:recording')).toEqual([{ callId: call.id, op: 'start' }]);
    expect(api.invoked('calls:hangup')).toEqual([{ callId: call.id }]);
  });

  test('a failed action shows an alert with the message and tracking ID until dismissed', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp([makeCall({ actions: ['hold'] })]);
    api.respond('calls:hold', {
      ok: false,
      error: { code: 'provider', message: 'The call cannot be held right now.', status: 400, trackingId: 'ROUTER_1234' },
    });

    await user.click(within(callItem('Ana Silva')).getByRole('button', { name: 'Hold' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Couldn't hold the call with Ana Silva");
    expect(alert.textContent).toContain('The call cannot be held right now.');
    expect(alert.textContent).toContain('Tracking ID: ROUTER_1234');

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('keeps only the newest few errors, newest first', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp([makeCall({ actions: ['hold'] })]);
    let n = 0;
    api.respond('calls:hold', () => ({ ok: false, error: { code: 'conflict', message: `Failure ${++n}` } }));
    const hold = within(callItem('Ana Silva')).getByRole('button', { name: 'Hold' });
    for (let i = 0; i < 6; i++) {
      await user.click(hold);
    }
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(4);
    expect(alerts[0]?.textContent).toContain('Failure 6');
  });

  test('answered elsewhere is a quiet status note, not an error', async () => {
    const ana = makeCall({ state: 'alerting', actions: ['answer'] });
    const { api } = await renderApp([ana]);
    await emitCalls(api, [], { ended: [{ call: ana, outcome: 'answered-elsewhere' }] });

    expect(screen.queryByRole('alert')).toBeNull();
    const status = screen.getAllByRole('status').find((s) => s.textContent?.includes('Answered elsewhere: Ana Silva'));
    expect(status).toBeTruthy();
    expect(screen.getByText('No active calls')).toBeTruthy();
  });

  test('a missed call is a note too', async () => {
    const ana = makeCall({ state: 'alerting', actions: ['answer'] });
    const { api } = await renderApp([ana]);
    await emitCalls(api, [], { ended: [{ call: ana, outcome: 'missed' }] });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Missed call: Ana Silva')).toBeTruthy();
  });

  test('Park shows where the call is parked, and can retrieve it', async () => {
    const user = userEvent.setup();
    const call = makeCall({ actions: ['park', 'hangup'] });
    const { api } = await renderApp([call]);
    await user.click(within(callItem('Ana Silva')).getByRole('button', { name: 'Park' }));
    expect(api.invoked('calls:park')).toEqual([{ callId: call.id }]);

    const note = screen.getAllByRole('status').find((s) => s.textContent?.includes('Parked on 4102'));
    expect(note).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retrieve from 4102' }));
    expect(api.invoked('calls:retrieve')).toEqual([{ destination: '4102' }]);
    expect(screen.queryByText(/Parked on 4102/)).toBeNull();
  });

  test('the live duration ticks every second from answeredAt', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    await renderApp([
      makeCall({
        remote: { name: 'Ana Silva', privacy: false },
        createdAt: '2026-03-02T09:58:00Z',
        answeredAt: '2026-03-02T09:59:05Z',
      }),
      makeCall({
        state: 'alerting',
        remote: { name: 'Bo Chen', privacy: false },
        createdAt: '2026-03-02T09:59:58Z',
        answeredAt: undefined,
        actions: ['answer'],
      }),
    ]);
    const anaTimer = within(callItem('Ana Silva')).getByRole('timer');
    const boTimer = within(callItem('Bo Chen')).getByRole('timer');
    expect(anaTimer.textContent).toBe('00:55');
    expect(boTimer.textContent).toBe('00:02');

    await act(async () => vi.advanceTimersByTime(1000));
    expect(anaTimer.textContent).toBe('00:56');
    expect(boTimer.textContent).toBe('00:03');

    await act(async () => vi.advanceTimersByTime(3600_000));
    expect(anaTimer.textContent).toBe('1:00:56');
    // One shared ticker, not one per call.
    expect(vi.getTimerCount()).toBe(1);
  });

  test('an offline line shows an alert banner and no call controls', async () => {
    const { api } = await renderApp([makeCall()]);
    await emitCalls(api, [makeCall({ actions: [] })], {
      line: { state: 'offline', label: 'Demo line — no account connected', message: 'No network connection.' },
    });
    const banner = screen.getAllByRole('alert').find((a) => a.textContent?.includes('Offline'));
    expect(banner?.textContent).toContain('No network connection.');
    expect(within(callItem('Ana Silva')).queryAllByRole('button')).toHaveLength(0);
  });

  test('a rate-limited line is a status banner, not an alert', async () => {
    const { api } = await renderApp([]);
    await emitCalls(api, [], { line: { state: 'rate-limited', label: 'Main line' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('slow down'))).toBe(true);
  });

  test('when the focused button goes away, focus stays on that call', async () => {
    const user = userEvent.setup();
    const call = makeCall({ state: 'alerting', actions: ['answer', 'decline'] });
    const { api } = await renderApp([call]);
    await user.click(within(callItem('Ana Silva')).getByRole('button', { name: 'Answer' }));
    await emitCalls(api, [{ ...call, state: 'connected', actions: ['hold', 'hangup'] }]);
    expect(document.activeElement).toBe(within(callItem('Ana Silva')).getByRole('button', { name: 'Hold' }));
  });
});
