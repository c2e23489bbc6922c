import { useLatestError } from '../../../hooks/use-latest-error';
import { ErrorDetails } from '../../shared/error-details';

/** The latest failure of one accounts command, next to the control that ran it (the message list is behind the dialog). */
export function InlineFailure({ source }: { source: string }) {
  const failure = useLatestError(source);
  if (!failure) return null;
  return (
    <div role="alert" className="inline-error">
      <ErrorDetails title={failure.title} error={failure.error} />
    </div>
  );
}
