import type { ReactNode } from 'react';
import type { ErrorValue } from '../../../preload/contract';
import { ErrorDetails } from './error-details';

/**
 * A failure, announced as an alert: the message list's entries, a dialog's own failure, the
 * accounts form's inline one. `children` holds extras such as a Dismiss button.
 */
export function ErrorBlock({
  failure,
  className = 'message message-error',
  children,
}: {
  failure: { title: string; error: ErrorValue };
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className={className}>
      <ErrorDetails title={failure.title} error={failure.error} />
      {children}
    </div>
  );
}
