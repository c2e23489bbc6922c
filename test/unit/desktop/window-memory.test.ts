import { describe, expect, it } from 'vitest';
import { autostartEntry } from '../../../main/desktop/autostart-entry.js';
import { createWindowMemory, restoreBounds } from '../../../main/desktop/window-memory.js';
import { FakeNotifier, MemoryLogger, MemorySettingsStore } from '../../fakes/in-memory-ports.js';

const MIN = { width: 420, height: 480 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('restoring window bounds', () => {
  it('keeps bounds that are on a visible display', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 960, height: 680 }, [laptop, monitor], MIN)).toEqual({ x: 100, y: 80, width: 960, height: 680 });
    expect(restoreBounds({ x: 2000, y: 0, width: 960, height: 680 }, [laptop, monitor], MIN)).toEqual({ x: 2000, y: 0, width: 960, height: 680 });
  });

  it('brings back a window left on a monitor that is gone, centred on the primary display', () => {
    expect(restoreBounds({ x: 2000, y: 0, width: 960, height: 680 }, [laptop], MIN)).toEqual({ x: 240, y: 98, width: 960, height: 680 });
  });

  it('pulls a window that hangs off the edge fully inside', () => {
    expect(restoreBounds({ x: 1300, y: 700, width: 960, height: 680 }, [laptop], MIN)).toEqual({ x: 480, y: 195, width: 960, height: 680 });
  });

  it('shrinks a window larger than the display it is on, but not below the minimum', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop], MIN)).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    expect(restoreBounds({ x: 10, y: 10, width: 100, height: 100 }, [laptop], MIN)).toEqual({ x: 10, y: 10, width: 420, height: 480 });
  });

  it('uses the default when nothing was remembered', () => {
    expect(restoreBounds(undefined, [laptop], MIN)).toBeUndefined();
  });
});

describe('window memory', () => {
  function setup(document: unknown = {}) {
    const store = new MemorySettingsStore(document);
    const notifier = new FakeNotifier();
    return { store, notifier, memory: createWindowMemory({ store, notifier, log: new MemoryLogger() }) };
  }

  it('remembers bounds across restarts', () => {
    const { store, memory } = setup();
    memory.remember({ x: 10.4, y: 20, width: 900, height: 700 }, true);
    const again = createWindowMemory({ store, notifier: new FakeNotifier(), log: new MemoryLogger() });
    expect(again.bounds()).toEqual({ x: 10, y: 20, width: 900, height: 700 });
    expect(again.maximized()).toBe(true);
  });

  it('ignores a damaged file', () => {
    expect(setup({ bounds: { x: 'left' } }).memory.bounds()).toBeUndefined();
  });

  it('closes to the tray with a hint only the first time, ever', () => {
    const { store, notifier, memory } = setup();
    expect(memory.onCloseRequested({ closeToTray: true, quitting: false })).toBe('hide');
    expect(memory.onCloseRequested({ closeToTray: true, quitting: false })).toBe('hide');
    expect(notifier.shown).toEqual([{ title: 'CallDeck is still running', body: expect.stringMatching(/Quit from the tray menu/) }]);
    const afterRestart = createWindowMemory({ store, notifier, log: new MemoryLogger() });
    afterRestart.onCloseRequested({ closeToTray: true, quitting: false });
    expect(notifier.shown).toHaveLength(1);
  });

  it('closes for real when the setting is off or the app is quitting', () => {
    const { notifier, memory } = setup();
    expect(memory.onCloseRequested({ closeToTray: false, quitting: false })).toBe('close');
    expect(memory.onCloseRequested({ closeToTray: true, quitting: true })).toBe('close');
    expect(notifier.shown).toHaveLength(0);
  });
});

describe('the Linux autostart entry', () => {
  it('runs the AppImage, quoting a path with spaces and escaping % as the Desktop Entry spec says', () => {
    const entry = autostartEntry({ name: 'CallDeck', exec: '/home/ana/My Apps/CallDeck 100%.AppImage', icon: 'calldeck', comment: 'Phone line' });
    expect(entry).toContain('Exec="/home/ana/My Apps/CallDeck 100%%.AppImage"\n');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    expect(entry).toContain('X-GNOME-Autostart-enabled=true');
  });

  it('leaves a plain path unquoted and cannot be broken by a newline in a value', () => {
    const entry = autostartEntry({ name: 'Call\nDeck', exec: '/opt/CallDeck/calldeck', icon: 'calldeck', comment: 'x' });
    expect(entry).toContain('Exec=/opt/CallDeck/calldeck\n');
    expect(entry).toContain('Name=Call\\nDeck\n');
  });
});
