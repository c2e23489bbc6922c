import { act, render } from '@testing-library/react';
import { App } from '../../../renderer/components/app';
import { createAppStore } from '../../../renderer/store/app-store';
import { bindBridge } from '../../../renderer/store/bind-bridge';
import { StoreProvider } from '../../../renderer/store/store-context';
import type { Call } from '../../../preload/contract';
import { FakeCallDeckApi } from './fake-api';

/** Lets queued promise callbacks (bridge answers, store updates) run inside act. */
export async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

/** The whole window, bound to a fake bridge that starts with `calls`. */
export async function renderApp(calls: Call[] = [], api = new FakeCallDeckApi()) {
  api.snapshot = { ...api.snapshot, calls };
  const store = createAppStore();
  const dispose = bindBridge(api, store);
  const view = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  await flush();
  return { api, store, dispose, ...view };
}

/** Emit a snapshot and let React render it. */
export async function emitCalls(api: FakeCallDeckApi, ...args: Parameters<FakeCallDeckApi['emitCalls']>) {
  await act(async () => {
    api.emitCalls(...args);
  });
  await flush();
}
