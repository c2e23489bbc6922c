import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { SipCallForm } from './sip-call-form';
import { SipCallList } from './sip-call-list';
import './videosdk.css';

/** How often the window renews its watch; main stops polling a minute after the last one. */
const RENEW_WATCH_MS = 20_000;

/**
 * The VideoSDK region of the Meetings view: dial a phone or SIP address into a VideoSDK room and
 * follow the SIP calls. Main polls VideoSDK only while this is on screen.
 */
export function VideoSdkRegion() {
  const commands = useCommands('videosdk');
  const account = useAppStore((s) => s.videosdk.snapshot?.account);

  // The bridge is bound at start-up, before any view can be opened.
  useEffect(() => {
    void commands.watch(true);
    const renew = setInterval(() => void commands.watch(true), RENEW_WATCH_MS);
    return () => {
      clearInterval(renew);
      void commands.watch(false);
    };
  }, [commands]);

  return (
    <section className="pane videosdk" aria-labelledby="videosdk-heading">
      <h2 id="videosdk-heading" className="pane-title">
        VideoSDK
      </h2>
      {account === undefined ? (
        <p className="empty">Loading…</p>
      ) : !account.available ? (
        <NoAccount />
      ) : (
        <>
          {account.source === 'demo' && account.demo && (
            <p className="hint">
              Demo line: SIP calls go to CallDeck&apos;s built-in VideoSDK. Try trunk <code>{account.demo.trunkId}</code> or gateway{' '}
              <code>{account.demo.gatewayId}</code>
              {account.demo.roomId ? (
                <>
                  {' '}
                  with room <code>{account.demo.roomId}</code>.
                </>
              ) : (
                '.'
              )}
            </p>
          )}
          <SipCallForm />
          <SipCallList />
        </>
      )}
    </section>
  );
}

function NoAccount() {
  const store = useStoreApi();
  return (
    <div className="empty">
      <p className="empty-title">VideoSDK is not set up</p>
      <p className="hint">To dial phones and SIP addresses into VideoSDK rooms, add your VideoSDK API key and secret in Settings → Accounts.</p>
      <button type="button" className="btn" onClick={() => store.getState().ui.openDialog({ kind: 'settings' })}>
        Open Settings
      </button>
    </div>
  );
}
