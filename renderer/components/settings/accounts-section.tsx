import { useId } from 'react';
import type { VideoSdkAccount, WebexAccount } from '../../../preload/contract';
import { useAppStore } from '../../store/store-context';
import { SecretStorageNote } from './accounts/secret-storage-note';
import { VideoSdkPanel } from './accounts/videosdk-panel';
import { WebexAccountPanel } from './accounts/webex-account-panel';
import './accounts/accounts.css';

/** Settings → Accounts: the Webex line, VideoSDK keys, and where their secrets are kept. */
export function AccountsSection() {
  const headingId = useId();
  const snapshot = useAppStore((s) => s.accounts.snapshot);
  const webex = snapshot?.accounts.filter((a): a is WebexAccount => a.kind === 'webex') ?? [];
  const videoSdk = snapshot?.accounts.filter((a): a is VideoSdkAccount => a.kind === 'videosdk') ?? [];
  return (
    <section className="settings-section accounts-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Accounts</h3>
      {!snapshot ? (
        <p className="hint">Loading accounts…</p>
      ) : (
        <>
          <SecretStorageNote storage={snapshot.storage} />
          {/* Keyed by position: saving a new account must not remount the form being typed in. */}
          {(webex.length > 0 ? webex : [undefined]).map((account, i) => (
            <WebexAccountPanel key={`webex-${i}`} {...(account ? { account } : {})} />
          ))}
          {(videoSdk.length > 0 ? videoSdk : [undefined]).map((account, i) => (
            <VideoSdkPanel key={`videosdk-${i}`} {...(account ? { account } : {})} />
          ))}
        </>
      )}
    </section>
  );
}
