import type { LineStatus } from '../../../preload/contract';
import { useAppStore } from '../../store/store-context';

const HEADLINES: Partial<Record<LineStatus['state'], string>> = {
  offline: "Offline — CallDeck can't reach your line. Call controls return when it's back.",
  'rate-limited': 'The phone service asked CallDeck to slow down. Call controls may lag for a moment.',
  unauthorized: 'Signed out — sign in again to control your calls.',
  error: "Your line isn't responding as expected. Call controls are paused.",
};

/** Explains why call controls are missing whenever the line is not healthy. */
export function LineBanner() {
  const line = useAppStore((s) => s.calls.line);
  const headline = line ? HEADLINES[line.state] : undefined;
  if (!line || !headline) return null;
  // Losing the line matters at once; the other states can wait for a pause in speech.
  const urgent = line.state === 'offline' || line.state === 'error';
  return (
    <div role={urgent ? 'alert' : 'status'} className={`banner banner-${line.state}`}>
      <p className="banner-headline">{headline}</p>
      {line.message && <p className="banner-detail">{line.message}</p>}
      {line.retryAt && <p className="banner-detail">Retrying at {formatClock(line.retryAt)}.</p>}
    </div>
  );
}

function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}
