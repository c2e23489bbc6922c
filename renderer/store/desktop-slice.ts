import type { DesktopState } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface DesktopSlice {
  /** Hotkeys, Do Not Disturb, a link waiting, feedback: null until main first answers. */
  state: DesktopState | null;
  apply(state: DesktopState): void;
}

/**
 * What main says about the desktop side. A link waiting for confirmation opens its dialog here,
 * once per link, and the dialog closes when main no longer holds that link.
 */
export const createDesktopSlice: SliceCreator<'desktop'> = (set, get) => ({
  state: null,
  apply(state) {
    const before = get().desktop.state;
    set((s) => ({ desktop: { ...s.desktop, state } }));
    const { ui } = get();
    if (state.link !== null && state.link.id !== before?.link?.id) ui.openDialog({ kind: 'link', id: state.link.id });
    else if (ui.dialog?.kind === 'link' && state.link?.id !== ui.dialog.id) ui.closeDialog();
    if (state.settingsRequested && ui.dialog?.kind !== 'settings' && ui.dialog?.kind !== 'link') ui.openDialog({ kind: 'settings' });
  },
});
