import { z } from 'zod';
import { HOTKEY_ACTIONS } from '../common/hotkeys.js';
import { isWebhookUrl, WEBHOOK_URL_PROBLEM } from '../common/live-updates.js';
import { channel, Done, None } from './channel.js';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** "demo" when the built-in line is in use because no account is configured. */
  mode: z.enum(['demo', 'account']),
  lineLabel: z.string(),
  /** Electron, or "harness" when the same core runs in the browser harness. */
  shell: z.enum(['electron', 'harness']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const HotkeyAction = z.enum(HOTKEY_ACTIONS);
export type HotkeyAction = z.infer<typeof HotkeyAction>;

/** An Electron accelerator such as `CommandOrControl+Alt+A`; empty string means "not bound". */
const Accelerator = z.string().max(64).regex(/^$|^[A-Za-z0-9+ ]+$/, 'Not a valid shortcut');

/** Empty, or an https URL (http only to this machine, for a relay or line running locally). */
export const WebhookUrl = z.string().trim().max(2000).refine(isWebhookUrl, WEBHOOK_URL_PROBLEM);

export const Settings = z.object({
  /** Poll interval while any call exists; the issue caps it at 1 s. */
  pollActiveMs: z.number().int().min(250).max(1000),
  /** Poll interval with no calls; a ring lasts seconds, so 2 s at most. */
  pollIdleMs: z.number().int().min(500).max(2000),
  /** What a tel:/sip: link does: confirm in the window first, or dial at once. */
  deepLinkAction: z.enum(['ask', 'dial']),
  /** Country used to read numbers typed without a + prefix. */
  defaultCountry: z.string().length(2).regex(/^[A-Z]{2}$/),
  hotkeys: z.record(HotkeyAction, Accelerator),
  startAtLogin: z.boolean(),
  startMinimized: z.boolean(),
  closeToTray: z.boolean(),
  /**
   * Live updates: the public address the user's relay forwards Webex's webhook deliveries from
   * (empty: none), and the receiver's port on 127.0.0.1 (0: none set).
   */
  webhookUrl: WebhookUrl,
  webhookPort: z.number().int().min(0).max(65535),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  pollActiveMs: 1000,
  pollIdleMs: 2000,
  deepLinkAction: 'ask',
  defaultCountry: 'US',
  hotkeys: {
    answer: 'CommandOrControl+Alt+A',
    holdResume: 'CommandOrControl+Alt+H',
    hangupDecline: 'CommandOrControl+Alt+E',
    muteUnmute: 'CommandOrControl+Alt+M',
    dialClipboard: 'CommandOrControl+Alt+D',
  },
  startAtLogin: false,
  startMinimized: false,
  closeToTray: true,
  webhookUrl: '',
  webhookPort: 0,
};

export const appChannels = {
  'app:info': channel(None, AppInfo),
  /** The renderer calls this once its listeners are attached; queued events flow after it. */
  'app:ready': channel(None, Done),
  'settings:get': channel(None, Settings),
  'settings:set': channel(SettingsPatch, Settings),
} as const;

export const appEvents = {
  'settings:changed': Settings,
} as const;
