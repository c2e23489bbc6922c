import type { ErrorValue } from '../../../preload/contract';

/** The provider's words plus what support needs; shared by the error list and dialogs. */
export function ErrorDetails({ title, error }: { title: string; error: ErrorValue }) {
  const extra = error.details?.filter((d) => d !== error.message) ?? [];
  return (
    <div className="error-body">
      <p className="error-title">{title}</p>
      <p className="error-message">{error.message}</p>
      {extra.length > 0 && (
        <ul className="error-extra">
          {extra.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {error.retryAfterMs !== undefined && (
        <p className="error-retry">Try again in {Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s.</p>
      )}
      {error.errorCodes && error.errorCodes.length > 0 && (
        <p className="error-code">
          Error code{error.errorCodes.length > 1 ? 's' : ''}: <span className="selectable">{error.errorCodes.join(', ')}</span>
        </p>
      )}
      {error.trackingId && (
        <p className="error-tracking">
          Tracking ID: <span className="selectable">{error.trackingId}</span>
        </p>
      )}
    </div>
  );
}
