import type { AppInfo, CallDeckApi, ErrorValue, Result } from '../../preload/contract';
import type { PendingKey } from './ui-slice';
import type { SliceCreator } from './types';

export interface ActOptions {
  /** Return false for failures the caller shows itself, e.g. next to a text field. */
  report?: (error: ErrorValue) => boolean;
}

export interface AppSlice {
  info: AppInfo | null;
  /** Set by bindBridge. Components never call the bridge or `act` themselves: they use useCommands('<slice>'), whose commands run through `act`. */
  bridge: CallDeckApi | null;
  setInfo(info: AppInfo): void;
  attachBridge(api: CallDeckApi | null): void;
  /**
   * Runs one bridge call under `key`: ignored (resolves null) while the same key is in flight,
   * marks it pending meanwhile, and pushes a failure into `ui.errors` under `title`.
   */
  act<T>(
    key: PendingKey,
    title: string,
    run: (api: CallDeckApi) => Promise<Result<T>>,
    options?: ActOptions,
  ): Promise<Result<T> | null>;
}

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
