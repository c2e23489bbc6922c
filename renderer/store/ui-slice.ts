import type { SliceCreator } from './types';

/** Enough to see what just went wrong without the messages pushing the calls off screen. */
export const MAX_ERRORS = 4;
export const MAX_NOTES = 4;

export const createUiSlice: SliceCreator<'ui'> = (set) => {
  let nextId = 1;
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
      set((s) => ({ ui: { ...s.ui, notes: [item, ...s.ui.notes].slice(0, MAX_NOTES) } }));
    },

    dismissNote(id) {
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
