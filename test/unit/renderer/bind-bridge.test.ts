import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../../renderer/store/app-store';
import { bindBridge } from '../../../renderer/store/bind-bridge';
import { FakeCallDeckApi, makeCall, ok } from './fake-api';

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('bindBridge', () => {
  test('subscribes, loads the initial state, then calls app.ready once', async () => {
    const api = new FakeCallDeckApi();
    api.snapshot = { ...api.snapshot, calls: [makeCall()] };
    const store = createAppStore();
    bindBridge(api, store);
    await settle();

    const ready = api.log.indexOf('invoke app:ready');
    expect(ready).toBeGreaterThan(api.log.indexOf('subscribe calls:changed'));
    expect(ready).toBeGreaterThan(api.log.indexOf('subscribe settings:changed'));
    for (const load of ['app:info', 'settings:get', 'calls:list', 'calls:history']) {
      expect(api.log.indexOf(`invoke ${load}`)).toBeLessThan(ready);
    }
    expect(api.invoked('app:ready')).toHaveLength(1);

    const state = store.getState();
    expect(state.app.info?.mode).toBe('demo');
    expect(state.settings.values?.defaultCountry).toBe('US');
    expect(state.calls.loaded).toBe(true);
    expect(state.calls.list).toHaveLength(1);
    expect(state.calls.historyLoaded).toBe(true);
  });

  test('applies events, and its disposer unsubscribes', async () => {
    const api = new FakeCallDeckApi();
    const store = createAppStore();
    const dispose = bindBridge(api, store);
    await settle();
    expect(api.listenerCount('calls:changed')).toBe(1);

    api.emitCalls([makeCall()]);
    expect(store.getState().calls.list).toHaveLength(1);
    api.emit('settings:changed', { ...store.getState().settings.values!, defaultCountry: 'GB' });
    expect(store.getState().settings.values?.defaultCountry).toBe('GB');

    dispose();
    expect(api.listenerCount('calls:changed')).toBe(0);
    expect(api.listenerCount('settings:changed')).toBe(0);
    expect(store.getState().app.bridge).toBeNull();
  });

  test('a snapshot event wins over a slower calls.list answer', async () => {
    const api = new FakeCallDeckApi();
    const list = api.defer('calls:list');
    const store = createAppStore();
    bindBridge(api, store);
    api.emitCalls([makeCall(), makeCall()]);
    list.resolve(ok({ calls: [], line: api.snapshot.line, ended: [] }));
    await settle();
    expect(store.getState().calls.list).toHaveLength(2);
    expect(api.invoked('app:ready')).toHaveLength(1);
  });

  test('load failures become visible errors, and ready is still called', async () => {
    const api = new FakeCallDeckApi();
    api.respond('calls:list', { ok: false, error: { code: 'network', message: 'Offline', trackingId: 'T-1' } });
    const store = createAppStore();
    bindBridge(api, store);
    await settle();
    expect(store.getState().ui.errors.map((e) => e.error.trackingId)).toEqual(['T-1']);
    expect(api.invoked('app:ready')).toHaveLength(1);
  });

  test('does not call ready if disposed before loading finished', async () => {
    const api = new FakeCallDeckApi();
    const info = api.defer('app:info');
    const dispose = bindBridge(api, createAppStore());
    dispose();
    info.resolve(ok({ name: 'CallDeck', version: '0', platform: 'x', mode: 'demo', lineLabel: 'x', shell: 'harness' }));
    await settle();
    expect(api.invoked('app:ready')).toHaveLength(0);
  });
});

describe('act', () => {
  test('ignores a second run of the same key while the first is pending', async () => {
    const api = new FakeCallDeckApi();
    const store = createAppStore();
    bindBridge(api, store);
    const answer = api.defer('calls:answer');
    const act = store.getState().app.act;
    const first = act('c1:answer', 'Answer', (a) => a.calls.answer({ callId: 'c1' }));
    expect(store.getState().ui.pending['c1:answer']).toBe(true);
    expect(await act('c1:answer', 'Answer', (a) => a.calls.answer({ callId: 'c1' }))).toBeNull();
    answer.resolve(ok(null));
    expect(await first).toEqual(ok(null));
    expect(store.getState().ui.pending['c1:answer']).toBeUndefined();
    expect(api.invoked('calls:answer')).toHaveLength(1);
  });

  test('turns a throwing bridge into an error value', async () => {
    const api = new FakeCallDeckApi();
    const store = createAppStore();
    bindBridge(api, store);
    api.respond('calls:hold', () => {
      throw new Error('IPC channel closed');
    });
    const result = await store.getState().app.act('c1:hold', "Couldn't hold", (a) => a.calls.hold({ callId: 'c1' }));
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'IPC channel closed' } });
    expect(store.getState().ui.errors[0]?.title).toBe("Couldn't hold");
  });
});
