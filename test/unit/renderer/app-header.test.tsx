/** The header's "who and what is waiting": my line from main, voicemail waiting, nothing when none. */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { FakeCallDeckApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('header', () => {
  test('shows my extension and number from line:get, and follows line:changed', async () => {
    const api = new FakeCallDeckApi();
    api.lineInfo = { me: { name: 'Alex Morgan', number: '+14155550142', extension: '4142' }, voicemail: { newMessages: 2, newUrgentMessages: 0, oldMessages: 1 } };
    await renderApp([], api);
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('Ext. 4142 · +1 415 555 0142');
    expect(within(header).getByRole('status').textContent).toBe('2 new voicemails');

    await act(async () => api.emitLine({ me: { extension: '4142' }, voicemail: { newMessages: 1, newUrgentMessages: 1, oldMessages: 2 } }));
    expect(header.textContent).toContain('Ext. 4142');
    expect(header.textContent).not.toContain('+1 415');
    expect(within(header).getByRole('status').textContent).toBe('1 new voicemail (urgent)');

    await act(async () => api.emitLine({ me: null, voicemail: { newMessages: 0, newUrgentMessages: 0, oldMessages: 3 } }));
    expect(header.textContent).not.toContain('Ext.');
    expect(within(header).getByRole('status').textContent).toBe('');
  });

  test('says nothing about voicemail before main knows', async () => {
    await renderApp();
    expect(within(screen.getByRole('banner')).getByRole('status').textContent).toBe('');
  });
});
