import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { VideoSdkAccount } from '../../../../preload/contract';
import { VIDEOSDK_DEFAULT_BASE_URL } from '../../../../preload/common/accounts';
import { ACCOUNT_KEYS } from '../../../store/accounts-commands';
import { useAppStore } from '../../../store/store-context';
import { SecretField, TextField } from '../../shared/text-input';
import { InlineFailure } from './inline-failure';
import { useCommands } from '../../../store/use-commands';

/** VideoSDK API key and secret; main signs short-lived tokens with the secret when it needs one. */
export function VideoSdkPanel({ account }: { account?: VideoSdkAccount }) {
  const id = useId();
  const commands = useCommands('accounts');
  const saving = useAppStore((s) => s.ui.pending[ACCOUNT_KEYS.videoSdk] === true);
  const removing = useAppStore((s) => s.ui.pending[ACCOUNT_KEYS.removeVideoSdk] === true);
  const [apiKey, setApiKey] = useState(account?.apiKey ?? '');
  const [secret, setSecret] = useState('');
  const [baseUrl, setBaseUrl] = useState(account?.baseUrl ?? VIDEOSDK_DEFAULT_BASE_URL);
  const [errors, setErrors] = useState<{ apiKey?: string; secret?: string }>({});

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const found = {
      ...(apiKey.trim() === '' ? { apiKey: 'Enter the API key.' } : {}),
      ...(secret === '' && !account?.hasSecret ? { secret: 'Enter the API secret.' } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void commands.saveVideoSdk({ ...(account ? { id: account.id } : {}), apiKey, secret, baseUrl }, () => setSecret(''));
  }

  return (
    <form className="account-panel" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>VideoSDK</h4>
      <p className="account-status" role="status">
        {account?.hasSecret ? 'API key and secret saved.' : account ? 'API key saved; the secret is missing.' : 'Not set up.'}
      </p>
      {account?.problem && (
        <p role="alert" className="account-problem">
          {account.problem}
        </p>
      )}
      <p className="hint">The secret stays inside CallDeck and is never shown again; CallDeck signs a short-lived token with it for each request. Use it in Meetings → VideoSDK to dial phones and SIP addresses into VideoSDK rooms.</p>
      <TextField id={`${id}-key`} label="API key" value={apiKey} onChange={setApiKey} error={errors.apiKey} />
      <SecretField id={`${id}-secret`} label="API secret" value={secret} onChange={setSecret} error={errors.secret} stored={account?.hasSecret ?? false} />
      <details>
        <summary>Advanced</summary>
        <TextField id={`${id}-base`} label="VideoSDK API address" value={baseUrl} onChange={setBaseUrl} />
      </details>
      <div className="field-row">
        <button type="submit" className="btn btn-primary" aria-busy={saving} aria-disabled={saving}>
          Save VideoSDK keys
        </button>
        {account && (
          <button
            type="button"
            className="btn"
            aria-busy={removing}
            aria-disabled={removing}
            onClick={() => !removing && void commands.removeVideoSdk(account.id)}
          >
            Remove VideoSDK keys
          </button>
        )}
      </div>
      <InlineFailure source={ACCOUNT_KEYS.videoSdk} />
      <InlineFailure source={ACCOUNT_KEYS.removeVideoSdk} />
    </form>
  );
}
