import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { startTestLine, type TestLine } from '../line-kit/index.js';
import { FakeKeychain } from '../fakes/fake-keychain.js';
import { MemoryLogger, MemorySettingsStore } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness, type Harness } from '../harness/harness-server.js';

interface Options {
  /** How long sign-in waits for the browser to come back (the app's is 3 minutes). */
  signInTimeoutMs: number;
  patLifetimeMs: number;
  /** The OS keychain's protection level; 'obfuscated' is Linux's basic_text. */
  keychain: 'keychain' | 'obfuscated';
  /** 'line': the developer's VideoSDK account (CALLDECK_VIDEOSDK_*) is the line's; 'none': no VideoSDK account. */
  videoSdkAccount: 'line' | 'none';
  /** Start with a settings file that cannot be read (the reliability suite's damaged-file row). */
  damagedSettings: boolean;
  /** How long the line lets an unanswered call ring (ignored calls, mute-transfer destinations); absent: the line's default. */
  lineNoAnswerMs: number | undefined;
}

interface Fixtures {
  /** The built-in line, driven by the test (no demo scenario, so nothing rings by surprise). */
  line: TestLine;
  log: MemoryLogger;
  harness: Harness;
  /** The CallDeck window, loaded and showing the line. */
  app: Page;
}

/**
 * Each test gets its own line and harness on random ports: tests run in parallel without
 * sharing state. Without a signed-in account the harness connects to the line the way a
 * configured Webex account does (the CALLDECK_WEBEX_* variables), so that path is what e2e
 * exercises; the line's OAuth side, with a random client, is there for sign-in tests.
 */
export const test = base.extend<Options & Fixtures>({
  signInTimeoutMs: [180_000, { option: true }],
  patLifetimeMs: [12 * 3600_000, { option: true }],
  keychain: ['keychain', { option: true }],
  videoSdkAccount: ['line', { option: true }],
  damagedSettings: [false, { option: true }],
  lineNoAnswerMs: [undefined, { option: true }],
  line: async ({ lineNoAnswerMs }, use) => {
    const line = await startTestLine({
      oauth: { clientId: `C${randomBytes(8).toString('hex')}` },
      ...(lineNoAnswerMs !== undefined ? { noAnswerMs: lineNoAnswerMs } : {}),
    });
    await use(line);
    await line.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  log: async ({}, use) => use(new MemoryLogger()),
  harness: async ({ line, log, signInTimeoutMs, patLifetimeMs, keychain, videoSdkAccount, damagedSettings }, use) => {
    const environmentVideoSdk = videoSdkAccount === 'line' ? { baseUrl: line.videosdk.origin, ...line.videosdk.project } : undefined;
    const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
    const ports = createHarnessPorts({ log, keychain: new FakeKeychain(keychain) });
    if (damagedSettings) ports.settingsStore = new MemorySettingsStore({}, false);
    const harness = await startHarness({
      ports,
      openLine: () => openLine({ env, clock: systemClock, log }),
      accounts: { loopbackPort: 'random', signInTimeoutMs, patLifetimeMs, environmentVideoSdk },
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
