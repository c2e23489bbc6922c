import { useLiveText } from './use-live-text';
import './live-updates.css';

/** The header's word on which source keeps the calls live; the reason push is off in its tooltip. */
export function LiveStatus() {
  const { text, problem } = useLiveText();
  if (text === '') return null;
  return (
    <span className="live-source" aria-live="polite" title={problem}>
      {text}
    </span>
  );
}
