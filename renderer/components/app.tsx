import { useAppStore } from '../store/store-context';
import { ActiveCalls } from './active-calls';
import { AppHeader } from './app-header';
import { CallHistory } from './call-history';
import { DialogHost } from './dialog-host';
import { DesktopFeedback } from './desktop/desktop-feedback';
import { Dialer } from './dialer';
import { LineBanner } from './line-banner';
import { MessageCenter } from './message-center';
import { StoredFileNotices } from './notices/stored-file-notices';
import { OtherActions } from './other-actions';

export function App() {
  const dialogOpen = useAppStore((s) => s.ui.dialog !== null);
  return (
    <>
      {/* inert keeps clicks, Tab and screen readers out of the app while a dialog is open. */}
      <div className="shell" inert={dialogOpen}>
        <AppHeader />
        <LineBanner />
        <StoredFileNotices />
        <MessageCenter />
        <main className="layout">
          <ActiveCalls />
          <div className="side">
            <Dialer />
            <OtherActions />
            <CallHistory />
          </div>
        </main>
      </div>
      <DialogHost />
      <DesktopFeedback />
    </>
  );
}
