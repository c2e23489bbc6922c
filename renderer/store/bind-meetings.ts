import type { CallDeckApi } from '../../preload/contract';
import type { AppStore } from './types';

/**
 * Keeps the meetings slice in step with main. The roster is polled only while the view is open,
 * so the view itself says when it opens and closes (meetings-commands.ts); this only listens.
 */
export function bindMeetings(api: CallDeckApi, store: AppStore): () => void {
  return api.meetings.onChanged((snapshot) => store.getState().meetings.apply(snapshot));
}
