import { useAppStore } from '../store/store-context';
import { ActiveCalls } from './active-calls';
import { AppHeader } from './app-header';
import { CallHistory } from './call-history';
import { DialogHost } from './dialog-host';
import { DesktopFeedback } from './desktop/desktop-feedback';
import { Dialer } from './dialer';
import { LineBanner } from './line-banner';
import { MeetingsView } from './meetings/meetings-view';
import { MessageCenter } from './message-center';
import { OtherActions } from './other-actions';

export function App() {
  const dialogOpen = useAppStore((s) => s.ui.dialog !== null);
  const meetingsOpen = useAppStore((s) => s.meetings.viewOpen);
  return (
    <>
      {/* inert keeps clicks, Tab and screen readers out of the app while a dialog is open. */}
      <div className="shell" inert={dialogOpen}>
        <AppHeader />
        <LineBanner />
        <MessageCenter />
        <main className="layout">
          <ActiveCalls />
          {/* Meetings takes the side column; the live calls stay in view and keep working. */}
          {meetingsOpen ? (
            <MeetingsView />
          ) : (
            <div className="side">
              <Dialer />
              <OtherActions />
              <CallHistory />
            </div>
          )}
        </main>
      </div>
      <DialogHost />
      <DesktopFeedback />
    </>
  );
}
