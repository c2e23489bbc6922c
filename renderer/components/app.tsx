import { useState } from 'react';
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
import { MeetingsView } from './meetings/meetings-view';

type View = 'calls' | 'meetings';
const VIEWS: { id: View; label: string }[] = [
  { id: 'calls', label: 'Calls' },
  { id: 'meetings', label: 'Meetings' },
];

export function App() {
  const dialogOpen = useAppStore((s) => s.ui.dialog !== null);
  const [view, setView] = useState<View>('calls');
  return (
    <>
      {/* inert keeps clicks, Tab and screen readers out of the app while a dialog is open. */}
      <div className="shell" inert={dialogOpen}>
        <AppHeader />
        <LineBanner />
        <MessageCenter />
        <div role="tablist" aria-label="Views" className="view-tabs">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`tab-${v.id}`}
              aria-controls={`view-${v.id}`}
              aria-selected={view === v.id}
              className="view-tab"
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
        {/* The calls view stays mounted (hidden) so a half-typed number survives a look at meetings. */}
        <main className="layout" id="view-calls" role="tabpanel" aria-labelledby="tab-calls" hidden={view !== 'calls'}>
          <ActiveCalls />
          <div className="side">
            <Dialer />
            <OtherActions />
            <CallHistory />
          </div>
        </main>
        {/* Mounted only while shown: VideoSDK is polled only while its list is on screen. */}
        {view === 'meetings' && (
          <main className="layout" id="view-meetings" role="tabpanel" aria-labelledby="tab-meetings">
            <MeetingsView />
          </main>
        )}
      </div>
      <DialogHost />
      <DesktopFeedback />
    </>
  );
}
