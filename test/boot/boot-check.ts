/**
 * The boot check in one function, for the broken-copy cases: does this build of main start,
 * open its window with the bridge, answer every channel, and quit cleanly? It throws with the
 * first thing that went wrong (and the app's output).
 */
import { invokeChannels } from '../../preload/contract.js';
import type { BootSnapshot } from '../electron-standin/driver.js';
import { removeUserData, startBoot, type Boot } from './boot-process.js';

/** Electron's security checklist, as every CallDeck window must have it. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const;

export const MAIN_URL = 'calldeck://app/index.html';

export function mainWindowOf(snapshot: BootSnapshot): BootSnapshot['windows'][number] {
  const main = snapshot.windows.find((window) => window.url === MAIN_URL);
  if (!main) throw new Error(`no window shows ${MAIN_URL}`);
  return main;
}

/** Until the main window has loaded and its preload exposed the bridge (or the app died). */
export async function waitForMainWindow(boot: Boot): Promise<BootSnapshot> {
  return boot.until((snapshot) => {
    const crash = boot.messages.find((m) => m.type === 'crash');
    if (crash) throw new Error(`${crash.kind}: ${crash.error}\n${boot.output()}`);
    if (snapshot.problems.length > 0) throw new Error(`Electron rules broken silently: ${snapshot.problems.join('; ')}`);
    return snapshot.windows.some((window) => window.url === MAIN_URL && window.exposed.includes('calldeck'));
  }, 'the main window with window.calldeck');
}

export function appInfoRoundTrip(boot: Boot, windowId: number): Promise<unknown> {
  return boot.request({ op: 'call', window: windowId, path: ['calldeck', 'app', 'info'], args: [] });
}

export async function bootCheck(options: { main: string }): Promise<void> {
  const boot = await startBoot(options);
  try {
    const snapshot = await waitForMainWindow(boot);
    const missing = Object.keys(invokeChannels).filter((channel) => !snapshot.invokeChannels.includes(channel));
    if (missing.length > 0) throw new Error(`channels without a handler: ${missing.join(', ')}`);
    const info = (await appInfoRoundTrip(boot, mainWindowOf(snapshot).id)) as { ok: boolean };
    if (!info.ok) throw new Error(`app:info failed: ${JSON.stringify(info)}`);
    const { problems } = await boot.snapshot();
    if (problems.length > 0) throw new Error(`Electron rules broken silently: ${problems.join('; ')}`);
    await boot.request({ op: 'quit' });
    const exit = await boot.exited;
    if (exit.code !== 0) throw new Error(`exited with ${exit.code ?? exit.signal}\n${boot.output()}`);
    const crash = boot.messages.find((m) => m.type === 'crash');
    if (crash) throw new Error(`${crash.kind}: ${crash.error}`);
  } finally {
    boot.kill();
    removeUserData(boot);
  }
}
