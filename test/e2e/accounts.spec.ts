import type { Page } from '@playwright/test';
import { WEBEX_SCOPES } from '../../preload/contract.js';
import type { Harness } from '../harness/harness-server.js';
import type { TestLine } from '../line-kit/index.js';
import { expect, followInBrowser, openAccounts, startSignIn, test, useBuiltInLine } from './accounts-fixtures.js';

test.describe('Settings → Accounts: signing in to Webex', () => {
  test('signs in through the system browser, controls the account line, and signs out', async ({ app, harness, line }) => {
    const envLabel = `Webex · ${new URL(line.baseUrl).host}`;
    await expect(app.locator('.app-header')).toContainText(envLabel);

    const authorizeUrl = await startSignIn(app, harness, line);
    const q = authorizeUrl.searchParams;
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${line.baseUrl}/authorize`);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toMatch(/^[\w-]{43}$/);
    expect(q.get('scope')).toBe(WEBEX_SCOPES.join(' '));
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/callback$/);

    const webex = app.getByRole('group', { name: 'Webex' });
    await expect(webex.getByRole('status')).toContainText('Waiting for you to finish signing in in your web browser');

    // The redirect URI says localhost; the listener is on 127.0.0.1 only, and localhost reaches it.
    const page = await followInBrowser(authorizeUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain('You can close this tab');

    await expect(webex.getByRole('status')).toHaveText('Signed in as Alex Morgan (alex.morgan@example.com). CallDeck controls this line.');
    await app.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();
    await expect(app.locator('.app-header')).toContainText('Webex · Alex Morgan (alex.morgan@example.com)');

    const before = line.oauth.stats().oauthApiRequests;
    line.control.incomingCall({ from: { name: 'Ana Silva', number: '+12015550123' } });
    const call = app.getByRole('listitem', { name: 'Call with Ana Silva' });
    await call.getByRole('button', { name: 'Answer' }).click();
    await expect(call).toContainText('Connected');
    expect(line.oauth.stats().oauthApiRequests).toBeGreaterThan(before);

    await openAccounts(app);
    await webex.getByRole('button', { name: 'Sign out' }).click();
    await expect(webex.getByRole('status')).toHaveText('Not signed in.');
    await expect(webex.getByRole('textbox', { name: 'Client ID' })).toHaveValue(line.oauth.client.id);
    await expect(app.locator('.app-header')).toContainText(envLabel);
  });

  test('a wrong state is refused with a clear message', async ({ app, harness, line }) => {
    const authorizeUrl = await startSignIn(app, harness, line);
    const page = await followInBrowser(authorizeUrl, (callback) => callback.searchParams.set('state', 'forged'));
    expect(page.status).toBe(400);
    await expect(app.getByRole('group', { name: 'Webex' }).getByRole('alert')).toContainText(
      'Sign-in stopped: the answer that reached CallDeck did not belong to this sign-in (its state did not match)',
    );
    expect(line.oauth.stats().codeGrants).toBe(0);
  });

  test.describe('with a short wait', () => {
    test.use({ signInTimeoutMs: 1500 });
    test('times out with a clear message', async ({ app, harness, line }) => {
      await startSignIn(app, harness, line);
      await expect(app.getByRole('group', { name: 'Webex' }).getByRole('alert')).toContainText(
        'Sign-in timed out: CallDeck waited 2 seconds and your browser never came back.',
      );
      await expect(app.getByRole('group', { name: 'Webex' }).getByRole('status')).toHaveText('Not signed in.');
    });
  });

  test('can be cancelled', async ({ app, harness, line }) => {
    const authorizeUrl = await startSignIn(app, harness, line);
    const webex = app.getByRole('group', { name: 'Webex' });
    await webex.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect(webex.getByRole('alert')).toContainText('Sign-in cancelled. Nothing was changed.');
    // The listener is gone: a browser coming back late reaches nobody.
    const late = await fetch(authorizeUrl, { redirect: 'manual' });
    await expect(fetch(new URL(late.headers.get('location') ?? ''))).rejects.toThrow();
  });
});

test.describe('Settings → Accounts: "Use XSI events"', () => {
  /** In open Settings: fills the integration form for the built-in line, sets "Use XSI events", and signs in; returns the URL the app opened. */
  async function signInWith(app: Page, harness: Harness, line: TestLine, xsi: boolean): Promise<URL> {
    const webex = app.getByRole('group', { name: 'Webex' });
    await webex.getByRole('textbox', { name: 'Client ID' }).fill(line.oauth.client.id);
    await webex.getByLabel('Client secret').fill(line.oauth.client.secret);
    await useBuiltInLine(app, line);
    const box = webex.getByRole('checkbox', { name: 'Use XSI events' });
    if (xsi) await box.check();
    else await box.uncheck();
    const opened = harness.ports.browser.nextUrl();
    await webex.getByRole('button', { name: 'Sign in with Webex' }).click();
    return new URL(await opened);
  }

  test('lists spark:xsi to register, asks for it, and names it when Webex does not grant it', async ({ app, harness, line }) => {
    const webex = (await openAccounts(app)).getByRole('group', { name: 'Webex' });
    const toRegister = webex.getByText(/^Create an integration on developer\.webex\.com/);
    await expect(toRegister).toBeVisible();
    await expect(toRegister.locator('code', { hasText: 'spark:xsi' })).toHaveCount(0);
    await webex.getByRole('checkbox', { name: 'Use XSI events' }).check();
    await expect(toRegister.locator('code').last()).toHaveText('spark:xsi');

    // An integration registered without spark:xsi: Webex grants the rest.
    line.oauth.setGrantedScopes([...WEBEX_SCOPES]);
    const authorizeUrl = await signInWith(app, harness, line, true);
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual([...WEBEX_SCOPES, 'spark:xsi']);
    expect((await followInBrowser(authorizeUrl)).status).toBe(200);
    await expect(webex.getByRole('status').first()).toContainText('Signed in as Alex Morgan');
    await expect(webex).toContainText('Some features are unavailable');
    await expect(webex.getByRole('listitem').filter({ hasText: 'spark:xsi' })).toHaveText('spark:xsi, needed for live call events through XSI');
  });

  test('[EVT-20] in an organisation with XSI, an integration sign-in goes live through XSI only with "Use XSI events"', async ({ app, harness, line }) => {
    line.xsi.setEnabled(true);
    const header = app.getByRole('banner');
    const webex = app.getByRole('group', { name: 'Webex' });
    const closeSettings = () => app.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).last().click();

    await openAccounts(app);
    const without = await signInWith(app, harness, line, false);
    expect(without.searchParams.get('scope')?.split(' ')).not.toContain('spark:xsi');
    expect((await followInBrowser(without)).status).toBe(200);
    await expect(webex.getByRole('status').first()).toContainText('Signed in as Alex Morgan');
    await closeSettings();
    await expect(header).toContainText('Refreshing every');
    await expect(header.getByText('Live: XSI events', { exact: true })).toHaveCount(0);

    await openAccounts(app);
    await webex.getByRole('button', { name: 'Sign out' }).click();
    await expect(webex.getByRole('status').first()).toHaveText('Not signed in.');
    const withXsi = await signInWith(app, harness, line, true);
    expect(withXsi.searchParams.get('scope')?.split(' ')).toContain('spark:xsi');
    expect((await followInBrowser(withXsi)).status).toBe(200);
    await expect(webex.getByRole('status').first()).toContainText('Signed in as Alex Morgan');
    await closeSettings();
    await expect(header.getByText('Live: XSI events', { exact: true })).toBeVisible();
    await expect(header).toContainText('Webex · Alex Morgan');
    const calls = app.getByRole('list', { name: 'Active calls' });
    const call = line.control.incomingCall({ from: { name: 'Xena Push', number: '+14155550177' } });
    await expect(calls.getByText('Xena Push')).toBeVisible();
    line.control.remoteHangup(call);
  });
});

test.describe('a personal access token', () => {
  test.use({ patLifetimeMs: 4000 });
  test('shows when it expires, then says plainly that it has', async ({ app, line }) => {
    const accounts = await openAccounts(app);
    await useBuiltInLine(app, line);
    await accounts.getByText('Use a personal access token instead').click();
    await accounts.getByLabel('Personal access token').fill(line.token);
    await accounts.getByRole('button', { name: 'Use token' }).click();
    const webex = accounts.getByRole('group', { name: 'Webex' });
    await expect(webex.getByRole('status')).toContainText('Signed in as Alex Morgan (alex.morgan@example.com) with a personal access token. It expires at');
    await expect(webex.getByRole('status')).toContainText('Your personal access token expired at', { timeout: 8000 });
    await expect(webex.getByRole('alert')).toHaveText(
      'Your personal access token has expired (they last 12 hours). Paste a new one to control calls again.',
    );
  });
});

test.describe('on Linux without a keyring (basic_text)', () => {
  test.use({ keychain: 'obfuscated' });
  test('says secrets would only be obfuscated and keeps them for the session unless asked', async ({ app }) => {
    const accounts = await openAccounts(app);
    await expect(accounts.getByRole('note')).toContainText('Secrets saved to disk would only be obfuscated, not encrypted');
    await expect(accounts.getByRole('note')).toContainText('keeps them in memory for this session only');
    const consent = accounts.getByRole('checkbox', { name: /Store secrets on disk anyway \(obfuscated only\)/ });
    await expect(consent).not.toBeChecked();
    await consent.check();
    await expect(consent).toBeChecked();
  });
});
