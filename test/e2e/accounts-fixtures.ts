import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { openLine } from '../../main/core/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { startSandbox, type SandboxLine } from '../../main/sandbox/index.js';
import { FakeKeychain } from '../fakes/fake-keychain.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { createHarnessPorts } from '../harness/harness-ports.js';
import { startHarness, type Harness } from '../harness/harness-server.js';

interface Options {
  signInTimeoutMs: number;
  patLifetimeMs: number;
  keychain: 'keychain' | 'obfuscated';
}

interface Fixtures {
  /** The built-in line with its OAuth integration (random client secret). */
  line: SandboxLine;
  log: MemoryLogger;
  harness: Harness;
  /** The CallDeck window, loaded. */
  app: Page;
}

/**
 * Like fixtures.ts, plus what sign-in needs: the line's OAuth side, the loopback listener on a
 * random port, and knobs for the wait, a PAT's lifetime and the keychain's protection level.
 * Without an account the harness uses the environment account on the same line, as dev does.
 */
export const test = base.extend<Options & Fixtures>({
  signInTimeoutMs: [180_000, { option: true }],
  patLifetimeMs: [12 * 3600_000, { option: true }],
  keychain: ['keychain', { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  line: async ({}, use) => {
    const line = await startSandbox({ oauth: { clientId: `C${randomBytes(8).toString('hex')}` } });
    await use(line);
    await line.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  log: async ({}, use) => use(new MemoryLogger()),
  harness: async ({ line, log, signInTimeoutMs, patLifetimeMs, keychain }, use) => {
    const env = { CALLDECK_WEBEX_BASE_URL: line.baseUrl, CALLDECK_WEBEX_TOKEN: line.token };
    const harness = await startHarness({
      ports: createHarnessPorts({ log, keychain: new FakeKeychain(keychain) }),
      openLine: () => openLine({ env, clock: systemClock, log }),
      accounts: { loopbackPort: 'random', signInTimeoutMs, patLifetimeMs },
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

/** Opens Settings and returns the Accounts region. */
export async function openAccounts(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await expect(accounts).toBeVisible();
  return accounts;
}

/** Types the line's integration into the form and presses "Sign in with Webex"; returns the URL the app opened. */
export async function startSignIn(page: Page, harness: Harness, line: SandboxLine): Promise<URL> {
  const accounts = await openAccounts(page);
  const webex = accounts.getByRole('group', { name: 'Webex' });
  await webex.getByRole('textbox', { name: 'Client ID' }).fill(line.oauth.client.id);
  await webex.getByLabel('Client secret').fill(line.oauth.client.secret);
  await useBuiltInLine(page, line);
  const opened = harness.ports.browser.nextUrl();
  await webex.getByRole('button', { name: 'Sign in with Webex' }).click();
  return new URL(await opened);
}

/** Points the account at the built-in line: Advanced → Webex API address. */
export async function useBuiltInLine(page: Page, line: SandboxLine): Promise<void> {
  const webex = page.getByRole('group', { name: 'Webex' });
  await webex.getByText('Advanced', { exact: true }).click();
  await webex.getByRole('textbox', { name: 'Webex API address' }).fill(line.baseUrl);
}

/** What the system browser does with the authorize URL: follow Webex's redirect to the loopback listener. */
export async function followInBrowser(authorizeUrl: URL, tamper: (callback: URL) => void = () => undefined) {
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const callback = new URL(authorize.headers.get('location') ?? '');
  tamper(callback);
  const page = await fetch(callback);
  return { callback, status: page.status, text: await page.text() };
}
