import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the real Electron binary is, or why it is not usable. Worked out from the files the
 * electron package's installer writes, never by loading the package (whose value downloads the
 * binary when it is missing).
 */
export function findElectronBinary(repoRoot: string): { path: string } | { skip: string } {
  const guard = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (guard !== undefined && !existsSync(guard)) {
    return { skip: `ELECTRON_OVERRIDE_DIST_PATH points at ${guard}, which does not exist (the guard that keeps tests from starting Electron)` };
  }
  const packageDir = join(repoRoot, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { skip: "the Electron binary is not installed (node_modules/electron/path.txt is missing); with network access run `node node_modules/electron/install.js`" };
  }
  const binary = join(guard ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { skip: `the Electron binary ${binary} is missing; with network access run \`node node_modules/electron/install.js\`` };
  return { path: binary };
}
