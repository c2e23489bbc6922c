import { defineConfig } from '@playwright/test';

/**
 * The real-Electron smoke test (`npm run test:electron`), apart from the default e2e run: it
 * needs the Electron binary, which CI machines here cannot download, and skips without it.
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
