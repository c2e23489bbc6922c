import { z } from 'zod';
import type { Logger, Notifier, SettingsStore } from '../core/ports.js';
import type { Rect } from './popup-placement.js';

const RectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const Remembered = z.object({
  bounds: RectSchema.optional(),
  maximized: z.boolean().optional(),
  closeToTrayHintShown: z.boolean().optional(),
});
type Remembered = z.infer<typeof Remembered>;

/** Enough of the window to grab it by the title bar and drag it back. */
const GRABBABLE = { width: 120, height: 48 };

/**
 * Where to put the window the user last left, or undefined for the default. A window remembered
 * on a monitor that is gone (or that was moved mostly off screen) comes back fully inside a
 * visible work area, never larger than it.
 */
export function restoreBounds(saved: Rect | undefined, workAreas: readonly Rect[], min: { width: number; height: number }): Rect | undefined {
  const primary = workAreas[0];
  if (saved === undefined || primary === undefined) return undefined;
  const scored = workAreas.map((area) => ({ area, overlap: intersection(saved, area) }));
  const best = scored.reduce((a, b) => (b.overlap.width * b.overlap.height > a.overlap.width * a.overlap.height ? b : a));
  const visible =
    best.overlap.width >= Math.min(GRABBABLE.width, saved.width) && best.overlap.height >= Math.min(GRABBABLE.height, saved.height);
  const area = visible ? best.area : primary;
  const width = clamp(saved.width, Math.min(min.width, area.width), area.width);
  const height = clamp(saved.height, Math.min(min.height, area.height), area.height);
  const x = visible ? clamp(saved.x, area.x, area.x + area.width - width) : area.x + Math.round((area.width - width) / 2);
  const y = visible ? clamp(saved.y, area.y, area.y + area.height - height) : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height };
}

export interface WindowMemory {
  bounds(): Rect | undefined;
  maximized(): boolean;
  remember(bounds: Rect, maximized: boolean): void;
  /**
   * Whether the window should hide instead of closing, telling the person once where it went.
   * `quitting` is true when the app itself is on its way out (tray Quit, Cmd+Q, logout).
   */
  onCloseRequested(options: { closeToTray: boolean; quitting: boolean }): 'hide' | 'close';
}

/** The main window's remembered bounds and the one-time close-to-tray hint, in one small file. */
export function createWindowMemory(deps: { store: SettingsStore; notifier: Notifier; log: Logger; onHintClick?: () => void }): WindowMemory {
  let state = read(deps.store, deps.log);
  const write = (patch: Partial<Remembered>) => {
    state = { ...state, ...patch };
    try {
      deps.store.write(state);
    } catch (error) {
      deps.log.warn('window: could not remember window state', { error: String(error) });
    }
  };

  return {
    bounds: () => state.bounds,
    maximized: () => state.maximized ?? false,
    remember(bounds, maximized) {
      const rounded = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) };
      if (RectSchema.safeParse(rounded).success) write({ bounds: rounded, maximized });
    },
    onCloseRequested({ closeToTray, quitting }) {
      if (quitting || !closeToTray) return 'close';
      if (!state.closeToTrayHintShown) {
        write({ closeToTrayHintShown: true });
        deps.notifier.notify({
          title: 'CallDeck is still running',
          body: 'It keeps your line in the tray. Quit from the tray menu; open CallDeck again to bring the window back.',
          ...(deps.onHintClick ? { onClick: deps.onHintClick } : {}),
        });
      }
      return 'hide';
    },
  };
}

/** Lenient like every stored file: each field that is still valid is kept, and a damaged file is kept aside. */
function read(store: SettingsStore, log: Logger): Remembered {
  const result = store.read();
  if (result.ok) {
    const parsed = Remembered.safeParse(result.data ?? {});
    if (parsed.success) return parsed.data;
  }
  const data = result.ok && result.data !== null && typeof result.data === 'object' ? (result.data as Record<string, unknown>) : {};
  const salvaged: Remembered = {};
  for (const key of Object.keys(Remembered.shape) as (keyof Remembered)[]) {
    const field = Remembered.shape[key].safeParse(data[key]);
    if (field.success && field.data !== undefined) Object.assign(salvaged, { [key]: field.data });
  }
  const keptAt = store.keepAside();
  log.warn('window: remembered window state was damaged; kept what was valid', { keptAt, kept: Object.keys(salvaged) });
  if (keptAt !== undefined && Object.keys(salvaged).length > 0) {
    try {
      store.write(salvaged);
    } catch (error) {
      log.warn('window: could not save the recovered window state', { error: String(error) });
    }
  }
  return salvaged;
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
