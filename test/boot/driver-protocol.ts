/** The messages between the boot test and the driver child process (test/electron-standin/driver.ts). */

export type DriverRequest = { id: number } & (
  | { op: 'snapshot' }
  /** Calls `window.<path>(...args)` in a window's page, as the renderer would. */
  | { op: 'call'; window: number; path: string[]; args: unknown[] }
  /** Subscribes to `window.<path>(listener)` (e.g. calldeck.calls.onChanged); payloads come as events. */
  | { op: 'subscribe'; window: number; path: string[] }
  | { op: 'trayMenu'; label: string }
  /** The window's close button: hides to the tray or closes, as the app decides. */
  | { op: 'closeWindow'; window: number }
  /** macOS's open-url, e.g. a tel: link clicked in a browser. */
  | { op: 'openUrl'; url: string }
  /** Fires `ready` when the driver was started with holdReady. */
  | { op: 'ready' }
  | { op: 'quit' }
  /** The OS is shutting down (powerMonitor 'shutdown'); answers whether the app asked it to wait. */
  | { op: 'shutdown' }
);

export type DriverMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'event'; window: number; path: string[]; payload: unknown }
  | { type: 'loaded' }
  | { type: 'ready' }
  | { type: 'crash'; kind: 'uncaughtException' | 'unhandledRejection'; error: string }
  | { type: 'quit'; exitCode: number; openResources: string[] }
  | { type: 'still-running'; openResources: string[] };
