import { app } from 'electron';
import type { Logger } from '../core/ports.js';
import { LINK_SCHEMES } from '../desktop/index.js';

interface LinkTaker {
  openLink(url: string): unknown;
  openArgv(argv: readonly string[]): unknown;
}

type Arrival = { kind: 'url'; url: string } | { kind: 'argv'; argv: readonly string[] };

export interface AppLinks {
  /** Hands every link so far, and each one after, to the core; a second instance also shows the window. */
  deliverTo(desktop: LinkTaker, showWindow: () => void): void;
}

/**
 * tel:, sip:, sips: and callto: links from the OS. They can arrive before the core exists:
 * macOS sends open-url (also the one that launched the app) possibly before ready, and Electron
 * emits second-instance right after ready for an instance started meanwhile. So both are heard
 * from the first line of main and wait here until the core takes them. Call before ready.
 */
export function receiveLinks(log: Logger): AppLinks {
  const waiting: Arrival[] = [];
  let take = (arrival: Arrival): void => void waiting.push(arrival);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    take({ kind: 'url', url });
  });
  app.on('second-instance', (_event, argv) => take({ kind: 'argv', argv }));

  return {
    deliverTo(desktop, showWindow) {
      registerSchemes(log);
      take = (arrival) => {
        if (arrival.kind === 'url') {
          desktop.openLink(arrival.url);
          return;
        }
        showWindow();
        desktop.openArgv(arrival.argv);
      };
      for (const arrival of waiting.splice(0)) take(arrival);
      desktop.openArgv(process.argv.slice(1));
    },
  };
}

/**
 * The installers register the schemes (electron-builder `protocols`, the NSIS include);
 * registering again at start keeps the entry pointing at this copy. A development build would
 * register the bare Electron binary, so it does not.
 */
function registerSchemes(log: Logger): void {
  if (!app.isPackaged) return;
  // "--" ends Chromium's switch parsing on Windows, so a crafted link cannot pass switches.
  const args = process.platform === 'win32' ? ['--'] : [];
  for (const scheme of LINK_SCHEMES) {
    if (!app.setAsDefaultProtocolClient(scheme, process.execPath, args)) log.warn('links: could not register scheme', { scheme });
  }
}
