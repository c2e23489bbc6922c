import type { OpenMeeting } from '../../../preload/contract';
import { formatMeetingNumber } from './meeting-number';

export function MeetingHeader({ meeting }: { meeting: OpenMeeting }) {
  return (
    <header className="meeting-header">
      <h3 className="meeting-title">{meeting.title}</h3>
      <p className="meeting-number">
        {meeting.number !== undefined ? <>Meeting number {formatMeetingNumber(meeting.number)}</> : <>Meeting ID {meeting.id}</>}
      </p>
      {meeting.listed === false && (
        <p className="hint">Webex does not list the running meeting yet, so CallDeck reads it through its schedule and calls out by meeting number.</p>
      )}
    </header>
  );
}
