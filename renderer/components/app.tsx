import { useAppStore } from '../store/store-context';
import { ActiveCalls } from './calls/active-calls';
import { AppHeader } from './window/app-header';
import { DialogHost } from './window/dialog-host';
import { DesktopFeedback } from './desktop/desktop-feedback';
import { Dialer } from './calls/dialer';
import { LineBanner } from './window/line-banner';
// Loaded when first opened: see lazy-views.
import { CallHistory, MeetingsView, QueueAvailability } from './window/lazy-views';
import { MessageCenter } from './window/message-center';
import { OtherActions } from './calls/other-actions';
import { StoredFileNotices } from './window/stored-file-notices';

export function App() {
  const dialogOpen = useAppStore((s) => s.ui.dialog !== null);
  const meetingsOpen = useAppStore((s) => s.meetings.viewOpen);
  return (
    <>
      {/* inert keeps clicks, Tab and screen readers out of the app while a dialog is open. */}
      <div className="shell" inert={dialogOpen}>
        <AppHeader />
        <LineBanner />
        <StoredFileNotices />
        <MessageCenter />
        <main className={meetingsOpen ? 'layout layout-meetings' : 'layout'}>
          <ActiveCalls />
          {/* Meetings takes the side column; the live calls stay in view and keep working. */}
          {meetingsOpen ? (
            <MeetingsView />
          ) : (
            <div className="side">
              <Dialer />
              <OtherActions />
              <CallHistory />
              <QueueAvailability />
            </div>
          )}
        </main>
      </div>
      <DialogHost />
      <DesktopFeedback />
    </>
  );
}
