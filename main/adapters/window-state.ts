import { screen, type BrowserWindow } from 'electron';
import { restoreBounds, type WindowMemory } from '../desktop/index.js';

/**
 * Puts the main window where the person left it (clamped to the displays there are now), keeps
 * remembering it, and turns the close button into "hide to the tray" when that setting is on.
 */
export function rememberWindow(
  window: BrowserWindow,
  memory: WindowMemory,
  options: { closeToTray(): boolean; quitting(): boolean; minSize: { width: number; height: number } },
): void {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const bounds = restoreBounds(memory.bounds(), [primary, ...others].map((display) => display.workArea), options.minSize);
  if (bounds !== undefined) window.setBounds(bounds);
  if (memory.maximized()) window.once('show', () => window.maximize());

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    memory.remember(window.getNormalBounds(), window.isMaximized());
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', (event) => {
    clearTimeout(timer);
    save();
    if (memory.onCloseRequested({ closeToTray: options.closeToTray(), quitting: options.quitting() }) === 'hide') {
      event.preventDefault();
      window.hide();
    }
  });
}
