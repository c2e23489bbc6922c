import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { makeCall } from './fake-api';
import { emitCalls, flush, renderApp } from './render-app';

afterEach(cleanup);

const callItem = (name: string) => screen.getByRole('listitem', { name: `Call with ${name}` });

async function openTransfer(name = 'Ana Silva') {
  const user = userEvent.setup();
  await user.click(within(callItem(name)).getByRole('button', { name: 'Transfer' }));
  // The dialog's code loads when first opened: wait for its field, not the loading state.
  await screen.findByRole('textbox', { name: 'Transfer to' });
  return { user, dialog: screen.getByRole('dialog', { name: `Transfer call with ${name}` }) };
}

describe('transfer dialog', () => {
  test('is modal, focuses the destination, and Escape closes it and returns focus', async () => {
    await renderApp([makeCall({ actions: ['transfer', 'hangup'] })]);
    const opener = within(callItem('Ana Silva')).getByRole('button', { name: 'Transfer' });
    const { user, dialog } = await openTransfer();

    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Transfer to' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  test('keeps Tab inside the dialog', async () => {
    await renderApp([makeCall({ actions: ['transfer'] })]);
    const { user, dialog } = await openTransfer();
    for (let i = 0; i < 8; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    for (let i = 0; i < 8; i++) {
      await user.tab({ shift: true });
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  test('[CC-21] Blind sends the call to the typed number at once (divert)', async () => {
    const call = makeCall({ actions: ['transfer'] });
    const { api } = await renderApp([call]);
    const { user, dialog } = await openTransfer();

    await user.click(within(dialog).getByRole('radio', { name: 'Blind' }));
    expect(within(dialog).getByRole('radio', { name: 'Blind' }).getAttribute('aria-describedby')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Transfer to' }), '2025');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer now' }));

    expect(api.invoked('calls:transfer')).toEqual([{ callId: call.id, mode: 'blind', destination: '2025' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('[CC-22] by default it waits for an answer, says the call stays if nobody answers, and reports it stayed', async () => {
    const call = makeCall({ actions: ['transfer'] });
    const { api } = await renderApp([call]);
    const { user, dialog } = await openTransfer();

    expect(within(dialog).getByRole('radio', { name: 'When they answer' })).toHaveProperty('checked', true);
    expect(dialog.textContent).toContain('If nobody answers, the call stays with you.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Transfer to' }), '2025');
    await user.click(within(dialog).getByRole('button', { name: 'Ring and transfer' }));

    expect(api.invoked('calls:transfer')).toEqual([{ callId: call.id, mode: 'mute', destination: '2025' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    const notes = document.querySelector('.notes') as HTMLElement;
    expect(notes.textContent).toContain('Transferring Ana Silva to 2025: waiting for an answer.');

    // The new call to 2025 rings, then goes; the original is still listed: not transferred.
    const leg = makeCall({ id: 'transfer-leg-1', personality: 'originator', state: 'connecting', remote: { number: '2025', privacy: false }, actions: ['hangup'] });
    await emitCalls(api, [{ ...call, state: 'held' }, leg]);
    expect(notes.textContent).toContain('Transferring Ana Silva');
    await emitCalls(api, [{ ...call, state: 'held' }]);
    expect(notes.textContent).toContain("2025 didn't answer: the call with Ana Silva was not transferred and is still with you.");
    expect(notes.textContent).not.toContain('Transferring Ana Silva');
  });

  test('[CC-22] a mute transfer that is answered says it was transferred', async () => {
    const call = makeCall({ actions: ['transfer'] });
    const { api } = await renderApp([call]);
    const { user, dialog } = await openTransfer();
    await user.type(within(dialog).getByRole('textbox', { name: 'Transfer to' }), '2025{Enter}');
    await emitCalls(api, []);
    expect(document.querySelector('.notes')?.textContent).toContain('Transferred Ana Silva to 2025.');
  });

  test('a transfer with no destination asks for one and sends nothing', async () => {
    const { api } = await renderApp([makeCall({ actions: ['transfer'] })]);
    const { user, dialog } = await openTransfer();
    await user.click(within(dialog).getByRole('button', { name: 'Ring and transfer' }));
    expect(api.invoked('calls:transfer')).toEqual([]);
    const field = within(dialog).getByRole('textbox', { name: 'Transfer to' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('alert').textContent).toContain('Enter a number to transfer to.');
  });

  test('[CC-23] attended transfer is offered only with another answered call, and sends the chosen one', async () => {
    const ana = makeCall({ actions: ['transfer'] });
    const ringing = makeCall({ state: 'alerting', remote: { name: 'Di Ring', privacy: false }, actions: ['answer', 'decline'] });
    const { api } = await renderApp([ana, ringing]);
    let { user, dialog } = await openTransfer();
    // "Unanswered incoming calls cannot be transferred": a ringing call is no partner.
    expect(within(dialog).queryByRole('radio', { name: 'Attended' })).toBeNull();
    await user.keyboard('{Escape}');

    const bo = makeCall({ state: 'held', remote: { name: 'Bo Chen', privacy: false }, actions: ['resume'] });
    const cy = makeCall({ state: 'held', remote: { name: 'Cy Diaz', privacy: false }, actions: ['resume'] });
    await emitCalls(api, [ana, bo, cy, ringing]);
    ({ user, dialog } = await openTransfer());

    await user.click(within(dialog).getByRole('radio', { name: 'Attended' }));
    const target = within(dialog).getByRole('group', { name: 'Connect with' });
    expect(within(target).queryByRole('radio', { name: /Di Ring/ })).toBeNull();
    await user.click(within(target).getByRole('radio', { name: 'Cy Diaz — On hold' }));
    await user.click(within(dialog).getByRole('button', { name: 'Transfer now' }));

    expect(api.invoked('calls:transfer')).toEqual([{ callId: ana.id, mode: 'attended', otherCallId: cy.id }]);
  });

  test("voicemail transfer sends the caller into the typed person's voicemail", async () => {
    const call = makeCall({ actions: ['transfer', 'transferToVoicemail'] });
    const { api } = await renderApp([call]);
    const { user, dialog } = await openTransfer();
    await user.click(within(dialog).getByRole('radio', { name: 'Voicemail' }));
    await user.click(within(dialog).getByRole('button', { name: 'Transfer now' }));
    expect(api.invoked('calls:transfer')).toEqual([]);
    expect(within(dialog).getByRole('alert').textContent).toContain('Enter whose voicemail to transfer to.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Transfer to' }), '1002');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer now' }));
    expect(api.invoked('calls:transfer')).toEqual([{ callId: call.id, mode: 'voicemail', destination: '1002' }]);
  });

  test('[CC-20] voicemail is offered on an outgoing call too, and not where main does not offer it', async () => {
    await renderApp([makeCall({ personality: 'originator', actions: ['transfer', 'transferToVoicemail'] })]);
    const first = await openTransfer();
    expect(within(first.dialog).getByRole('radio', { name: 'Voicemail' })).toBeTruthy();
    await first.user.keyboard('{Escape}');
    cleanup();
    await renderApp([makeCall({ personality: 'originator', actions: ['transfer'] })]);
    const second = await openTransfer();
    expect(within(second.dialog).queryByRole('radio', { name: 'Voicemail' })).toBeNull();
  });

  test('[HTTP-03] a failed transfer stays open and shows the error with its error code and tracking ID', async () => {
    const { api } = await renderApp([makeCall({ actions: ['transfer'] })]);
    api.respond('calls:transfer', {
      ok: false,
      error: { code: 'provider', message: 'Destination is busy.', trackingId: 'TRK-9', errorCodes: [25008] },
    });
    const { user, dialog } = await openTransfer();
    await user.type(within(dialog).getByRole('textbox', { name: 'Transfer to' }), '2025{Enter}');

    expect(screen.getByRole('dialog')).toBe(dialog);
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('Destination is busy.');
    expect(alert.textContent).toContain('Tracking ID: TRK-9');
    expect(alert.textContent).toContain('Error code: 25008');
  });

  test('an invalid voicemail transfer is shown in the dialog', async () => {
    const { api } = await renderApp([makeCall({ actions: ['transfer', 'transferToVoicemail'] })]);
    api.respond('calls:transfer', { ok: false, error: { code: 'invalid-input', message: 'This caller has no voicemail.' } });
    const { user, dialog } = await openTransfer();
    await user.click(within(dialog).getByRole('radio', { name: 'Voicemail' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Transfer to' }), '1002');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer now' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('This caller has no voicemail.');
  });

  test('closes by itself when the call ends', async () => {
    const call = makeCall({ actions: ['transfer'] });
    const { api } = await renderApp([call]);
    await openTransfer();
    await emitCalls(api, []);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('keypad dialog', () => {
  test('sends each pressed key as DTMF, by click and by typing', async () => {
    const user = userEvent.setup();
    const call = makeCall({ actions: ['keypad', 'hangup'] });
    const { api } = await renderApp([call]);
    await user.click(within(callItem('Ana Silva')).getByRole('button', { name: 'Keypad' }));
    await screen.findByRole('button', { name: '5' });
    const dialog = screen.getByRole('dialog', { name: /Keypad/ });

    const names = within(dialog)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#', 'Close']);

    await user.click(within(dialog).getByRole('button', { name: '5' }));
    await user.click(within(dialog).getByRole('button', { name: '#' }));
    await user.keyboard('9*');
    await flush();

    const sent = api.invoked('calls:dtmf');
    expect(sent.every((a) => a.callId === call.id)).toBe(true);
    expect(sent.map((a) => a.digits).join('')).toBe('5#9*');
    expect(within(dialog).getByRole('status', { name: 'Tones sent' }).textContent).toBe('5#9*');
  });

  test('queues fast presses in order instead of dropping them', async () => {
    const user = userEvent.setup();
    const call = makeCall({ actions: ['keypad'] });
    const { api } = await renderApp([call]);
    await user.click(within(callItem('Ana Silva')).getByRole('button', { name: 'Keypad' }));
    const first = api.defer('calls:dtmf');
    await user.keyboard('1');
    api.respond('calls:dtmf', { ok: true, value: null });
    await user.keyboard('23');
    expect(api.invoked('calls:dtmf').map((a) => a.digits)).toEqual(['1']);

    await act(async () => first.resolve({ ok: true, value: null }));
    await flush();
    expect(api.invoked('calls:dtmf').map((a) => a.digits)).toEqual(['1', '23']);
  });
});
