/** Sign-in steps shared by the accounts and leak specs; the fixtures are test/e2e/fixtures.ts. */
import type { Page } from '@playwright/test';
import type { TestLine } from '../line-kit/index.js';
import type { Harness } from '../harness/harness-server.js';
import { expect } from './fixtures.js';

export { expect, test } from './fixtures.js';


/** Opens Settings and returns the Accounts region. */
export async function openAccounts(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await expect(accounts).toBeVisible();
  return accounts;
}

/** Types the line's integration into the form and presses "Sign in with Webex"; returns the URL the app opened. */
export async function startSignIn(page: Page, harness: Harness, line: TestLine): Promise<URL> {
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
export async function useBuiltInLine(page: Page, line: TestLine): Promise<void> {
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
