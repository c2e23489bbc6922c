import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin.js';
import { originOf } from '../ipc/trusted-sender.js';

/** The parts of WebContents the guard touches; a real WebContents satisfies it. */
export type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;
export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/**
 * Locks a window to the app: no popups, no navigation or redirect away from our origin, no
 * <webview>, and every permission request or check denied (CallDeck carries no audio, so it
 * needs no camera, microphone, notifications-from-web or anything else a page could ask for).
 * Links to the outside world go through the Browser port, never through this window.
 */
export function guardWindow(contents: GuardedContents, session: GuardedSession): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
