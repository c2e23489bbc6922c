import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import type { HotkeyStatus } from '../../../preload/contract';
import { captureShortcut, formatShortcut, type KeyPress } from '../../../renderer/format/accelerator';
import { PopupApp } from '../../../renderer/popup/popup-app';
import { FakeCallDeckApi, TEST_SETTINGS } from './fake-api';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const key = (overrides: Partial<KeyPress>): KeyPress => ({ key: 'a', code: 'KeyA', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...overrides });

describe('capturing a shortcut', () => {
  test.each([
    ['Ctrl+Alt+K on Linux', key({ key: 'k', code: 'KeyK', ctrlKey: true, altKey: true }), 'linux', 'CommandOrControl+Alt+K'],
    ['Cmd+Option+K on a Mac (Option changes the key)', key({ key: '˚', code: 'KeyK', metaKey: true, altKey: true }), 'darwin', 'CommandOrControl+Alt+K'],
    ['Ctrl on a Mac stays Control', key({ key: 'k', code: 'KeyK', ctrlKey: true, altKey: true }), 'darwin', 'Control+Alt+K'],
    ['the Windows key is Super', key({ key: 'F9', code: 'F9', metaKey: true }), 'win32', 'Super+F9'],
    ['an AZERTY letter follows the layout', key({ key: 'a', code: 'KeyQ', ctrlKey: true, altKey: true }), 'linux', 'CommandOrControl+Alt+A'],
    ['digits, numpad and arrows', key({ key: 'ArrowUp', code: 'ArrowUp', ctrlKey: true, shiftKey: true }), 'linux', 'CommandOrControl+Shift+Up'],
    ['numpad', key({ key: '5', code: 'Numpad5', altKey: true }), 'linux', 'Alt+num5'],
  ])('%s', (_name, press, platform, accelerator) => {
    expect(captureShortcut(press, platform)).toEqual({ kind: 'shortcut', accelerator });
  });

  test('modifiers alone are a preview; punctuation is not a key Electron takes here', () => {
    expect(captureShortcut(key({ key: 'Control', code: 'ControlLeft', ctrlKey: true }), 'linux')).toEqual({ kind: 'modifiers', preview: 'Ctrl+' });
    expect(captureShortcut(key({ key: ',', code: 'Comma', ctrlKey: true }), 'linux').kind).toBe('unsupported');
  });

  test('reads the way each platform names keys', () => {
    expect(formatShortcut('CommandOrControl+Alt+A', 'linux')).toBe('Ctrl+Alt+A');
    expect(formatShortcut('CommandOrControl+Alt+A', 'darwin')).toBe('Cmd+Option+A');
    expect(formatShortcut('Super+F9', 'win32')).toBe('Win+F9');
  });
});

describe('Do Not Disturb in the header', () => {
  test('shows what Webex stored and asks main to change it', async () => {
    const { api } = await renderApp();
    const toggle = screen.getByRole('switch', { name: 'Do Not Disturb' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await userEvent.setup().click(toggle);
    expect(api.invoked('desktop:setDnd')).toEqual([{ enabled: true }]);
    // Only main's word turns it on: the tray may have changed it meanwhile, or Webex refused.
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await act(async () => api.emitDesktop({ dnd: { status: 'on', updating: false } }));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  test('a refusal is reported', async () => {
    const api = new FakeCallDeckApi().respond('desktop:setDnd', { ok: false, error: { code: 'forbidden', message: 'Missing scope' } });
    await renderApp([], api);
    await userEvent.setup().click(screen.getByRole('switch', { name: 'Do Not Disturb' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Couldn't turn Do Not Disturb on.*Missing scope/);
  });
});

describe('feedback from hotkeys and the tray', () => {
  test('appears as a status message and goes when main clears it', async () => {
    const { api } = await renderApp();
    await act(async () => api.emitDesktop({ feedback: { id: 1, text: 'No call is ringing.', tone: 'info' } }));
    expect(screen.getByText('No call is ringing.').closest('[role="status"]')).not.toBeNull();
    await act(async () => api.emitDesktop({ feedback: null }));
    expect(screen.queryByText('No call is ringing.')).toBeNull();
  });
});

describe('phone links in the window', () => {
  test('"Ask before dialing" confirms in a dialog; Call sends only the link id', async () => {
    const { api } = await renderApp();
    await act(async () => api.emitDesktop({ link: { kind: 'confirm', id: 7, link: 'tel:+1-201-555-0123;ext=42', display: '(201) 555-0123', extension: '42' } }));
    // The prompt's code loads when first shown: wait for its text, not the loading state.
    await screen.findByText(/Then extension 42/);
    const dialog = screen.getByRole('dialog', { name: 'Call this number?' });
    expect(dialog.textContent).toContain('(201) 555-0123');
    expect(dialog.textContent).toContain('Then extension 42');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Call' }));
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Call' }));
    expect(api.invoked('desktop:resolveLink')).toEqual([{ id: 7, dial: true }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('Escape dials nothing', async () => {
    const { api } = await renderApp();
    await act(async () => api.emitDesktop({ link: { kind: 'confirm', id: 8, link: 'sip:alice@example.com', display: 'alice@example.com' } }));
    await userEvent.setup().keyboard('{Escape}');
    expect(api.invoked('desktop:resolveLink')).toEqual([{ id: 8, dial: false }]);
  });

  test('an invalid link is explained', async () => {
    const { api } = await renderApp();
    await act(async () => api.emitDesktop({ link: { kind: 'invalid', id: 9, link: 'tel:javascript:alert(1)', reason: 'A phone link cannot contain letters.' } }));
    const dialog = screen.getByRole('dialog', { name: "Can't call this link" });
    expect(dialog.textContent).toContain('A phone link cannot contain letters.');
    expect(dialog.textContent).toContain('Nothing was dialled');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(api.invoked('desktop:resolveLink')).toEqual([{ id: 9, dial: false }]);
  });

  test('the dialog closes when main drops the link (a newer one replaced it)', async () => {
    const { api } = await renderApp();
    await act(async () => api.emitDesktop({ link: { kind: 'confirm', id: 1, link: 'tel:1', display: '1' } }));
    await act(async () => api.emitDesktop({ link: null }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

const statuses: HotkeyStatus[] = [
  { action: 'answer', accelerator: 'CommandOrControl+Alt+A', registration: 'registered' },
  { action: 'holdResume', accelerator: 'CommandOrControl+Alt+H', registration: 'in-use', message: 'In use by another application. Choose another shortcut.' },
  { action: 'hangupDecline', accelerator: 'CommandOrControl+Alt+E', registration: 'registered' },
  { action: 'muteUnmute', accelerator: 'CommandOrControl+Alt+M', registration: 'registered' },
  { action: 'dialClipboard', accelerator: '', registration: 'unbound', message: 'Not set.' },
];
const HOTKEYS = { answer: 'CommandOrControl+Alt+A', holdResume: 'CommandOrControl+Alt+H', hangupDecline: 'CommandOrControl+Alt+E', muteUnmute: 'CommandOrControl+Alt+M', dialClipboard: '' };

async function openHotkeys(hotkeyCaveat?: string) {
  const api = new FakeCallDeckApi().respond('settings:get', { ok: true, value: { ...TEST_SETTINGS, hotkeys: HOTKEYS } });
  api.desktopState = { ...api.desktopState, hotkeys: statuses, ...(hotkeyCaveat ? { hotkeyCaveat } : {}) };
  await renderApp([], api);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  // Settings loads when first opened (lazy-views).
  const section = await screen.findByRole('region', { name: 'Hotkeys & desktop' }, { timeout: 5_000 });
  return { api, user, section };
}

describe('Hotkeys & desktop settings', () => {
  test('shows each hotkey with what the OS made of it', async () => {
    const { section } = await openHotkeys();
    const hold = within(section).getByRole('textbox', { name: 'Hold / Resume shortcut' });
    expect((hold as HTMLInputElement).value).toBe('Ctrl+Alt+H');
    expect(hold.getAttribute('aria-describedby')).toMatch(/status/);
    expect(section.textContent).toContain('In use by another application. Choose another shortcut.');
    expect((within(section).getByRole('textbox', { name: 'Dial clipboard shortcut' }) as HTMLInputElement).value).toBe('Not set');
    expect(within(section).getAllByText('Active')).toHaveLength(3);
  });

  test('pressing a new combination in the field saves it; Backspace clears it', async () => {
    const { api, user, section } = await openHotkeys();
    await user.click(within(section).getByRole('textbox', { name: 'Hold / Resume shortcut' }));
    await user.keyboard('{Control>}{Alt>}j{/Alt}{/Control}');
    expect(api.invoked('settings:set').at(-1)).toEqual({ hotkeys: { ...HOTKEYS, holdResume: 'CommandOrControl+Alt+J' } });
    await user.keyboard('{Backspace}');
    expect(api.invoked('settings:set').at(-1)).toEqual({ hotkeys: { ...HOTKEYS, holdResume: '' } });
  });

  test('Tab still moves on, and a key Electron cannot use is explained', async () => {
    const { api, user, section } = await openHotkeys();
    const answer = within(section).getByRole('textbox', { name: 'Answer shortcut' });
    await user.click(answer);
    await user.keyboard('{Control>},{/Control}');
    expect(within(section).getByRole('alert').textContent).toMatch(/letter, a digit/);
    await user.tab();
    expect(document.activeElement).not.toBe(answer);
    expect(api.invoked('settings:set')).toEqual([]);
  });

  test('Escape first clears the field’s complaint, then closes Settings (no keyboard trap)', async () => {
    const { api, user, section } = await openHotkeys();
    const field = within(section).getByRole('textbox', { name: 'Answer shortcut' }) as HTMLInputElement;
    await user.click(field);
    await user.keyboard('{Control>}{Alt>}');
    expect(field.value).toBe('Ctrl+Alt+');
    await user.keyboard(',{/Alt}{/Control}');
    expect(within(section).getByRole('alert')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(within(section).queryByRole('alert')).toBeNull();
    expect(field.value).toBe('Ctrl+Alt+A');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
    expect(api.invoked('settings:set')).toEqual([]);
  });

  test('says so on Wayland', async () => {
    const { section } = await openHotkeys('On Wayland, shortcuts go through the desktop portal.');
    expect(within(section).getByRole('note').textContent).toContain('desktop portal');
  });

  test('start at login, start minimised and close to tray are saved as they change', async () => {
    const { api, user, section } = await openHotkeys();
    await user.click(within(section).getByRole('checkbox', { name: 'Start CallDeck when I log in' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Start minimised to the tray' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' }));
    expect(api.invoked('settings:set')).toEqual([{ startAtLogin: true }, { startMinimized: true }, { closeToTray: false }]);
  });

  test('the tray’s Settings… opens this dialog, and main is told', async () => {
    const { api } = await renderApp();
    await act(async () => api.emitDesktop({ settingsRequested: true }));
    await flush();
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    expect(api.invoked('desktop:settingsShown')).toHaveLength(1);
  });
});

describe('the popup page', () => {
  const card = {
    callId: 'c1',
    name: 'Ana Silva',
    number: '(201) 555-0123',
    via: 'via Support call queue',
    ringingSince: new Date().toISOString(),
    actions: ['answer', 'decline', 'voicemail'] as const,
  };

  async function renderPopup(api = new FakeCallDeckApi()) {
    render(<PopupApp api={api} />);
    await flush();
    await act(async () => api.emit('popup:changed', { cards: [{ ...card, actions: [...card.actions] }], more: 0 }));
    return { api, user: userEvent.setup() };
  }

  test('shows who is calling and why, with keyboard-reachable buttons', async () => {
    const { api, user } = await renderPopup();
    expect(api.invoked('app:ready')).toHaveLength(1);
    const item = screen.getByRole('listitem', { name: 'Ana Silva' });
    expect(item.textContent).toContain('(201) 555-0123');
    expect(item.textContent).toContain('via Support call queue');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Answer' }));
    await user.keyboard('{Enter}');
    expect(api.invoked('calls:answer')).toEqual([{ callId: 'c1' }]);
  });

  test('Decline and Send to voicemail use the window’s commands; Escape hides the card', async () => {
    const { api, user } = await renderPopup();
    const item = screen.getByRole('listitem', { name: 'Ana Silva' });
    await user.click(within(item).getByRole('button', { name: 'Decline' }));
    await user.click(within(item).getByRole('button', { name: 'Send to voicemail' }));
    expect(api.invoked('calls:decline')).toEqual([{ callId: 'c1' }]);
    expect(api.invoked('calls:voicemail')).toEqual([{ callId: 'c1' }]);
    within(item).getByRole('button', { name: 'Answer' }).focus();
    await user.keyboard('{Escape}');
    expect(api.invoked('popup:dismiss')).toEqual([{ callId: 'c1' }]);
  });

  test('a failure is shown on the card', async () => {
    const api = new FakeCallDeckApi().respond('calls:answer', { ok: false, error: { code: 'conflict', message: 'The call was already answered.' } });
    const { user } = await renderPopup(api);
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    expect(screen.getByRole('alert').textContent).toBe('The call was already answered.');
  });
});
