/**
 * The real app in the real Electron: launches `electron .` on the demo line with a fresh
 * userData folder and answers a demo call from the window. Runs only where the Electron binary
 * is installed (`npm run test:electron`); everywhere else it is skipped, saying why. The same
 * steps run on every machine under the stand-in (`npm run test:boot`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './electron-binary.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary(repoRoot);

test('the app starts on the demo line and answers a demo call', async () => {
  if ('skip' in binary) {
    // The list reporter does not print skip reasons; say it where a person running this looks.
    console.warn(`Electron smoke test skipped: ${binary.skip}`);
    test.skip(true, binary.skip);
    return;
  }
  const userData = mkdtempSync(join(tmpdir(), 'calldeck-electron-'));
  // Never a developer's account: the demo line must run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CALLDECK_') && key !== 'ELECTRON_OVERRIDE_DIST_PATH'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [repoRoot, `--user-data-dir=${userData}`],
    cwd: repoRoot,
    env: env as Record<string, string>,
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveURL('calldeck://app/index.html');
    await expect(window.getByText('Demo line — no account connected')).toBeVisible();
    const calls = window.getByRole('list', { name: 'Active calls' });
    const ringing = calls.getByRole('listitem').filter({ hasText: 'Ringing' }).first();
    await expect(ringing).toBeVisible({ timeout: 15_000 });
    await ringing.getByRole('button', { name: 'Answer' }).click();
    await expect(calls.getByRole('listitem').filter({ hasText: 'Connected' })).toHaveCount(1);
    await expect(window.getByRole('alert')).toHaveCount(0);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
