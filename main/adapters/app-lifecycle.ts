import { app, powerMonitor } from 'electron';
import type { Logger } from '../core/ports.js';
import { APP_ID } from '../desktop/index.js';

/** Chromium switches and identity that must be set before ready. */
export function setupPlatform(options: { wayland: boolean }): void {
  // Wayland has no global key grabs; Chromium's portal backend asks the desktop instead.
  if (options.wayland) app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
  // Notifications on Windows belong to an AppUserModelID; without it they do not show.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
}

/** Start-up failed before the app could show anything: say why and end, rather than linger. */
export function failStartup(log: Logger): (error: unknown) => void {
  return (error) => {
    log.error('startup failed', { error: error instanceof Error ? error.stack : String(error) });
    app.exit(1);
  };
}

/**
 * Quitting, from wherever it starts (the tray, the OS logging out, Cmd+Q): windows may close
 * for real from then on, and the core stops (the line, its timers and HTTP connections).
 */
export function setupQuit(deps: { windows: { letClose(): void; showMain(): void }; stop(): Promise<void> }): void {
  // macOS: clicking the Dock icon brings back a window hidden to the tray.
  app.on('activate', deps.windows.showMain);
  powerMonitor.on('shutdown', () => {
    deps.windows.letClose();
    app.quit();
  });
  app.on('before-quit', () => {
    deps.windows.letClose();
    // Electron does not wait for this promise: what must reach the disk (the call log) is saved
    // synchronously at the start of stop(), before its first await.
    void deps.stop();
  });
}
