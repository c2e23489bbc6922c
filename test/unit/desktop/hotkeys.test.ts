import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type HotkeyAction } from '../../../preload/contract.js';
import { canonicalAccelerator, checkAccelerator } from '../../../main/desktop/accelerator.js';
import { createHotkeys, IN_USE_MESSAGE, planHotkeys } from '../../../main/desktop/hotkeys.js';
import { FakeShortcuts, MemoryLogger } from '../../fakes/in-memory-ports.js';

const defaults = DEFAULT_SETTINGS.hotkeys;

describe('accelerators', () => {
  it.each([
    ['CommandOrControl+Alt+A', ['CommandOrControl', 'Alt'], 'A'],
    ['Ctrl+Shift+F5', ['Control', 'Shift'], 'F5'],
    ['Alt+space', ['Alt'], 'Space'],
    ['Super+num5', ['Super'], 'num5'],
    ['F9', [], 'F9'],
  ])('%s is usable', (accelerator, modifiers, key) => {
    expect(checkAccelerator(accelerator)).toEqual({ ok: true, modifiers, key });
  });

  it.each([
    ['A', /Use Ctrl, Alt/],
    ['Shift+A', /Use Ctrl, Alt/],
    ['Ctrl+Alt', /Add a key/],
    ['Ctrl+A+B', /one key/],
    ['A+Ctrl', /Modifier keys come before/],
    ['Ctrl+Ctrl+A', /appears twice/],
    ['Ctrl+Hyper+A', /"Hyper" is not a key/],
    ['Ctrl++', /not a valid shortcut/],
  ])('%s is refused', (accelerator, problem) => {
    const checked = checkAccelerator(accelerator);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(problem);
  });

  it('spells one combination one way, with CommandOrControl as Control off macOS', () => {
    expect(canonicalAccelerator('Alt+CmdOrCtrl+a', 'linux')).toBe(canonicalAccelerator('Ctrl+Alt+A', 'linux'));
    expect(canonicalAccelerator('Alt+CmdOrCtrl+a', 'darwin')).toBe(canonicalAccelerator('Command+Alt+A', 'darwin'));
    expect(canonicalAccelerator('Alt+CmdOrCtrl+a', 'darwin')).not.toBe(canonicalAccelerator('Control+Alt+A', 'darwin'));
  });
});

describe('planning hotkeys', () => {
  it('accepts the defaults', () => {
    expect(planHotkeys(defaults, 'linux').map((s) => s.registration)).toEqual(Array(5).fill('registered'));
  });

  it('marks a second action on the same combination as a duplicate, and empty ones as unbound', () => {
    const plan = planHotkeys({ ...defaults, muteUnmute: 'Ctrl+Alt+A', dialClipboard: '' }, 'win32');
    expect(plan.find((s) => s.action === 'answer')?.registration).toBe('registered');
    expect(plan.find((s) => s.action === 'muteUnmute')).toMatchObject({ registration: 'duplicate', message: expect.stringMatching(/Also set for Answer/) });
    expect(plan.find((s) => s.action === 'dialClipboard')).toMatchObject({ registration: 'unbound' });
  });
});

describe('the hotkey service', () => {
  function setup() {
    const shortcuts = new FakeShortcuts();
    const pressed: HotkeyAction[] = [];
    const hotkeys = createHotkeys({ shortcuts, platform: 'linux', log: new MemoryLogger(), onPress: (a) => pressed.push(a) });
    return { shortcuts, pressed, hotkeys };
  }

  it('registers every binding; a press reports its action', () => {
    const { shortcuts, pressed, hotkeys } = setup();
    hotkeys.apply(defaults);
    expect([...shortcuts.registered.keys()]).toEqual(Object.values(defaults));
    shortcuts.press('CommandOrControl+Alt+H');
    expect(pressed).toEqual(['holdResume']);
  });

  it('shows a refused registration as in use by another application, and retries it on the next apply', () => {
    const { shortcuts, hotkeys } = setup();
    shortcuts.taken.add('CommandOrControl+Alt+M');
    const statuses = hotkeys.apply(defaults);
    expect(statuses.find((s) => s.action === 'muteUnmute')).toEqual({
      action: 'muteUnmute',
      accelerator: 'CommandOrControl+Alt+M',
      registration: 'in-use',
      message: IN_USE_MESSAGE,
    });
    shortcuts.taken.clear();
    expect(hotkeys.apply(defaults).find((s) => s.action === 'muteUnmute')?.registration).toBe('registered');
  });

  it('moves a shortcut when the user picks another, releasing the old one', () => {
    const { shortcuts, pressed, hotkeys } = setup();
    hotkeys.apply(defaults);
    hotkeys.apply({ ...defaults, answer: 'F9' });
    expect(shortcuts.registered.has('CommandOrControl+Alt+A')).toBe(false);
    shortcuts.press('F9');
    expect(pressed).toEqual(['answer']);
  });

  it('lets two actions swap keys in one change', () => {
    const { shortcuts, pressed, hotkeys } = setup();
    hotkeys.apply(defaults);
    const statuses = hotkeys.apply({ ...defaults, answer: defaults.holdResume, holdResume: defaults.answer });
    expect(statuses.every((s) => s.registration === 'registered')).toBe(true);
    shortcuts.press(defaults.answer);
    expect(pressed).toEqual(['holdResume']);
  });

  it('keeps unchanged shortcuts registered across unrelated applies, and releases all on stop', () => {
    const { shortcuts, hotkeys } = setup();
    hotkeys.apply(defaults);
    const before = shortcuts.registered.get(defaults.answer);
    hotkeys.apply(defaults);
    expect(shortcuts.registered.get(defaults.answer)).toBe(before);
    hotkeys.stop();
    expect(shortcuts.registered.size).toBe(0);
  });
});
