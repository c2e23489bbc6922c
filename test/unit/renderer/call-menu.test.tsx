/** A call's "More actions" menu as a keyboard and screen-reader user meets it (WAI-ARIA menu button). */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { makeCall } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

const ringing = () => makeCall({ state: 'alerting', actions: ['answer', 'decline', 'ignore', 'unavailable', 'forward', 'voicemail'] });
const item = () => screen.getByRole('listitem', { name: 'Call with Ana Silva' });

describe('More actions', () => {
  test('offers only what main offers: a ringing call has Ignore, Unavailable and Forward…; a connected one Park at…', async () => {
    const user = userEvent.setup();
    await renderApp([ringing()]);
    await user.click(within(item()).getByRole('button', { name: 'More actions' }));
    const names = within(screen.getByRole('menu', { name: 'More actions for Ana Silva' }))
      .getAllByRole('menuitem')
      .map((i) => i.getAttribute('aria-label'));
    expect(names).toEqual(['Ignore', 'Unavailable', 'Forward…']);
    cleanup();

    await renderApp([makeCall()]);
    await user.click(within(item()).getByRole('button', { name: 'More actions' }));
    expect(screen.getAllByRole('menuitem').map((i) => i.getAttribute('aria-label'))).toEqual(['Park at…']);
    cleanup();

    await renderApp([makeCall({ actions: ['resume', 'hangup'] })]);
    expect(within(item()).queryByRole('button', { name: 'More actions' })).toBeNull();
  });

  test('arrows wrap, Home and End jump, Tab closes, and Enter chooses', async () => {
    const user = userEvent.setup();
    const call = ringing();
    const { api } = await renderApp([call]);
    const button = within(item()).getByRole('button', { name: 'More actions' });
    button.focus();
    await user.keyboard('{ArrowDown}');
    const [ignore, , forward] = screen.getAllByRole('menuitem');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(ignore);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(forward);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(ignore);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(forward);
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(button);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(document.activeElement).toBe(button);
    expect(api.invoked('calls:decline')).toEqual([{ callId: call.id, action: 'temporarilyUnavailable' }]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  test('Forward… opens its dialog; the checkbox sends toVoicemail', async () => {
    const user = userEvent.setup();
    const call = ringing();
    const { api } = await renderApp([call]);
    await user.click(within(item()).getByRole('button', { name: 'More actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Forward…' }));
    await screen.findByRole('textbox', { name: 'Forward to' });
    const dialog = screen.getByRole('dialog', { name: 'Forward call from Ana Silva' });
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Forward to' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Forward to' }), '1002');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Straight to their voicemail' }));
    await user.click(within(dialog).getByRole('button', { name: 'Forward' }));
    expect(api.invoked('calls:forward')).toEqual([{ callId: call.id, destination: '1002', toVoicemail: true }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('Park at…: empty parks on my line, Group park ignores the extension', async () => {
    const user = userEvent.setup();
    const call = makeCall();
    const { api } = await renderApp([call]);
    const open = async () => {
      await user.click(within(item()).getByRole('button', { name: 'More actions' }));
      await user.click(screen.getByRole('menuitem', { name: 'Park at…' }));
      await screen.findByRole('textbox', { name: 'Park at' });
      return screen.getByRole('dialog', { name: 'Park call with Ana Silva' });
    };
    let dialog = await open();
    await user.click(within(dialog).getByRole('button', { name: 'Park' }));
    dialog = await open();
    await user.type(within(dialog).getByRole('textbox', { name: 'Park at' }), '4107');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Group park' }));
    expect((within(dialog).getByRole('textbox', { name: 'Park at' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Park' }));
    expect(api.invoked('calls:park')).toEqual([{ callId: call.id }, { callId: call.id, isGroupPark: true }]);
  });
});
