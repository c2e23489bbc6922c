import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * How to start Chromium here and on a developer's machine. CHROMIUM_PATH wins; Debian's
 * /usr/bin/chromium is the default when present; otherwise Playwright's own installed browser.
 * As root Chromium refuses to start without --no-sandbox; the other flags keep it from reaching
 * for the network at start-up.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      ...(runningAsRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
