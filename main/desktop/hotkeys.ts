import type { HotkeyAction, HotkeyStatus } from '../../preload/contract.js';
import type { Logger, ShortcutRegistry } from '../core/ports.js';
import { HOTKEY_ACTIONS, HOTKEY_NAMES } from '../../preload/common/hotkeys.js';
import { canonicalAccelerator, checkAccelerator } from './accelerator.js';

export const IN_USE_MESSAGE = 'In use by another application. Choose another shortcut.';

export type HotkeyBindings = Readonly<Record<HotkeyAction, string>>;

/** What each action's shortcut should become, before asking the OS: problems are found here. */
export function planHotkeys(bindings: HotkeyBindings, platform: string): HotkeyStatus[] {
  const claimedBy = new Map<string, HotkeyAction>();
  return HOTKEY_ACTIONS.map((action): HotkeyStatus => {
    const accelerator = bindings[action].trim();
    if (accelerator === '') return { action, accelerator, registration: 'unbound', message: 'Not set.' };
    const checked = checkAccelerator(accelerator);
    if (!checked.ok) return { action, accelerator, registration: 'invalid', message: checked.problem };
    const canonical = canonicalAccelerator(accelerator, platform) ?? accelerator;
    const owner = claimedBy.get(canonical);
    if (owner !== undefined) {
      return { action, accelerator, registration: 'duplicate', message: `Also set for ${HOTKEY_NAMES[owner]}: each action needs its own shortcut.` };
    }
    claimedBy.set(canonical, action);
    return { action, accelerator, registration: 'registered' };
  });
}

export interface Hotkeys {
  /** Registers the bindings with the OS, keeping unchanged ones, and returns each one's status. */
  apply(bindings: HotkeyBindings): HotkeyStatus[];
  statuses(): HotkeyStatus[];
  stop(): void;
}

/**
 * Global shortcuts. A press calls `onPress(action)`; what the action means is decided elsewhere
 * (resolveIntent), the same way for the tray and the popup. A shortcut the OS refused is retried
 * on every apply, so one freed by the other application works after the next settings change.
 */
export function createHotkeys(deps: {
  shortcuts: ShortcutRegistry;
  platform: string;
  log: Logger;
  onPress(action: HotkeyAction): void;
}): Hotkeys {
  const registered = new Map<HotkeyAction, string>();
  let current: HotkeyStatus[] = [];

  function release(action: HotkeyAction, accelerator: string): void {
    deps.shortcuts.unregister(accelerator);
    registered.delete(action);
  }

  return {
    apply(bindings) {
      const plan = planHotkeys(bindings, deps.platform);
      // Release everything that changes first, so two actions can swap keys in one apply.
      for (const [action, accelerator] of [...registered]) {
        const wanted = plan.find((status) => status.action === action);
        if (wanted?.registration !== 'registered' || wanted.accelerator !== accelerator) release(action, accelerator);
      }
      current = plan.map((status) => {
        if (status.registration !== 'registered' || registered.get(status.action) === status.accelerator) return status;
        const ok = deps.shortcuts.register(status.accelerator, () => deps.onPress(status.action));
        if (!ok) {
          deps.log.warn('hotkeys: the OS refused a shortcut', { action: status.action, accelerator: status.accelerator });
          return { ...status, registration: 'in-use', message: IN_USE_MESSAGE };
        }
        registered.set(status.action, status.accelerator);
        return status;
      });
      return current;
    },
    statuses: () => current,
    stop() {
      for (const [action, accelerator] of [...registered]) release(action, accelerator);
    },
  };
}
