import { useLatestError } from '../../../hooks/use-latest-error';
import { ErrorBlock } from '../../shared/error-block';

/** The latest failure of one accounts command, next to the control that ran it (the message list is behind the dialog). */
export function InlineFailure({ source }: { source: string }) {
  const failure = useLatestError(source);
  if (!failure) return null;
  return <ErrorBlock failure={failure} className="inline-error" />;
}
