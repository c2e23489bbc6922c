import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const numberField = () => screen.getByRole('combobox', { name: 'Number to call' }) as HTMLInputElement;

describe('dialer', () => {
  test('Enter dials the typed number and clears the field on success', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.type(numberField(), '+1 201 555 0123{Enter}');
    expect(api.invoked('calls:dial')).toEqual([{ destination: '+1 201 555 0123' }]);
    expect(numberField().value).toBe('');
  });

  test("main's invalid-input message appears next to the field and the text stays", async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    api.respond('calls:dial', { ok: false, error: { code: 'invalid-input', message: 'That is not a phone number or SIP address.' } });

    await user.type(numberField(), 'call mom');
    await user.click(screen.getByRole('button', { name: 'Call' }));

    const field = numberField();
    expect(field.value).toBe('call mom');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')?.split(' ') ?? [];
    const message = describedBy.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(message).toContain('That is not a phone number or SIP address.');
    // Shown by the field, not duplicated in the app's error list.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  test('an empty number is caught without asking main', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Call' }));
    expect(api.invoked('calls:dial')).toEqual([]);
    expect(numberField().getAttribute('aria-invalid')).toBe('true');
  });

  test('other failures go to the error list and keep the text', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    api.respond('calls:dial', { ok: false, error: { code: 'network', message: 'The phone service did not answer.' } });
    await user.type(numberField(), '2025{Enter}');
    expect(numberField().value).toBe('2025');
    expect(numberField().getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('The phone service did not answer.');
  });

  test('a second Enter while dialing does not place a second call', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    const dial = api.defer('calls:dial');
    await user.type(numberField(), '2025{Enter}{Enter}');
    const button = screen.getByRole('button', { name: 'Call' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(api.invoked('calls:dial')).toHaveLength(1);
    await act(async () => dial.resolve({ ok: true, value: { callId: 'x' } }));
    await flush();
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });
});

describe('other actions', () => {
  test('Pick up with an empty target is a group pickup', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Pick up' }));
    expect(api.invoked('calls:pickup')).toEqual([{}]);
  });

  test('Pick up sends the target when given', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.type(screen.getByRole('textbox', { name: 'Pickup target' }), '2001{Enter}');
    expect(api.invoked('calls:pickup')).toEqual([{ target: '2001' }]);
  });

  test('Retrieve sends the park extension', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.type(screen.getByRole('textbox', { name: 'Park extension' }), '4102');
    await user.click(screen.getByRole('button', { name: 'Retrieve' }));
    expect(api.invoked('calls:retrieve')).toEqual([{ destination: '4102' }]);
  });

  test("Retrieve with no extension takes back the call parked on the user's own line", async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Retrieve' }));
    expect(api.invoked('calls:retrieve')).toEqual([{}]);
  });

  test('Barge in sends the typed extension, and asks for one when empty', async () => {
    const user = userEvent.setup();
    const { api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Barge in' }));
    expect(api.invoked('calls:bargeIn')).toEqual([]);
    const field = screen.getByRole('textbox', { name: 'Colleague to barge in on' });
    expect(within(field.closest('form')!).getByRole('alert').textContent).toContain('Enter the extension or number');
    await user.type(field, '1003{Enter}');
    expect(api.invoked('calls:bargeIn')).toEqual([{ target: '1003' }]);
  });
});
