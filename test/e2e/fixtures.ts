import { test as base, expect, type Page } from '@playwright/test';
import { openLine } from '../../main/core/open-line.js';
import { startSandbox, type SandboxLine } from '../../main/sandbox/index.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness, type Harness } from '../harness/harness-server.js';
import { systemClock } from '../../main/core/system-clock.js';

interface Fixtures {
  /** The built-in line, driven by the test (no demo scenario, so nothing rings by surprise). */
  line: SandboxLine;
  harness: Harness;
  /** The CallDeck window, loaded and showing the line. */
  app: Page;
}

/**
 * Each test gets its own line and harness on random ports: tests run in parallel without
 * sharing state, and the harness connects to the line the same way a configured Webex account
 * does (through the CALLDECK_WEBEX_* variables), so that path is what e2e exercises.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  line: async ({}, use) => {
    const line = await startSandbox();
    await use(line);
    await line.close();
  },
  harness: async ({ line }, use) => {
    const log = new MemoryLogger();
    const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
    const harness = await startHarness({
      ports: createHarnessPorts({ log }),
      openLine: () => openLine({ env, clock: systemClock, log }),
    });
    await use(harness);
    await harness.close();
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await expect(page.getByRole('list', { name: 'Active calls' })).toBeVisible();
    await use(page);
  },
});

export { expect };
