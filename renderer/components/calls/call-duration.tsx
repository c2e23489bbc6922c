import type { Call } from '../../../preload/contract';
import { formatDuration, secondsSince } from '../../../preload/common/duration';
import { useNow } from '../../hooks/use-now';

/** Its own component so only this text re-renders on each tick. */
export function CallDuration({ call }: { call: Call }) {
  const now = useNow();
  // A ringing call counts from when it started ringing; an answered one from the answer.
  const since = call.state === 'alerting' ? call.createdAt : (call.answeredAt ?? call.createdAt);
  return (
    <span role="timer" className="call-duration">
      {formatDuration(secondsSince(since, now))}
    </span>
  );
}
