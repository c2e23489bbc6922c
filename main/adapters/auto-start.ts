import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import type { AutoStart } from '../core/ports.js';
import { autostartEntry } from '../desktop/index.js';

/**
 * The OS login item. macOS and Windows have Electron's login item settings; Linux has none, so
 * an XDG autostart entry is written instead. A development build (`electron .`) would register
 * the bare Electron binary, so only the installed app offers it.
 */
export function createAutoStart(options: { desktopName: string; env: Record<string, string | undefined> }): AutoStart {
  if (!app.isPackaged) {
    return unsupported('Start at login works in the installed app, not in a development build.');
  }
  if (process.platform === 'darwin' || process.platform === 'win32') {
    return {
      availability: () => ({ supported: true }),
      isEnabled: async () => app.getLoginItemSettings().openAtLogin,
      setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
    };
  }
  if (process.platform !== 'linux') return unsupported('Start at login is not available on this system.');
  // Inside Flatpak or Snap only the Background portal may add autostart entries.
  if (options.env.FLATPAK_ID !== undefined || options.env.SNAP !== undefined) {
    return unsupported("Use your desktop's Startup Applications settings to start CallDeck at login.");
  }
  const file = join(options.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', `${options.desktopName}.desktop`);
  // An AppImage runs from a temporary mount; $APPIMAGE is the file the user keeps.
  const exec = options.env.APPIMAGE ?? process.execPath;
  return {
    availability: () => ({ supported: true }),
    async isEnabled() {
      return readFile(file, 'utf8').then(
        (text) => text.includes('X-GNOME-Autostart-enabled=true'),
        () => false,
      );
    },
    async setEnabled(enabled) {
      if (!enabled) return rm(file, { force: true });
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(file, autostartEntry({ name: 'CallDeck', exec, icon: options.desktopName, comment: 'Control your cloud phone line' }), { mode: 0o644 });
    },
  };
}

function unsupported(reason: string): AutoStart {
  return {
    availability: () => ({ supported: false, reason }),
    isEnabled: async () => false,
    setEnabled: async () => undefined,
  };
}
