// @ts-check
/**
 * The check `npm start` runs before it builds and launches Electron. With the runtime present it
 * says nothing and `npm start` goes on as before. With the runtime missing it tries one bounded
 * download (fetch-runtime.js); when that fails, or an ELECTRON_OVERRIDE_DIST_PATH points nowhere,
 * it prints one short paragraph (what failed, how to try CallDeck now, how to get the runtime
 * later) instead of Electron's stack trace and its advice, which does not apply here.
 */
import { electronPackageDir, locateRuntime } from './electron-runtime.js';
import { fetchRuntime } from './fetch-runtime.js';

/** Long enough for a slow proxy to answer, short enough that a newcomer is not left waiting. */
export const IDLE_MS = 8000;

/**
 * @param {{ packageDir?: string, idleMs?: number, write: (text: string) => void }} options
 *   packageDir: the electron package to check (the installed one unless a test says otherwise).
 * @returns {Promise<number>} the exit code: 0 to go on and launch Electron
 */
export async function checkElectronRuntime({ packageDir = electronPackageDir(), idleMs = IDLE_MS, write }) {
  const state = locateRuntime(packageDir, process.env);
  if (state.kind === 'present') return 0;
  if (state.kind === 'override-missing') {
    write(explain(`Electron's runtime is not where ELECTRON_OVERRIDE_DIST_PATH points (${state.executable} does not exist)`, { override: true }));
    return 1;
  }
  const runtime = `Electron's runtime (v${state.version})`;
  const result = await fetchRuntime({ packageDir, idleMs, onData: () => write(`Downloading ${runtime}, once…\n`) });
  if (result.ok) {
    const after = locateRuntime(packageDir, process.env);
    if (after.kind === 'present') return 0;
    write(explain(`${runtime} was installed, but node_modules/electron still does not point at it`));
    return 1;
  }
  if (result.stage === 'install') {
    write(explain(`${runtime} was downloaded but could not be installed (${result.reason})`));
    return 1;
  }
  write(explain(`${runtime} could not be downloaded${result.from === undefined ? '' : ` from ${result.from}`} (${result.reason})`));
  return 1;
}

/**
 * The paragraph. Commands are quoted exactly as they are typed.
 * @param {string} failure
 * @param {{ override?: boolean }} [options]
 */
export function explain(failure, { override = false } = {}) {
  return [
    `CallDeck cannot start: ${failure}.`,
    'Try CallDeck right now with `npm run harness`: it serves the same app in a browser, on the demo line.',
    `Get the runtime later: ${override ? 'unset ELECTRON_OVERRIDE_DIST_PATH, then ' : ''}run \`npm start\` again with network access,`,
    "or through your company's mirror (ELECTRON_MIRROR=<mirror URL> npm start), or run `node node_modules/electron/install.js`.",
    '',
  ].join('\n');
}
