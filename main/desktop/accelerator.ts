/**
 * Electron accelerators ("CommandOrControl+Alt+A"), checked before they reach the OS so a typo
 * reads as "not a valid shortcut" rather than as "in use by another application".
 */

const MODIFIERS: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter',
  'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'PrintScreen',
  'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
];
const KEY_ALIASES: Record<string, string> = { esc: 'Escape', return: 'Enter' };
const NAMED = new Map(NAMED_KEYS.map((key) => [key.toLowerCase(), KEY_ALIASES[key.toLowerCase()] ?? key]));
const FUNCTION_KEY = /^f([1-9]|1[0-9]|2[0-4])$/i;

export type AcceleratorCheck =
  | { ok: true; modifiers: string[]; key: string }
  | { ok: false; problem: string };

/** Splits and checks an accelerator: known modifiers, then exactly one key. */
export function checkAccelerator(accelerator: string): AcceleratorCheck {
  const parts = accelerator.split('+').map((part) => part.trim());
  if (parts.some((part) => part === '')) return { ok: false, problem: 'That is not a valid shortcut.' };
  const modifiers: string[] = [];
  let key: string | undefined;
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier !== undefined) {
      if (key !== undefined) return { ok: false, problem: 'Modifier keys come before the key, as in Ctrl+Alt+A.' };
      if (modifiers.includes(modifier)) return { ok: false, problem: `${modifier} appears twice.` };
      modifiers.push(modifier);
      continue;
    }
    if (key !== undefined) return { ok: false, problem: 'A shortcut has one key besides Ctrl, Alt, Shift and the like.' };
    const named = keyName(part);
    if (named === undefined) return { ok: false, problem: `"${part}" is not a key CallDeck can use in a shortcut.` };
    key = named;
  }
  if (key === undefined) return { ok: false, problem: 'Add a key to the modifiers, as in Ctrl+Alt+A.' };
  // A global shortcut takes the key away from every other application: a bare letter or
  // Shift+letter would make typing that letter anywhere press the hotkey.
  const strong = modifiers.filter((modifier) => modifier !== 'Shift');
  if (strong.length === 0 && !FUNCTION_KEY.test(key)) {
    return { ok: false, problem: 'Use Ctrl, Alt or another modifier with that key, so typing elsewhere is not affected.' };
  }
  return { ok: true, modifiers, key };
}

/**
 * One spelling per combination, so "Ctrl+Alt+A" and "Alt+CmdOrCtrl+a" are recognised as the same
 * shortcut. CommandOrControl is Control everywhere but macOS.
 */
export function canonicalAccelerator(accelerator: string, platform: string): string | undefined {
  const checked = checkAccelerator(accelerator);
  if (!checked.ok) return undefined;
  const resolve = (modifier: string) =>
    modifier === 'CommandOrControl' ? (platform === 'darwin' ? 'Command' : 'Control') : modifier;
  const modifiers = [...new Set(checked.modifiers.map(resolve))].sort();
  return [...modifiers, checked.key].join('+');
}

function keyName(part: string): string | undefined {
  if (/^[A-Za-z0-9]$/.test(part)) return part.toUpperCase();
  if (FUNCTION_KEY.test(part)) return part.toUpperCase();
  return NAMED.get(part.toLowerCase());
}
