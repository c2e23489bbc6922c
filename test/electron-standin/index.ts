/** What `import … from 'electron'` gives the built main process under the boot driver. */
import { standin } from './instance.js';

export const {
  app,
  BrowserWindow,
  protocol,
  session,
  ipcMain,
  globalShortcut,
  Tray,
  Menu,
  nativeImage,
  Notification,
  screen,
  safeStorage,
  powerMonitor,
  net,
  shell,
  clipboard,
} = standin.exports;
export default standin.exports;
