/**
 * The global hotkey actions in the order Settings lists them and main registers them (the contract's
 * enum is built from this list), with the names people see.
 */
export const HOTKEY_ACTIONS = ['answer', 'holdResume', 'hangupDecline', 'muteUnmute', 'dialClipboard'] as const;

export type HotkeyActionName = (typeof HOTKEY_ACTIONS)[number];

export const HOTKEY_NAMES: Readonly<Record<HotkeyActionName, string>> = {
  answer: 'Answer',
  holdResume: 'Hold / Resume',
  hangupDecline: 'Hang up / Decline',
  muteUnmute: 'Mute / Unmute',
  dialClipboard: 'Dial clipboard',
};
