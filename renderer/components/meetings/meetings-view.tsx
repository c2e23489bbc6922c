import { useEffect } from 'react';
import { WATCH_RENEW_MS } from '../../../preload/common/meetings';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { ErrorBlock } from '../shared/error-block';
import { ErrorDetails } from '../shared/error-details';
import { CalloutForm } from './callout-form';
import { CallingOutList } from './calling-out-list';
import { MeetingHeader } from './meeting-header';
import { OpenMeetingForm } from './open-meeting-form';
import { ParticipantsList } from './participants-list';
import { ScopesNeeded } from './scopes-needed';
import { VideoSdkRegion } from '../videosdk/videosdk-region';
import './meetings.css';

/**
 * The Meetings view. While it is on screen main polls the open meeting's roster; mounting says
 * "watch", unmounting says "unwatch", so closing the view (or the window) stops the requests.
 */
export function MeetingsView() {
  const meetings = useCommands('meetings');
  const [access, meeting, syncError, rosterHidden] = useAppStore(
    useShallow(
      (s) => [s.meetings.snapshot?.access, s.meetings.snapshot?.meeting ?? null, s.meetings.snapshot?.sync.error, s.meetings.snapshot?.rosterHidden] as const,
    ),
  );

  useEffect(() => {
    void meetings.watch();
    // Main lets a watch lapse unless renewed, so a reloaded or crashed window cannot keep it polling.
    const renew = setInterval(() => void meetings.watch(), WATCH_RENEW_MS);
    return () => {
      clearInterval(renew);
      void meetings.unwatch();
    };
  }, [meetings]);

  // The Webex meeting and VideoSDK's SIP calls share the column; each polls only while shown here.
  return (
    <div className="side">
      <section className="pane meetings" aria-label="Meeting">
        <h2 className="pane-title">Meetings</h2>
        {access?.state === 'needs-scopes' ? (
          <ScopesNeeded scopes={access.scopes} howTo={access.howTo} />
        ) : (
          <>
            <OpenMeetingForm />
            {meeting && (
              <>
                <MeetingHeader meeting={meeting} />
                {rosterHidden ? (
                  // A cohost may not list the roster; everything a cohost can do stays below.
                  <div className="message roster-hidden" role="status" aria-label="Participant list">
                    <ErrorDetails title="Only the host sees the participant list" error={rosterHidden} />
                  </div>
                ) : (
                  <>
                    {syncError && <ErrorBlock failure={{ title: "Couldn't refresh the participants", error: syncError }} />}
                    <ParticipantsList />
                  </>
                )}
                <CalloutForm />
                <CallingOutList />
              </>
            )}
          </>
        )}
      </section>
      <VideoSdkRegion />
    </div>
  );
}
