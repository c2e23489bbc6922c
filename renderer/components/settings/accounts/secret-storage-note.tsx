import { useState } from 'react';
import type { SecretStorage } from '../../../../preload/contract';
import { ACCOUNT_KEYS } from '../../../store/accounts-commands';
import { useAppStore } from '../../../store/store-context';
import { InlineFailure } from './inline-failure';
import { useCommands } from '../../../store/use-commands';

/** Says in words how well secrets are protected here, and lets the person choose whether they outlive the session. */
export function SecretStorageNote({ storage }: { storage: SecretStorage }) {
  const accounts = useCommands('accounts');
  const busy = useAppStore((s) => s.ui.pending[ACCOUNT_KEYS.persistence] === true);
  // Show the choice at once; main's answer (or its refusal) settles it.
  const [asked, setAsked] = useState<boolean>();
  const toggle = (persist: boolean) => {
    setAsked(persist);
    void accounts
      .setPersistence(persist)
      .finally(() => setAsked(undefined));
  };

  return (
    <div className={`secret-storage secret-storage-${storage.protection}`}>
      {storage.protection === 'keychain' && (
        <p>Passwords and tokens are encrypted by your system keychain ({storage.backend}) before CallDeck saves them.</p>
      )}
      {storage.protection === 'obfuscated' && (
        <p role="note">
          This computer has no keyring CallDeck can use ({storage.backend}). Secrets saved to disk would only be obfuscated, not
          encrypted: anyone who can read your files could recover them. So by default CallDeck keeps them in memory for this session
          only, and you sign in again after a restart.
        </p>
      )}
      {storage.protection === 'unavailable' && (
        <p role="note">
          This computer offers CallDeck no way to encrypt secrets, so they stay in memory for this session only. You will sign in again
          after CallDeck restarts.
        </p>
      )}
      {storage.protection !== 'unavailable' && (
        <label className="check">
          <input type="checkbox" checked={asked ?? storage.persist} aria-busy={busy} disabled={busy} onChange={(e) => toggle(e.target.checked)} />
          {storage.protection === 'obfuscated'
            ? 'Store secrets on disk anyway (obfuscated only), so I stay signed in after a restart'
            : 'Stay signed in after CallDeck restarts'}
        </label>
      )}
      <InlineFailure source={ACCOUNT_KEYS.persistence} />
    </div>
  );
}
