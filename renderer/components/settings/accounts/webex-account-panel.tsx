import { useId, useState } from 'react';
import { WEBEX_DEFAULT_BASE_URL } from '../../../../preload/common/accounts';
import type { WebexAccount } from '../../../../preload/contract';
import { formatExpiry, formatRemaining } from '../../../format/expiry';
import { useNow } from '../../../hooks/use-now';
import { ACCOUNT_KEYS } from '../../../store/accounts-commands';
import { useAppStore } from '../../../store/store-context';
import { TextField } from '../../shared/text-input';
import { InlineFailure } from './inline-failure';
import { MissingScopes } from './missing-scopes';
import { PatForm } from './pat-form';
import { WebexIntegrationForm } from './webex-integration-form';
import { useCommands } from '../../../store/use-commands';

/** One Webex account: who is signed in and how, or the ways to sign in. */
export function WebexAccountPanel({ account }: { account?: WebexAccount }) {
  const headingId = useId();
  const commands = useCommands('accounts');
  const signingOut = useAppStore((s) => s.ui.pending[ACCOUNT_KEYS.signOut] === true);
  const status = account?.status ?? 'signed-out';
  // Shared by both ways in; only changed to reach another Webex-compatible service (or the built-in line).
  const [baseUrl, setBaseUrl] = useState(account?.baseUrl ?? WEBEX_DEFAULT_BASE_URL);

  return (
    <div className="account-panel" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>Webex</h4>
      <p className="account-status" role="status">
        <StatusText account={account} />
      </p>
      {account?.problem && (
        <p role="alert" className="account-problem">
          {account.problem}
        </p>
      )}
      {status === 'signing-in' && account && (
        <button type="button" className="btn" onClick={() => void commands.cancelSignIn(account.id)}>
          Cancel sign-in
        </button>
      )}
      {status === 'signed-in' && account && <MissingScopes missing={account.missingScopes} />}
      {(status === 'signed-in' || status === 'expired') && account && (
        <button
          type="button"
          className="btn"
          aria-busy={signingOut}
          aria-disabled={signingOut}
          onClick={() => !signingOut && void commands.signOut(account.id)}
        >
          Sign out
        </button>
      )}
      <InlineFailure source={ACCOUNT_KEYS.signOut} />
      {status !== 'signed-in' && status !== 'signing-in' && (
        <>
          <WebexIntegrationForm account={account} baseUrl={baseUrl} />
          <PatForm account={account} baseUrl={baseUrl} />
          <details>
            <summary>Advanced</summary>
            <TextField id={`${headingId}-base`} label="Webex API address" value={baseUrl} onChange={setBaseUrl} />
          </details>
        </>
      )}
    </div>
  );
}

function StatusText({ account }: { account: WebexAccount | undefined }) {
  const now = useNow();
  if (!account || account.status === 'signed-out') return <>Not signed in.</>;
  if (account.status === 'signing-in') {
    const until = account.signInDeadline ? ` CallDeck waits until ${formatExpiry(account.signInDeadline)}.` : '';
    return <>Waiting for you to finish signing in in your web browser…{until}</>;
  }
  const who = account.user ? `${account.user.displayName}${account.user.email ? ` (${account.user.email})` : ''}` : 'your Webex account';
  if (account.status === 'expired') {
    return <>{account.expiresAt ? `Your personal access token expired at ${formatExpiry(account.expiresAt)}.` : 'Your personal access token has expired.'}</>;
  }
  const pat =
    account.method === 'pat' && account.expiresAt
      ? ` with a personal access token. It expires at ${formatExpiry(account.expiresAt)} (in ${formatRemaining(Date.parse(account.expiresAt) - now)}).`
      : '.';
  return (
    <>
      Signed in as {who}
      {pat}
      {account.inUse ? ' CallDeck controls this line.' : ''}
    </>
  );
}
