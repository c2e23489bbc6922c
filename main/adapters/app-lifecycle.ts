import { app, powerMonitor } from 'electron';
import type { Logger } from '../core/ports.js';
import { createQuitGate } from '../core/quit-gate.js';
import { systemClock } from '../core/system-clock.js';
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
 * for real from then on, and the core stops (the line, its webhooks at the provider, its timers and
 * HTTP connections). Electron does not await before-quit, so the first quit is held back until the
 * core stopped, at most QUIT_DEADLINE_MS, then quits again (main/core/quit-gate.ts).
 */
export function setupQuit(deps: { windows: { letClose(): void; showMain(): void }; stop(): Promise<void>; log: Logger }): void {
  const gate = createQuitGate({ stop: deps.stop, quit: () => app.quit(), clock: systemClock, log: deps.log });
  // macOS: clicking the Dock icon brings back a window hidden to the tray.
  app.on('activate', deps.windows.showMain);
  // Electron's typings give this listener no argument, but it gets an event: preventing it asks
  // the OS (logind, macOS) to wait while the app quits, which the gate bounds.
  powerMonitor.on('shutdown', (event?: { preventDefault?(): void }) => {
    event?.preventDefault?.();
    deps.windows.letClose();
    app.quit();
  });
  app.on('before-quit', (event) => {
    deps.windows.letClose();
    // What must reach the disk (the call log) is saved synchronously here, at the start of stop().
    if (!gate.mayQuit()) event.preventDefault();
  });
}
