import { partyName } from '../../preload/common/party-text';
import { endedNote } from './ended-note';
import type { Call, CallsSnapshot, HistoryEntry, LineInfo, LineStatus } from '../../preload/contract';
import { keepUnchanged } from './keep-unchanged';
import type { SliceCreator } from './types';

export interface CallsSlice {
  /** False until the first snapshot (from calls.list or an event) arrives. */
  loaded: boolean;
  list: Call[];
  line: LineStatus | null;
  history: HistoryEntry[];
  historyLoaded: boolean;
  /** My number and extension, and voicemail waiting; null until main first says. */
  lineInfo: LineInfo | null;
  applySnapshot(snapshot: CallsSnapshot): void;
  setHistory(history: HistoryEntry[]): void;
  setLineInfo(info: LineInfo): void;
}

export const createCallsSlice: SliceCreator<'calls'> = (set, get) => ({
  loaded: false,
  list: [],
  line: null,
  history: [],
  historyLoaded: false,
  lineInfo: null,

  applySnapshot(snapshot) {
    set((s) => ({ calls: { ...s.calls, loaded: true, list: keepUnchanged(s.calls.list, snapshot.calls), line: snapshot.line } }));

    // How a call ended is information, not a failure; main says only what it knows (call-endings).
    const country = get().settings.values?.defaultCountry;
    for (const { call, outcome } of snapshot.ended) {
      const note = endedNote(call, outcome, partyName(call.remote, country));
      if (note) get().ui.pushNote(note);
    }

    // A dialog about a call that is gone would act on nothing.
    const dialog = get().ui.dialog;
    if (dialog && 'callId' in dialog && !snapshot.calls.some((c) => c.id === dialog.callId)) get().ui.closeDialog();
  },

  setLineInfo(lineInfo) {
    set((s) => ({ calls: { ...s.calls, lineInfo } }));
  },

  setHistory(history) {
    // Newest first regardless of how the provider and the local log interleave.
    const sorted = [...history].sort((a, b) => (Date.parse(b.time) || 0) - (Date.parse(a.time) || 0));
    set((s) => ({ calls: { ...s.calls, history: sorted, historyLoaded: true } }));
  },
});
