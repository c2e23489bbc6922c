import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import type { AccountsSnapshot, SealedSecret, WebexAccount } from '../../../preload/contract';
import { FakeCallDeckApi, NO_ACCOUNTS } from './fake-api';
import { flush, renderApp } from './render-app';

afterEach(cleanup);

const WEBEX: WebexAccount = {
  kind: 'webex',
  id: 'webex-abc123',
  baseUrl: 'https://webexapis.com/v1',
  clientId: 'C0ffee',
  hasClientSecret: true,
  redirectUri: 'http://localhost:6001/callback',
  status: 'signed-out',
  missingScopes: [],
  useMeetings: false,
  useXsi: false,
  inUse: false,
};
const withWebex = (patch: Partial<WebexAccount>): AccountsSnapshot => ({ ...NO_ACCOUNTS, accounts: [{ ...WEBEX, ...patch }] });

async function openAccounts(api = new FakeCallDeckApi()) {
  await renderApp([], api);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  // Settings loads lazily: wait for its chunk, as a person waits for the dialog.
  const section = await screen.findByRole('region', { name: 'Accounts' }, { timeout: 10_000 });
  return { api, user, section };
}

async function emit(api: FakeCallDeckApi, snapshot: AccountsSnapshot) {
  await act(async () => api.emitAccounts(snapshot));
  await flush();
}

describe('Settings → Accounts', () => {
  test('signing in sends the client secret sealed, then starts the sign-in, and forgets the secret', async () => {
    const api = new FakeCallDeckApi();
    api.respond('accounts:configureWebex', () => ({ ok: true, value: withWebex({ hasClientSecret: true }) }));
    const { user, section } = await openAccounts(api);
    const webex = within(section).getByRole('group', { name: 'Webex' });

    expect((within(webex).getByRole('textbox', { name: 'Redirect URI' }) as HTMLInputElement).value).toBe('http://localhost:6001/callback');
    await user.type(within(webex).getByRole('textbox', { name: 'Client ID' }), 'C0ffee');
    await user.type(within(webex).getByLabelText('Client secret'), 'cs-very-secret');
    await user.click(within(webex).getByRole('button', { name: 'Sign in with Webex' }));
    await waitFor(() => expect(api.invoked('accounts:signIn')).toHaveLength(1));

    const [configured] = api.invoked('accounts:configureWebex');
    expect(configured).toMatchObject({ clientId: 'C0ffee', redirectUri: 'http://localhost:6001/callback', baseUrl: 'https://webexapis.com/v1' });
    expect(JSON.stringify(api.invocations)).not.toContain('cs-very-secret');
    expect(await api.openSealed(configured!.clientSecret as SealedSecret, 'webex.clientSecret')).toBe('cs-very-secret');
    expect(api.invoked('accounts:signIn')).toEqual([{ id: 'webex-abc123' }]);
    expect((within(webex).getByLabelText('Client secret') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('cs-very-secret');
  });

  test('asks for the client ID and secret before sending anything', async () => {
    const { api, user, section } = await openAccounts();
    await user.click(within(section).getByRole('button', { name: 'Sign in with Webex' }));
    expect(within(section).getByText('Enter the client ID of your integration.')).toBeTruthy();
    expect(within(section).getByText('Enter the client secret of your integration.')).toBeTruthy();
    expect(api.invoked('accounts:configureWebex')).toEqual([]);
  });

  test('while the browser is out, says so and offers Cancel', async () => {
    const api = new FakeCallDeckApi();
    api.accountsState = withWebex({});
    const { user, section } = await openAccounts(api);
    await emit(api, withWebex({ status: 'signing-in', signInDeadline: new Date(Date.now() + 180_000).toISOString() }));
    expect(within(section).getByRole('group', { name: 'Webex' }).textContent).toContain('Waiting for you to finish signing in in your web browser');
    await user.click(within(section).getByRole('button', { name: 'Cancel sign-in' }));
    expect(api.invoked('accounts:cancelSignIn')).toEqual([{ id: 'webex-abc123' }]);
  });

  test('shows a failed sign-in in the dialog, in main\'s words', async () => {
    const api = new FakeCallDeckApi();
    api.accountsState = withWebex({});
    api.respond('accounts:signIn', { ok: false, error: { code: 'timeout', message: 'Sign-in timed out: CallDeck waited 3 minutes and your browser never came back.' } });
    const { user, section } = await openAccounts(api);
    await user.click(within(section).getByRole('button', { name: 'Sign in with Webex' }));
    for (let i = 0; i < 5; i++) await flush();
    expect(within(section).getByRole('alert').textContent).toContain('Sign-in timed out: CallDeck waited 3 minutes');
  });

  test('signed in: who, that the line is theirs, missing scopes by name, and Sign out', async () => {
    const api = new FakeCallDeckApi();
    api.accountsState = withWebex({
      status: 'signed-in',
      method: 'oauth',
      user: { displayName: 'Alex Morgan', email: 'alex@example.com' },
      inUse: true,
      missingScopes: [{ scope: 'spark:calls_write', neededFor: 'answering, holding, transferring and hanging up calls' }],
    });
    const { user, section } = await openAccounts(api);
    const webex = within(section).getByRole('group', { name: 'Webex' });
    expect(within(webex).getByRole('status').textContent).toBe('Signed in as Alex Morgan (alex@example.com). CallDeck controls this line.');
    const scopes = within(webex).getByRole('alert');
    expect(scopes.textContent).toContain('CallDeck can show your calls but not control them');
    expect(scopes.textContent).toContain('spark:calls_write, needed for answering, holding, transferring and hanging up calls');
    expect(within(webex).queryByRole('button', { name: 'Sign in with Webex' })).toBeNull();
    await user.click(within(webex).getByRole('button', { name: 'Sign out' }));
    expect(api.invoked('accounts:signOut')).toEqual([{ id: 'webex-abc123' }]);
  });

  test('"Use XSI events" lists spark:xsi among the scopes to register and sends the choice with the integration', async () => {
    const api = new FakeCallDeckApi();
    api.accountsState = withWebex({});
    api.respond('accounts:configureWebex', () => ({ ok: true, value: withWebex({ useXsi: true }) }));
    const { user, section } = await openAccounts(api);
    const webex = within(section).getByRole('group', { name: 'Webex' });
    const form = within(webex).getByRole('form', { name: 'Sign in with your Webex integration' });
    const xsi = within(webex).getByRole('checkbox', { name: 'Use XSI events' });
    expect((xsi as HTMLInputElement).checked).toBe(false);
    // The paragraph that lists the scopes to register on developer.webex.com.
    const toRegister = () => [...(within(form).getByText(/^Create an integration on developer\.webex\.com/).querySelectorAll('code'))].map((c) => c.textContent);
    expect(toRegister()).toContain('spark:calls_read');
    expect(toRegister()).not.toContain('spark:xsi');
    expect(xsi.getAttribute('aria-describedby') && document.getElementById(xsi.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Cisco must have switched XSI on for your organisation.*spark:xsi/,
    );

    await user.click(xsi);
    expect(toRegister().at(-1)).toBe('spark:xsi');
    await user.click(within(webex).getByRole('button', { name: 'Sign in with Webex' }));
    await waitFor(() => expect(api.invoked('accounts:signIn')).toHaveLength(1));
    expect(api.invoked('accounts:configureWebex')[0]).toMatchObject({ useXsi: true, useMeetings: false });
  });

  test('an account that opted in shows "Use XSI events" ticked, and spark:xsi missing in words', async () => {
    const api = new FakeCallDeckApi();
    api.accountsState = withWebex({ useXsi: true });
    const { section } = await openAccounts(api);
    const webex = within(section).getByRole('group', { name: 'Webex' });
    expect((within(webex).getByRole('checkbox', { name: 'Use XSI events' }) as HTMLInputElement).checked).toBe(true);
    await emit(api, withWebex({ useXsi: true, status: 'signed-in', method: 'oauth', inUse: true, missingScopes: [{ scope: 'spark:xsi', neededFor: 'live call events through XSI' }] }));
    const missing = within(webex).getAllByRole('status').find((el) => el.classList.contains('missing-scopes'));
    expect(missing?.textContent).toContain('Some features are unavailable');
    expect(missing?.textContent).toContain('spark:xsi, needed for live call events through XSI');
  });

  test('a personal access token: sealed, with its expiry, and plainly expired', async () => {
    const api = new FakeCallDeckApi();
    const { user, section } = await openAccounts(api);
    await user.click(within(section).getByText('Use a personal access token instead'));
    await user.type(within(section).getByLabelText('Personal access token'), 'pat-abc-123');
    await user.click(within(section).getByRole('button', { name: 'Use token' }));
    await waitFor(() => expect(api.invoked('accounts:usePat')).toHaveLength(1));
    const [sent] = api.invoked('accounts:usePat');
    expect(await api.openSealed(sent!.token, 'webex.pat')).toBe('pat-abc-123');
    expect(JSON.stringify(api.invocations)).not.toContain('pat-abc-123');

    const expiresAt = new Date(Date.now() + 12 * 3600_000 - 60_000).toISOString();
    await emit(api, withWebex({ status: 'signed-in', method: 'pat', expiresAt, user: { displayName: 'Alex Morgan' }, inUse: true }));
    expect(within(section).getByRole('group', { name: 'Webex' }).textContent).toMatch(/with a personal access token\. It expires at .+ \(in 11 h 59 min\)/);

    const problem = 'Your personal access token has expired (they last 12 hours). Paste a new one to control calls again.';
    await emit(api, withWebex({ status: 'expired', method: 'pat', expiresAt, problem }));
    const webex = within(section).getByRole('group', { name: 'Webex' });
    expect(within(webex).getByRole('status').textContent).toMatch(/^Your personal access token expired at /);
    expect(within(webex).getByRole('alert').textContent).toBe(problem);
  });

  test('a problem main raises on its own reaches the message list once, even behind the dialog', async () => {
    const api = new FakeCallDeckApi();
    const { user } = await openAccounts(api);
    const problem = 'You were signed out of Webex. Webex would not renew the sign-in. Sign in again; your integration settings are kept.';
    await emit(api, withWebex({ problem }));
    await emit(api, withWebex({ problem }));
    await user.keyboard('{Escape}');
    const alerts = screen.getAllByRole('alert').filter((a) => a.textContent?.includes(problem));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.textContent).toContain('Webex account');
  });

  test('says in words that basic_text only obfuscates, and asks before storing', async () => {
    const api = new FakeCallDeckApi();
    api.accountsState = { accounts: [], storage: { protection: 'obfuscated', backend: 'basic_text', persist: false } };
    const { user, section } = await openAccounts(api);
    expect(within(section).getByRole('note').textContent).toMatch(/would only be obfuscated, not encrypted/);
    expect(within(section).getByRole('note').textContent).toMatch(/in memory for this session only/);
    const consent = within(section).getByRole('checkbox', { name: /Store secrets on disk anyway \(obfuscated only\)/ }) as HTMLInputElement;
    expect(consent.checked).toBe(false);
    await user.click(consent);
    expect(api.invoked('accounts:setPersistence')).toEqual([{ persist: true }]);
  });

  test('VideoSDK keys: the secret is sealed and never shown again', async () => {
    const api = new FakeCallDeckApi();
    api.respond('accounts:configureVideoSdk', { ok: true, value: { ...NO_ACCOUNTS, accounts: [{ kind: 'videosdk', id: 'videosdk-xyz1', apiKey: 'vk-1', baseUrl: 'https://api.videosdk.live', hasSecret: true }] } });
    const { user, section } = await openAccounts(api);
    const panel = within(section).getByRole('form', { name: 'VideoSDK' });
    await user.type(within(panel).getByRole('textbox', { name: 'API key' }), 'vk-1');
    await user.type(within(panel).getByLabelText('API secret'), 'vs-secret-9');
    await user.click(within(panel).getByRole('button', { name: 'Save VideoSDK keys' }));
    await waitFor(() => expect(api.invoked('accounts:configureVideoSdk')).toHaveLength(1));
    await flush();
    const [sent] = api.invoked('accounts:configureVideoSdk');
    expect(sent).toMatchObject({ apiKey: 'vk-1' });
    expect(await api.openSealed(sent!.secret!, 'videosdk.secret')).toBe('vs-secret-9');
    expect(document.body.innerHTML).not.toContain('vs-secret-9');
    const saved = within(section).getByRole('form', { name: 'VideoSDK' });
    expect(within(saved).getByRole('status').textContent).toBe('API key and secret saved.');
    expect((within(saved).getByLabelText('API secret') as HTMLInputElement).placeholder).toBe('Stored. Type to replace it.');
  });
});
