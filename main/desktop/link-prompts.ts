import type { LinkPrompt, Settings } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import type { Logger } from '../core/ports.js';
import { clip } from './clip.js';
import { readLink } from './deep-link.js';
import { userMessage } from './error-text.js';

/** What happened to a link; the harness route answers with it. */
export type LinkOutcome =
  | { outcome: 'asked'; id: number }
  | { outcome: 'dialling'; display: string }
  | { outcome: 'invalid'; id: number; reason: string };

export interface LinkPrompts {
  open(raw: string): LinkOutcome;
  prompt(): LinkPrompt | null;
  resolve(id: number, dial: boolean): Promise<{ callId?: string }>;
}

const LINK_SHOWN_MAX = 120;

/**
 * tel:/sip:/sips:/callto: links from the OS. "Ask before dialing" (the default) puts a confirm in
 * the window; "Dial immediately" dials at once. An invalid link is explained in the window and
 * dials nothing. A newer link replaces one still waiting.
 */
export function createLinkPrompts(deps: {
  settings(): Pick<Settings, 'deepLinkAction' | 'defaultCountry'>;
  showWindow(): void;
  dial(destination: { dial: string; display: string; extension?: string }): Promise<string>;
  say(text: string, tone: 'info' | 'error'): void;
  onChange(): void;
  log: Logger;
}): LinkPrompts {
  let current: LinkPrompt | null = null;
  let nextId = 1;
  // Each confirmed prompt keeps what to dial; the window only ever sends back the id.
  let pendingDial: { dial: string; display: string; extension?: string } | undefined;

  const set = (prompt: LinkPrompt | null) => {
    current = prompt;
    deps.onChange();
  };

  return {
    open(raw) {
      const { deepLinkAction, defaultCountry } = deps.settings();
      const read = readLink(raw, defaultCountry);
      const link = clip(visible(raw.trim()), LINK_SHOWN_MAX);
      deps.log.info('links: link received', { scheme: /^[a-z]+/i.exec(raw.trim())?.[0], valid: read.ok });
      if (!read.ok) {
        const id = nextId++;
        pendingDial = undefined;
        set({ kind: 'invalid', id, link, reason: read.reason });
        deps.showWindow();
        return { outcome: 'invalid', id, reason: read.reason };
      }
      const destination = { dial: read.dial, display: read.display, ...(read.extension ? { extension: read.extension } : {}) };
      if (deepLinkAction === 'dial') {
        deps
          .dial(destination)
          .then(() => deps.say(`Calling ${read.display}`, 'info'))
          .catch((error: unknown) => deps.say(`Couldn't call ${read.display}: ${userMessage(error)}`, 'error'));
        return { outcome: 'dialling', display: read.display };
      }
      const id = nextId++;
      pendingDial = destination;
      set({ kind: 'confirm', id, link, display: read.display, ...(read.extension ? { extension: read.extension } : {}) });
      deps.showWindow();
      return { outcome: 'asked', id };
    },
    prompt: () => current,
    async resolve(id, dial) {
      if (current?.id !== id) throw new AppError('conflict', 'That link is no longer waiting. Open it again to call.');
      const destination = current.kind === 'confirm' ? pendingDial : undefined;
      // Cleared before dialling, so a double click on "Call" cannot place two calls.
      pendingDial = undefined;
      set(null);
      if (!dial || destination === undefined) return {};
      return { callId: await deps.dial(destination) };
    },
  };
}

/**
 * A link is shown as text; control and invisible characters (a bidi override would reorder the
 * rest of the dialog's line) are shown as their code points instead of taking effect.
 */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (ch) => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
