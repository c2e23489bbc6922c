export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  /** The whole screen. */
  bounds: Rect;
  /** The screen minus taskbars, docks and panels. */
  workArea: Rect;
}

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

const MARGIN = 12;

/**
 * Where the tray probably is. Windows and macOS report the tray icon's bounds; Linux does not,
 * but its panels reserve space, so the side of the screen the work area was shrunk on is where
 * the panel (and its tray) sits. A vertical taskbar keeps its tray at the bottom.
 */
export function trayCorner(display: DisplayArea, platform: string, tray?: Rect): Corner {
  const { bounds, workArea } = display;
  if (tray !== undefined && tray.width > 0 && tray.height > 0 && contains(bounds, tray)) {
    const top = tray.y + tray.height / 2 < bounds.y + bounds.height / 2;
    const left = tray.x + tray.width / 2 < bounds.x + bounds.width / 2;
    return `${top ? 'top' : 'bottom'}-${left ? 'left' : 'right'}`;
  }
  if (workArea.y > bounds.y) return 'top-right';
  if (workArea.height < bounds.height) return 'bottom-right';
  if (workArea.x > bounds.x) return 'bottom-left';
  if (workArea.width < bounds.width) return 'bottom-right';
  return platform === 'win32' ? 'bottom-right' : 'top-right';
}

/** The popup's bounds: in the tray's corner of the work area, never beyond it. */
export function popupBounds(display: DisplayArea, corner: Corner, size: { width: number; height: number }): Rect {
  const { workArea } = display;
  const width = Math.min(size.width, workArea.width - 2 * MARGIN);
  const height = Math.min(size.height, workArea.height - 2 * MARGIN);
  const x = corner.endsWith('left') ? workArea.x + MARGIN : workArea.x + workArea.width - MARGIN - width;
  const y = corner.startsWith('top') ? workArea.y + MARGIN : workArea.y + workArea.height - MARGIN - height;
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

function contains(outer: Rect, inner: Rect): boolean {
  const cx = inner.x + inner.width / 2;
  const cy = inner.y + inner.height / 2;
  return cx >= outer.x && cx <= outer.x + outer.width && cy >= outer.y && cy <= outer.y + outer.height;
}
