import type { ErrorValue } from '../../preload/contract';
import type { SliceCreator } from './types';

/** Identifies one in-flight command, e.g. "call-1:answer" or "dial", so it cannot be sent twice. */
export type PendingKey = string;

export interface ErrorItem {
  id: number;
  /** What the user was trying to do, e.g. "Couldn't answer the call with Ana Silva". */
  title: string;
  error: ErrorValue;
  /** The pending key of the command that failed, so a dialog can show its own failures. */
  source?: PendingKey;
}

export interface NoteItem {
  id: number;
  kind: 'answered-elsewhere' | 'missed' | 'parked' | 'ignored' | 'transferring' | 'transfer';
  text: string;
  /** For a mute transfer waiting on its destination: the new call's ID. */
  transferLeg?: string;
  /** For parked calls: the extension to retrieve it from, when Webex gave one. */
  parkedOn?: string;
}

export type DialogState =
  | { kind: 'transfer' | 'keypad' | 'forward' | 'parkAt'; callId: string }
  | { kind: 'settings' }
  /** A tel:/sip: link main asked the window to confirm (or explain). */
  | { kind: 'link'; id: number }
  /** Confirms expelling a meeting participant. */
  | { kind: 'expel'; participantId: string }
  | null;

export interface UiSlice {
  pending: Readonly<Record<PendingKey, true>>;
  /** Newest first, capped. */
  errors: ErrorItem[];
  /** Quiet status notes (answered elsewhere, missed, parked), newest first, capped; each expires. */
  notes: NoteItem[];
  dialog: DialogState;
  setPending(key: PendingKey, on: boolean): void;
  pushError(title: string, error: ErrorValue, source?: PendingKey): void;
  dismissError(id: number): void;
  pushNote(note: Omit<NoteItem, 'id'>): void;
  dismissNote(id: number): void;
  openDialog(dialog: NonNullable<DialogState>): void;
  closeDialog(): void;
}

/** Enough to see what just went wrong without the messages pushing the calls off screen. */
export const MAX_ERRORS = 4;
/** Notes are news, not a log (history is the log): a few at most, above the calls. */
export const MAX_NOTES = 3;
/**
 * How long a note stays. A parked call's note carries its Retrieve button, so it lasts about as
 * long as the park does before it rings back; the others only need reading once.
 */
export const NOTE_TTL_MS: Record<NoteItem['kind'], number> = {
  'answered-elsewhere': 20_000,
  missed: 30_000,
  ignored: 20_000,
  parked: 60_000,
  // Replaced by the outcome as soon as the list shows it; this is only a backstop.
  transferring: 180_000,
  transfer: 30_000,
};

export const createUiSlice: SliceCreator<'ui'> = (set) => {
  let nextId = 1;
  const expiries = new Map<number, ReturnType<typeof setTimeout>>();

  function forget(id: number): void {
    const timer = expiries.get(id);
    if (timer !== undefined) clearTimeout(timer);
    expiries.delete(id);
  }

  return {
    pending: {},
    errors: [],
    notes: [],
    dialog: null,

    setPending(key, on) {
      set((s) => {
        const pending = { ...s.ui.pending };
        if (on) pending[key] = true;
        else delete pending[key];
        return { ui: { ...s.ui, pending } };
      });
    },

    pushError(title, error, source) {
      const item = { id: nextId++, title, error, source };
      set((s) => ({ ui: { ...s.ui, errors: [item, ...s.ui.errors].slice(0, MAX_ERRORS) } }));
    },

    dismissError(id) {
      set((s) => ({ ui: { ...s.ui, errors: s.ui.errors.filter((e) => e.id !== id) } }));
    },

    pushNote(note) {
      const item = { ...note, id: nextId++ };
      set((s) => {
        const notes = [item, ...s.ui.notes];
        for (const dropped of notes.slice(MAX_NOTES)) forget(dropped.id);
        return { ui: { ...s.ui, notes: notes.slice(0, MAX_NOTES) } };
      });
      expiries.set(
        item.id,
        setTimeout(() => {
          expiries.delete(item.id);
          set((s) => ({ ui: { ...s.ui, notes: s.ui.notes.filter((n) => n.id !== item.id) } }));
        }, NOTE_TTL_MS[item.kind]),
      );
    },

    dismissNote(id) {
      forget(id);
      set((s) => ({ ui: { ...s.ui, notes: s.ui.notes.filter((n) => n.id !== id) } }));
    },

    openDialog(dialog) {
      set((s) => ({ ui: { ...s.ui, dialog } }));
    },

    closeDialog() {
      set((s) => ({ ui: { ...s.ui, dialog: null } }));
    },
  };
};
