import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import type { HistoryEntry } from '../../../preload/contract';
import { FakeCallDeckApi, makeCall } from './fake-api';
import { emitCalls, renderApp } from './render-app';

afterEach(cleanup);

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  type: 'received',
  privacy: false,
  time: '2026-03-02T09:00:00Z',
  source: 'webex',
  ...overrides,
});

describe('call history', () => {
  test('lists entries newest first, marks missed ones, hides redial for private numbers', async () => {
    const api = new FakeCallDeckApi();
    api.history = [
      entry({ type: 'placed', name: 'Bo Chen', number: '+12015550111', time: '2026-03-02T08:00:00Z' }),
      entry({ type: 'missed', name: 'Ana Silva', number: '+12015550123', time: '2026-03-02T09:30:00Z' }),
      entry({ type: 'received', privacy: true, time: '2026-03-02T09:00:00Z', source: 'local' }),
    ];
    await renderApp([], api);

    const items = within(screen.getByRole('list', { name: 'Call history' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('Ana Silva'),
      expect.stringContaining('Private number'),
      expect.stringContaining('Bo Chen'),
    ]);
    expect(items[0]?.textContent).toContain('Missed');
    expect(items[0]?.className).toContain('history-missed');
    expect(within(items[1]!).queryByRole('button')).toBeNull();
  });

  test('shows an empty state', async () => {
    await renderApp();
    expect(screen.getByText('No calls yet')).toBeTruthy();
  });

  test('Redial calls the entry back with its number', async () => {
    const user = userEvent.setup();
    const api = new FakeCallDeckApi();
    api.history = [entry({ name: 'Ana Silva', number: '+12015550123' }), entry({ number: '2025', time: '2026-03-01T09:00:00Z' })];
    await renderApp([], api);

    await user.click(screen.getByRole('button', { name: 'Redial Ana Silva' }));
    expect(api.invoked('calls:dial')).toEqual([{ destination: '+12015550123' }]);
    await user.click(screen.getByRole('button', { name: 'Redial 2025' }));
    expect(api.invoked('calls:dial')).toEqual([{ destination: '+12015550123' }, { destination: '2025' }]);
  });

  test('refreshes after a snapshot in which calls ended', async () => {
    const ana = makeCall();
    const { api } = await renderApp([ana]);
    expect(api.invoked('calls:history')).toHaveLength(1);

    await emitCalls(api, [ana]);
    expect(api.invoked('calls:history')).toHaveLength(1);

    api.history = [entry({ name: 'Ana Silva', number: '+12015550123' })];
    await emitCalls(api, [], { ended: [{ call: ana, outcome: 'ended' }] });
    expect(api.invoked('calls:history')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Redial Ana Silva' })).toBeTruthy();
  });
});

describe('a call a colleague answered', () => {
  test('is labelled answered elsewhere, not missed', async () => {
    const api = new FakeCallDeckApi();
    api.history = [
      entry({ type: 'missed', name: 'Chen Wei', number: '+16505550100', source: 'local', outcome: 'answered-elsewhere' }),
    ];
    await renderApp([], api);
    const row = within(screen.getByRole('list', { name: 'Call history' })).getByRole('listitem');
    expect(row.textContent).toContain('Answered elsewhere');
    expect(row.textContent).not.toContain('Missed');
  });
});
