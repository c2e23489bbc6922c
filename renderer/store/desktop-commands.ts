import type { LinkPrompt } from '../../preload/contract';
import type { AppStore } from './types';

export const DESKTOP_KEYS = { dnd: 'desktop:dnd', link: 'desktop:link' } as const;

/** What the window asks of the desktop side: the Do Not Disturb switch and a waiting tel:/sip: link. */
export function createDesktopCommands(store: AppStore) {
  const state = () => store.getState();
  return {
    setDnd(enabled: boolean) {
      return state().app.act(DESKTOP_KEYS.dnd, `Couldn't turn Do Not Disturb ${enabled ? 'on' : 'off'}`, (api) => api.desktop.setDnd({ enabled }));
    },
    /** Dials the link (`dial`) or lets it go; either way main forgets it. */
    resolveLink(prompt: LinkPrompt, dial: boolean) {
      const title = prompt.kind === 'confirm' ? `Couldn't call ${prompt.display}` : "Couldn't close the link";
      return state().app.act(DESKTOP_KEYS.link, title, (api) => api.desktop.resolveLink({ id: prompt.id, dial }));
    },
  };
}

export type DesktopCommands = ReturnType<typeof createDesktopCommands>;
