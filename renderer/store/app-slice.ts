import type { ErrorValue, Result } from '../../preload/contract';
import type { SliceCreator } from './types';

export const createAppSlice: SliceCreator<'app'> = (set, get) => ({
  info: null,
  bridge: null,

  setInfo(info) {
    set((s) => ({ app: { ...s.app, info } }));
  },

  attachBridge(bridge) {
    set((s) => ({ app: { ...s.app, bridge } }));
  },

  async act(key, title, run, options) {
    const { ui, app } = get();
    // A second click on "Call" must not become a second phone call.
    if (ui.pending[key]) return null;
    if (!app.bridge) {
      ui.pushError(title, { code: 'internal', message: 'CallDeck is not connected to its line yet.' }, key);
      return null;
    }
    ui.setPending(key, true);
    let result;
    try {
      result = await run(app.bridge);
    } catch (thrown) {
      // The contract returns errors as values; a throw means the bridge itself broke.
      result = { ok: false, error: unexpected(thrown) } satisfies Result<never>;
    } finally {
      get().ui.setPending(key, false);
    }
    if (!result.ok && (options?.report?.(result.error) ?? true)) get().ui.pushError(title, result.error, key);
    return result;
  },
});

export function unexpected(thrown: unknown): ErrorValue {
  return { code: 'internal', message: thrown instanceof Error ? thrown.message : 'Something went wrong.' };
}
