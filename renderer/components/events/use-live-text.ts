import { liveSourceText } from '../../../preload/common/live-updates';
import { useAppStore } from '../../store/store-context';

/** What keeps the calls live, in the exact words the header and Settings use; '' before main says. */
export function useLiveText(): { text: string; problem: string | undefined } {
  const source = useAppStore((s) => s.events.live?.source);
  const problem = useAppStore((s) => s.events.live?.problem);
  // The poll's current period: the active one while any call exists, as main's poll does.
  const pollEveryMs = useAppStore((s) => ((s.calls.list.length) > 0 ? s.settings.values?.pollActiveMs : s.settings.values?.pollIdleMs) ?? 2000);
  return { text: source === undefined ? '' : liveSourceText(source, pollEveryMs), problem };
}
