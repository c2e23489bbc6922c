/**
 * The one stand-in of this process. The boot test passes its options in CALLDECK_STANDIN; the
 * instance lives on globalThis so that every importer (the app's `electron`, electron-store's
 * `electron`, the driver) shares it however the modules were loaded.
 */
import { createElectronStandin, type ElectronStandin, type StandinOptions } from './electron.js';

const KEY = Symbol.for('calldeck.electron-standin');
const holder = globalThis as { [KEY]?: ElectronStandin };

function options(): StandinOptions {
  const raw = process.env.CALLDECK_STANDIN;
  if (raw === undefined) throw new Error('CALLDECK_STANDIN is not set: the Electron stand-in runs only under the boot driver');
  return JSON.parse(raw) as StandinOptions;
}

export const standin: ElectronStandin = (holder[KEY] ??= createElectronStandin(options()));
