/**
 * Who CallDeck is to the OS. electron-builder.yml repeats these (a test keeps them equal): the
 * Windows AppUserModelID that notifications need, the macOS bundle id, and on Linux the .desktop
 * file name, which is the Wayland app_id the global-shortcuts portal knows the app by.
 */
export const APP_ID = 'com.calldeck.CallDeck';
export const DESKTOP_NAME = APP_ID;

/** True in a Linux Wayland session, where global shortcuts go through the desktop portal. */
export function isWaylandSession(platform: string, env: Record<string, string | undefined>): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY));
}
