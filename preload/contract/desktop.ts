import { z } from 'zod';
import { HotkeyAction } from './app.js';
import { channel, Done, None } from './channel.js';

/**
 * What became of a configured shortcut. `in-use` is what a failed `register()` means in practice:
 * another application holds that key combination.
 */
export const HotkeyRegistration = z.enum(['registered', 'in-use', 'invalid', 'duplicate', 'unbound']);
export type HotkeyRegistration = z.infer<typeof HotkeyRegistration>;

export const HotkeyStatus = z.object({
  action: HotkeyAction,
  accelerator: z.string(),
  registration: HotkeyRegistration,
  /** Why it is not active, in words a person can act on. */
  message: z.string().optional(),
});
export type HotkeyStatus = z.infer<typeof HotkeyStatus>;

export const DndState = z.object({
  /** `unknown` until Webex has answered (or when it cannot be read). */
  status: z.enum(['unknown', 'on', 'off']),
  updating: z.boolean(),
  /** The last failure to read or change it, in words. */
  error: z.string().optional(),
});
export type DndState = z.infer<typeof DndState>;

/** A tel:/sip:/sips:/callto: link waiting for the person in the window. */
export const LinkPrompt = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('confirm'),
    id: z.number().int(),
    /** The link as it arrived, shortened for display. */
    link: z.string(),
    /** The number or address as a person reads it. */
    display: z.string(),
    /** Digits sent as tones once the call connects (RFC 3966 `;ext=`). */
    extension: z.string().optional(),
  }),
  z.object({ kind: z.literal('invalid'), id: z.number().int(), link: z.string(), reason: z.string() }),
]);
export type LinkPrompt = z.infer<typeof LinkPrompt>;

/** A brief message after a hotkey, tray item or link: nothing to act on, or what happened. */
export const Feedback = z.object({ id: z.number().int(), text: z.string(), tone: z.enum(['info', 'error']) });
export type Feedback = z.infer<typeof Feedback>;

export const DesktopState = z.object({
  hotkeys: z.array(HotkeyStatus),
  /** Present where a registered shortcut may still not work (Linux on Wayland). */
  hotkeyCaveat: z.string().optional(),
  dnd: DndState,
  autoStart: z.object({ supported: z.boolean(), note: z.string().optional() }),
  link: LinkPrompt.nullable(),
  /** The tray asked for Settings; the window opens them and answers `desktop:settingsShown`. */
  settingsRequested: z.boolean(),
  /** Cleared by main after a few seconds. */
  feedback: Feedback.nullable(),
});
export type DesktopState = z.infer<typeof DesktopState>;

export const PopupAction = z.enum(['answer', 'decline', 'voicemail']);
export type PopupAction = z.infer<typeof PopupAction>;

export const PopupCard = z.object({
  callId: z.string(),
  name: z.string(),
  number: z.string().optional(),
  /** Why it rings here, e.g. "via Support call queue". */
  via: z.string().optional(),
  recall: z.string().optional(),
  ringingSince: z.string(),
  /** What this call offers right now; empty while the line is offline. */
  actions: z.array(PopupAction),
});
export type PopupCard = z.infer<typeof PopupCard>;

export const PopupState = z.object({
  cards: z.array(PopupCard),
  /** Ringing calls beyond the cards shown. */
  more: z.number().int().nonnegative(),
});
export type PopupState = z.infer<typeof PopupState>;

export const desktopChannels = {
  'desktop:get': channel(None, DesktopState),
  'desktop:setDnd': channel(z.object({ enabled: z.boolean() }), DndState),
  /** Dial (or drop) the link the window was asked to confirm. */
  'desktop:resolveLink': channel(z.object({ id: z.number().int(), dial: z.boolean() }), z.object({ callId: z.string().optional() })),
  'desktop:settingsShown': channel(None, Done),
  'popup:get': channel(None, PopupState),
  /** Hides one call's card; the call keeps ringing in the window and the tray. */
  'popup:dismiss': channel(z.object({ callId: z.string().min(1).max(512) }), Done),
} as const;

export const desktopEvents = {
  'desktop:changed': DesktopState,
  'popup:changed': PopupState,
} as const;
