import { WEBEX_SCOPES } from '../../preload/contract.js';
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
