/**
 * A lazily loaded view whose chunk cannot be loaded (a damaged install) is a message the person
 * can close, not a blank window: every other part of the window keeps working.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { flush, renderApp } from './render-app';

vi.mock('../../../renderer/components/settings/settings-dialog', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

describe('a view that cannot be loaded', () => {
  test('Settings says so in its dialog, and Close returns to the window', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await renderApp();
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Settings' }));
      const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
      expect(alert.textContent).toMatch(/^This could not be loaded: /);
      const dialog = screen.getByRole('dialog', { name: 'Settings' });
      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await flush();
      expect(screen.getByRole('list', { name: 'Active calls' })).toBeTruthy();
    } finally {
      quiet.mockRestore();
    }
  });
});
