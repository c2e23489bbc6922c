import { useAppStore } from '../../store/store-context';
import './desktop.css';

/**
 * The brief message after a hotkey or tray item ("No call is ringing."). Main clears it after a
 * few seconds; the region stays in the page so screen readers are listening before it speaks.
 */
export function DesktopFeedback() {
  const feedback = useAppStore((s) => s.desktop.state?.feedback ?? null);
  return (
    <div className="desktop-feedback" role="status" aria-live="polite">
      {feedback && (
        <p key={feedback.id} className={`toast toast-${feedback.tone}`}>
          {feedback.text}
        </p>
      )}
    </div>
  );
}
