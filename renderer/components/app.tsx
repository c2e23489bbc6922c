import { useAppStore } from '../store/store-context';
import { ActiveCalls } from './calls/active-calls';
import { AppHeader } from './window/app-header';
import { CallHistory } from './calls/call-history';
import { DialogHost } from './window/dialog-host';
import { DesktopFeedback } from './desktop/desktop-feedback';
import { Dialer } from './calls/dialer';
import { LineBanner } from './window/line-banner';
import { MessageCenter } from './window/message-center';
import { OtherActions } from './calls/other-actions';
import { StoredFileNotices } from './window/stored-file-notices';

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
