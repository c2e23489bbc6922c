import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { WebexAccount } from '../../../../preload/contract';
import { ACCOUNT_KEYS } from '../../../store/accounts-commands';
import { useAppStore } from '../../../store/store-context';
import { SecretField } from '../../shared/text-input';
import { InlineFailure } from './inline-failure';
import { useCommands } from '../../../store/use-commands';

/** The quick way in for a developer: a personal access token, good for 12 hours. */
export function PatForm({ account, baseUrl }: { account: WebexAccount | undefined; baseUrl: string }) {
  const id = useId();
  const accounts = useCommands('accounts');
  const busy = useAppStore((s) => s.ui.pending[ACCOUNT_KEYS.usePat] === true);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (token.trim() === '') {
      setError('Paste your personal access token.');
      return;
    }
    setError(undefined);
    void accounts.usePat({ token, baseUrl, ...(account ? { id: account.id } : {}) }, () => setToken(''));
  }

  return (
    <details className="account-form" open={account?.status === 'expired' || undefined}>
      <summary>Use a personal access token instead</summary>
      <form onSubmit={onSubmit} noValidate>
        <p className="hint">Copy it from developer.webex.com after signing in there. It works for 12 hours; CallDeck tells you when it runs out.</p>
        <SecretField id={`${id}-pat`} label="Personal access token" value={token} onChange={setToken} error={error} stored={false} />
        <button type="submit" className="btn" aria-busy={busy} aria-disabled={busy}>
          Use token
        </button>
        <InlineFailure source={ACCOUNT_KEYS.usePat} />
      </form>
    </details>
  );
}
