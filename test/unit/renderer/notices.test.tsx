import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../preload/contract';
import { FakeCallDeckApi } from './fake-api';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const DAMAGED: Notice = {
  id: 'notice-1',
  file: 'call-log',
  message: 'Your call log was damaged. CallDeck kept every call it could read. The damaged original is kept at /x/call-log.json.corrupt-1.',
  keptAt: '/x/call-log.json.corrupt-1',
};

describe('notices about damaged files', () => {
  it('shows what main recovered at start, in region "Notices", and dismisses through the bridge', async () => {
    const api = new FakeCallDeckApi();
    api.noticesState = [DAMAGED];
    await renderApp([], api);
    const region = screen.getByRole('region', { name: 'Notices' });
    expect(within(region).getByRole('alert').textContent).toContain('Your call log was damaged');
    await userEvent.click(within(region).getByRole('button', { name: 'Dismiss' }));
    await flush();
    expect(api.invocations.some((i) => i.channel === 'notices:dismiss')).toBe(true);
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull();
  });

  it('shows a notice that arrives later as an event, and nothing when there is none', async () => {
    const api = new FakeCallDeckApi();
    await renderApp([], api);
    expect(screen.queryByRole('region', { name: 'Notices' })).toBeNull();
    await act(async () => api.emit('notices:changed', [DAMAGED]));
    expect(screen.getByRole('region', { name: 'Notices' }).textContent).toContain('call log was damaged');
  });
});
