import type { CallDeckApi, Result } from '../../preload/contract';
import { unexpected } from './app-slice';
import { bindDesktop } from './bind-desktop';
import { bindDevices } from './bind-devices';
import { bindMeetings } from './bind-meetings';
import { bindNotices } from './bind-notices';
import { bindEvents } from './bind-events';
import type { AppStore } from './types';

/**
 * Connects the store to main: subscribes to events first, then loads the initial state, then
 * tells main it may flush the events it queued meanwhile. Returns the disposer.
 */
export function bindBridge(api: CallDeckApi, store: AppStore): () => void {
  let disposed = false;
  // A snapshot event is at least as new as an in-flight calls.list answer.
  let sawSnapshotEvent = false;
  let historyRequest = 0;
  let sawLineEvent = false;
  const state = () => store.getState();

  state().app.attachBridge(api);

  async function refreshHistory(): Promise<void> {
    const request = ++historyRequest;
    const result = await settle(api.calls.history());
    // Only the newest request may write, or a slow old answer would hide a fresh missed call.
    if (disposed || request !== historyRequest) return;
    if (result.ok) state().calls.setHistory(result.value);
    else state().ui.pushError("Couldn't load call history", result.error);
  }

  const unsubscribers = [
    api.calls.onChanged((snapshot) => {
      if (disposed) return;
      sawSnapshotEvent = true;
      state().calls.applySnapshot(snapshot);
      if (snapshot.ended.length > 0) void refreshHistory();
    }),
    api.settings.onChanged((settings) => {
      if (!disposed) state().settings.setValues(settings);
    }),
    bindDesktop(api, store),
    api.videosdk.onChanged((snapshot) => {
      if (!disposed) state().videosdk.apply(snapshot);
    }),
    api.line.onChanged((info) => {
      if (disposed) return;
      sawLineEvent = true;
      state().calls.setLineInfo(info);
    }),
    bindMeetings(api, store),
    bindNotices(api, store),
    bindEvents(api, store),
    bindDevices(api, store),
    api.accounts.onChanged((accounts) => {
      if (disposed) return;
      state().accounts.apply(accounts);
      // Signing in or out changes the line app.info describes.
      void settle(api.app.info()).then((info) => {
        if (!disposed && info.ok) state().app.setInfo(info.value);
      });
    }),
  ];

  void (async () => {
    const [info, settings, calls, accounts, lineInfo] = await Promise.all([
      settle(api.app.info()),
      settle(api.settings.get()),
      settle(api.calls.list()),
      settle(api.accounts.list()),
      settle(api.line.get()),
      refreshHistory(),
    ]);
    if (disposed) return;
    if (info.ok) state().app.setInfo(info.value);
    else state().ui.pushError("Couldn't read app information", info.error);
    if (settings.ok) state().settings.setValues(settings.value);
    else state().ui.pushError("Couldn't load settings", settings.error);
    if (accounts.ok) {
      if (!state().accounts.snapshot) state().accounts.apply(accounts.value);
    } else {
      state().ui.pushError("Couldn't load your accounts", accounts.error);
    }
    if (calls.ok) {
      if (!sawSnapshotEvent) state().calls.applySnapshot(calls.value);
    } else {
      state().ui.pushError("Couldn't load your calls", calls.error);
    }

    // Who the line is and voicemail waiting are extras: without them the header just says less.
    if (lineInfo.ok && !sawLineEvent) state().calls.setLineInfo(lineInfo.value);

    const ready = await settle(api.app.ready());
    if (!disposed && !ready.ok) state().ui.pushError("Couldn't start receiving call updates", ready.error);
  })();

  return () => {
    if (disposed) return;
    disposed = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
    if (state().app.bridge === api) state().app.attachBridge(null);
  };
}

/** Errors are values across the bridge; a rejected promise is folded into one too. */
async function settle<T>(promise: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await promise;
  } catch (thrown) {
    return { ok: false, error: unexpected(thrown) };
  }
}
