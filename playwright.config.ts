import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/chromium.js';

/** E2E tests drive the browser harness (the real core, in-memory ports) in Chromium. */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', launchOptions: chromiumLaunchOptions() },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
