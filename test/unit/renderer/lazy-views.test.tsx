/**
 * Settings and the Meetings view load when first opened (renderer/components/window/lazy-views):
 * a named loading state meanwhile, keyboard focus where a person expects it once they are in,
 * and back on the opener when Settings closes.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const loaded = (dialog: HTMLElement) => within(dialog).queryByText('Loading…') === null;

describe('views loaded when first opened', () => {
  test('Settings: a dialog named Settings at once, focus inside it once loaded, and back on the button after Escape', async () => {
    await renderApp();
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Settings' });
    await user.click(button);
    // Named from the first frame, loading or not.
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    await waitFor(() => expect(loaded(screen.getByRole('dialog', { name: 'Settings' }))).toBe(true), { timeout: 5_000 });
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(within(dialog).getByRole('region', { name: 'Hotkeys & desktop' })).toBeTruthy();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
    await flush();
    expect(document.activeElement).toBe(button);

    // Opened again, it is there at once (already loaded) and closes the same way.
    await user.click(button);
    expect(loaded(screen.getByRole('dialog', { name: 'Settings' }))).toBe(true);
    await user.click(within(screen.getByRole('dialog', { name: 'Settings' })).getByRole('button', { name: 'Close' }));
    await flush();
    expect(document.activeElement).toBe(button);
  }, 15_000);

  test('Meetings: the toggle keeps the focus while the view loads beside the live calls', async () => {
    await renderApp();
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Meetings' });
    await user.click(toggle);
    expect(screen.getByRole('region', { name: 'Meeting' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Active calls' })).toBeTruthy();
    const videoSdk = await screen.findByRole('region', { name: 'VideoSDK' }, { timeout: 5_000 });
    expect(videoSdk).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Meeting' }).getAttribute('aria-busy')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});
