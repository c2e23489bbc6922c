import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { WEBEX_DEFAULT_REDIRECT_URI, integrationScopes } from '../../../../preload/common/accounts';
import type { WebexAccount } from '../../../../preload/contract';
import { ACCOUNT_KEYS } from '../../../store/accounts-commands';
import { useAppStore } from '../../../store/store-context';
import { SecretField, TextField } from '../../shared/text-input';
import { InlineFailure } from './inline-failure';
import { useCommands } from '../../../store/use-commands';

/** The person's own Webex integration: client ID and secret, redirect URI; then "Sign in with Webex". */
export function WebexIntegrationForm({ account, baseUrl }: { account: WebexAccount | undefined; baseUrl: string }) {
  const id = useId();
  const accounts = useCommands('accounts');
  const busy = useAppStore((s) => s.ui.pending[ACCOUNT_KEYS.signIn] === true);
  const [clientId, setClientId] = useState(account?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [redirectUri, setRedirectUri] = useState(account?.redirectUri ?? WEBEX_DEFAULT_REDIRECT_URI);
  const [useMeetings, setUseMeetings] = useState(account?.useMeetings ?? false);
  const [useXsi, setUseXsi] = useState(account?.useXsi ?? false);
  const scopes = integrationScopes({ meetings: useMeetings, xsi: useXsi });
  const [errors, setErrors] = useState<{ clientId?: string; clientSecret?: string }>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = {
      ...(clientId.trim() === '' ? { clientId: 'Enter the client ID of your integration.' } : {}),
      ...(clientSecret === '' && !account?.hasClientSecret ? { clientSecret: 'Enter the client secret of your integration.' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void accounts.signIn(
      { ...(account ? { id: account.id } : {}), clientId, clientSecret, redirectUri, baseUrl, useMeetings, useXsi },
      // Main holds it now; the page has no reason to keep it.
      () => setClientSecret(''),
    );
  }

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="account-form-title">
        Sign in with your Webex integration
      </p>
      <p className="hint">
        Create an integration on developer.webex.com with the redirect URI below and these scopes:{' '}
        {scopes.map((scope, i) => (
          <span key={scope}>
            {i > 0 && ', '}
            <code>{scope}</code>
          </span>
        ))}
        .
      </p>
      <TextField id={`${id}-client-id`} label="Client ID" value={clientId} onChange={setClientId} error={errors.clientId} />
      <SecretField
        id={`${id}-client-secret`}
        label="Client secret"
        value={clientSecret}
        onChange={setClientSecret}
        error={errors.clientSecret}
        stored={account?.hasClientSecret ?? false}
      />
      <TextField
        id={`${id}-redirect`}
        label="Redirect URI"
        value={redirectUri}
        onChange={setRedirectUri}
        hint="Must match the integration exactly. Change the port if 6001 is taken."
      />
      <label className="check-field">
        <input type="checkbox" checked={useMeetings} onChange={(e) => setUseMeetings(e.target.checked)} aria-describedby={`${id}-meetings-hint`} />
        Use Webex Meetings
      </label>
      <p id={`${id}-meetings-hint`} className="hint">
        Adds the meeting scopes to sign-in, for the Meetings view (roster, call-out). Your integration must have them; leave this off
        if it does not.
      </p>
      <label className="check-field">
        <input type="checkbox" checked={useXsi} onChange={(e) => setUseXsi(e.target.checked)} aria-describedby={`${id}-xsi-hint`} />
        Use XSI events
      </label>
      <p id={`${id}-xsi-hint`} className="hint">
        Live call events with no public address. Cisco must have switched XSI on for your organisation, and your integration needs the{' '}
        <code>spark:xsi</code> scope; leave this off if it does not have it.
      </p>
      <button type="submit" className="btn btn-primary" aria-busy={busy} aria-disabled={busy}>
        Sign in with Webex
      </button>
      <InlineFailure source={ACCOUNT_KEYS.signIn} />
    </form>
  );
}
