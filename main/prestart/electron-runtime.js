// @ts-check
/**
 * Is Electron's runtime on this machine? Asked exactly as node_modules/electron/index.js asks it
 * (Electron 45) before `electron .` spawns the runtime, but from the files alone: loading that
 * package as a value would start the very download this check exists to bound.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @typedef {{ kind: 'present', executable: string }
 *   | { kind: 'override-missing', executable: string, override: string }
 *   | { kind: 'missing', version: string }} RuntimeState
 */

/** The installed electron package's folder (resolving package.json runs none of its code). */
export function electronPackageDir() {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/** @param {string} packageDir */
export function electronVersion(packageDir) {
  const manifest = /** @type {{ version?: unknown }} */ (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')));
  return String(manifest.version);
}

/**
 * index.js: path.txt (written by install.js) names the executable inside dist/.
 * ELECTRON_OVERRIDE_DIST_PATH, when set, replaces dist/ and Electron never downloads into it.
 * Otherwise a missing path.txt or executable makes index.js run install.js, which downloads.
 * Electron 45's installer no longer reads ELECTRON_SKIP_BINARY_DOWNLOAD, so neither does this.
 * path.txt is read untrimmed, as index.js reads it.
 *
 * @param {string} packageDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {RuntimeState}
 */
export function locateRuntime(packageDir, env) {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = join(override, relative || 'electron');
    return existsSync(executable) ? { kind: 'present', executable } : { kind: 'override-missing', executable, override };
  }
  if (relative) {
    const executable = join(packageDir, 'dist', relative);
    if (existsSync(executable)) return { kind: 'present', executable };
  }
  return { kind: 'missing', version: electronVersion(packageDir) };
}
