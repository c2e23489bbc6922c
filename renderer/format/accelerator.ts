/** A key press as the capture field sees it (a KeyboardEvent satisfies it). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type Capture =
  | { kind: 'modifiers'; preview: string }
  | { kind: 'shortcut'; accelerator: string }
  | { kind: 'unsupported'; reason: string };

const NAMED_CODES: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  Tab: 'Tab',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
};

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'OS', 'Super', 'Hyper']);

/**
 * Turns a key press into an Electron accelerator. Ctrl (Cmd on macOS) becomes CommandOrControl so
 * a shortcut means the same on every platform; letters follow the keyboard layout, other keys the
 * physical key. Main checks the result again; this only composes it.
 */
export function captureShortcut(press: KeyPress, platform: string): Capture {
  const mac = platform === 'darwin';
  const modifiers = [
    (mac ? press.metaKey : press.ctrlKey) ? 'CommandOrControl' : undefined,
    mac && press.ctrlKey ? 'Control' : undefined,
    !mac && press.metaKey ? 'Super' : undefined,
    press.altKey ? 'Alt' : undefined,
    press.shiftKey ? 'Shift' : undefined,
  ].filter((modifier): modifier is string => modifier !== undefined);
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'modifiers', preview: formatShortcut([...modifiers, ''].join('+'), platform) };
  const key = keyOf(press);
  if (key === undefined) return { kind: 'unsupported', reason: 'Use a letter, a digit, a function key or a key such as Space or an arrow.' };
  return { kind: 'shortcut', accelerator: [...modifiers, key].join('+') };
}

function keyOf(press: KeyPress): string | undefined {
  const letter = /^Key([A-Z])$/.exec(press.code)?.[1];
  if (letter !== undefined) return /^[a-z]$/i.test(press.key) ? press.key.toUpperCase() : letter;
  const digit = /^Digit([0-9])$/.exec(press.code)?.[1];
  if (digit !== undefined) return digit;
  const numpad = /^Numpad([0-9])$/.exec(press.code)?.[1];
  if (numpad !== undefined) return `num${numpad}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(press.code)) return press.code;
  return NAMED_CODES[press.code];
}

const MAC_NAMES: Record<string, string> = { CommandOrControl: 'Cmd', Command: 'Cmd', Cmd: 'Cmd', Control: 'Ctrl', Alt: 'Option', Super: 'Cmd' };
const OTHER_NAMES: Record<string, string> = { CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Control: 'Ctrl', Super: 'Super', Meta: 'Super' };

/** An accelerator as a person reads it on their platform: "Ctrl+Alt+A", or "Cmd+Option+A" on a Mac. */
export function formatShortcut(accelerator: string, platform: string): string {
  if (accelerator === '') return '';
  const names = platform === 'darwin' ? MAC_NAMES : { ...OTHER_NAMES, ...(platform === 'win32' ? { Super: 'Win', Meta: 'Win' } : {}) };
  return accelerator
    .split('+')
    .map((part) => names[part] ?? part)
    .join('+');
}
