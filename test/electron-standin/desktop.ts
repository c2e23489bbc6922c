/**
 * The desktop surface: tray, menus, images, notifications, global shortcuts and displays.
 * Tray, globalShortcut and screen refuse to work before ready, as Electron's do. An image that
 * does not load is not an error in Electron (the tray icon is just blank), so it is a problem here.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { preventableEvent, type Runtime } from './runtime.js';

export class StandinImage {
  readonly #size: { width: number; height: number };
  constructor(
    readonly path: string,
    readonly png: Buffer | undefined,
  ) {
    // PNG: width and height are the first two fields of IHDR.
    this.#size = png && png.length >= 24 ? { width: png.readUInt32BE(16), height: png.readUInt32BE(20) } : { width: 0, height: 0 };
  }
  isEmpty = () => this.png === undefined;
  getSize = () => ({ ...this.#size });
  toPNG = () => this.png ?? Buffer.alloc(0);
}
void ({} as Pick<StandinImage, 'isEmpty' | 'getSize' | 'toPNG'> satisfies Partial<Electron.NativeImage>);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const nativeImage = {
  createFromPath(path: string) {
    // Electron wants an absolute path; a relative one, a missing file or a non-image is empty.
    const bytes = isAbsolute(path) && existsSync(path) ? readFileSync(path) : undefined;
    const png = bytes?.subarray(0, 8).equals(PNG_SIGNATURE) ? bytes : undefined;
    return new StandinImage(path, png) as unknown as Electron.NativeImage;
  },
  createEmpty: () => new StandinImage('', undefined) as unknown as Electron.NativeImage,
} satisfies Pick<typeof Electron.NativeImage, 'createFromPath' | 'createEmpty'>;

export interface StandinMenuItem {
  id: string | undefined;
  label: string;
  type: string;
  enabled: boolean;
  checked: boolean;
  submenu: StandinMenuItem[] | undefined;
  click(): void;
}

function buildItems(template: Electron.MenuItemConstructorOptions[]): StandinMenuItem[] {
  return template.map((options) => {
    if (options.label === undefined && options.role === undefined && options.type === undefined) {
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    const submenu = Array.isArray(options.submenu) ? buildItems(options.submenu) : undefined;
    const item: StandinMenuItem = {
      id: options.id,
      label: options.label ?? '',
      type: options.type ?? (submenu ? 'submenu' : 'normal'),
      enabled: options.enabled ?? true,
      checked: options.checked ?? false,
      submenu,
      click: () => {
        if (!item.enabled) throw new Error(`menu item "${item.label}" is disabled and cannot be clicked`);
        options.click?.(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
      },
    };
    return item;
  });
}

export class StandinMenu extends EventEmitter {
  static buildFromTemplate = (template: Electron.MenuItemConstructorOptions[]) => new StandinMenu(buildItems(template)) as unknown as Electron.Menu;
  constructor(readonly items: StandinMenuItem[]) {
    super();
  }
}
void ({} as Pick<typeof StandinMenu, 'buildFromTemplate'> satisfies Partial<typeof Electron.Menu>);

export function createDesktop(rt: Runtime) {
  const trays: StandinTray[] = [];
  const notifications: StandinNotification[] = [];
  const shortcuts = new Map<string, () => void>();

  const imageOf = (image: Electron.NativeImage | string, what: string): StandinImage => {
    const resolved = (typeof image === 'string' ? nativeImage.createFromPath(image) : image) as unknown as StandinImage;
    if (resolved.isEmpty()) rt.problem(`${what}: the image "${resolved.path}" is empty, so nothing shows`);
    return resolved;
  };

  class StandinTray extends EventEmitter {
    image: StandinImage;
    toolTip = '';
    menu: StandinMenu | null = null;
    #destroyed = false;
    constructor(image: Electron.NativeImage | string) {
      super();
      rt.requireReady('Tray', 'Cannot create Tray before app is ready');
      this.image = imageOf(image, 'new Tray');
      trays.push(this);
    }
    #alive(what: string): void {
      if (this.#destroyed) throw new TypeError(`Object has been destroyed (Tray.${what})`);
    }
    setImage = (image: Electron.NativeImage | string) => {
      this.#alive('setImage');
      this.image = imageOf(image, 'tray.setImage');
    };
    setToolTip = (text: string) => {
      this.#alive('setToolTip');
      this.toolTip = text;
    };
    setContextMenu = (menu: Electron.Menu | null) => {
      this.#alive('setContextMenu');
      this.menu = menu as unknown as StandinMenu | null;
    };
    // Linux tray hosts do not say where the icon is.
    getBounds = () => (this.#alive('getBounds'), { x: 0, y: 0, width: 0, height: 0 });
    destroy = () => void (this.#destroyed = true);
    isDestroyed = () => this.#destroyed;
  }
  void ({} as Pick<StandinTray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'getBounds' | 'destroy' | 'isDestroyed'> satisfies Partial<Electron.Tray>);

  class StandinNotification extends EventEmitter {
    static isSupported = () => true;
    shown = false;
    constructor(readonly options: Electron.NotificationConstructorOptions = {}) {
      super();
      notifications.push(this);
    }
    show = () => {
      this.shown = true;
      this.emit('show', preventableEvent());
    };
    close = () => this.emit('close', preventableEvent());
    click = () => this.emit('click', preventableEvent());
  }
  void ({} as Pick<StandinNotification, 'show' | 'close'> satisfies Partial<Electron.Notification>);
  void ({} as Pick<typeof StandinNotification, 'isSupported'> satisfies Partial<typeof Electron.Notification>);

  const globalShortcut = {
    register(accelerator: string, callback: () => void) {
      rt.requireReady('globalShortcut', 'globalShortcut cannot be used before the app is ready');
      const problem = acceleratorProblem(accelerator);
      if (problem) throw new Error(`Failed to parse accelerator "${accelerator}": ${problem}`);
      if (shortcuts.has(accelerator)) return false;
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregister(accelerator: string) {
      rt.requireReady('globalShortcut', 'globalShortcut cannot be used before the app is ready');
      shortcuts.delete(accelerator);
    },
    isRegistered: (accelerator: string) => shortcuts.has(accelerator),
    unregisterAll: () => shortcuts.clear(),
  } satisfies Pick<Electron.GlobalShortcut, 'register' | 'unregister' | 'isRegistered' | 'unregisterAll'>;

  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  } as unknown as Electron.Display;
  const screenMethods = {
    getPrimaryDisplay: () => (rt.requireReady('screen', "The 'screen' module can't be used before the app 'ready' event"), display),
    getAllDisplays: () => (rt.requireReady('screen', "The 'screen' module can't be used before the app 'ready' event"), [display]),
    getDisplayMatching: (_rect: Electron.Rectangle) => (rt.requireReady('screen', "The 'screen' module can't be used before the app 'ready' event"), display),
    getDisplayNearestPoint: (_point: Electron.Point) => display,
    getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  } satisfies Pick<Electron.Screen, 'getPrimaryDisplay' | 'getAllDisplays' | 'getDisplayMatching' | 'getDisplayNearestPoint' | 'getCursorScreenPoint'>;
  const screen = Object.assign(new EventEmitter(), screenMethods);

  return { Tray: StandinTray, Notification: StandinNotification, globalShortcut, screen, trays, notifications, shortcuts };
}

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const NAMED_KEYS = /^(f([1-9]|1\d|2[0-4])|plus|space|tab|capslock|numlock|scrolllock|backspace|delete|insert|return|enter|up|down|left|right|home|end|pageup|pagedown|escape|esc|volumeup|volumedown|volumemute|medianexttrack|mediaprevioustrack|mediastop|mediaplaypause|printscreen|num[0-9]|numdec|numadd|numsub|nummult|numdiv)$/i;

/** Electron's accelerator grammar: modifiers joined by "+", then exactly one key. */
export function acceleratorProblem(accelerator: string): string | undefined {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  if (parts.some((part) => !MODIFIERS.has(part.toLowerCase()))) return 'unknown modifier';
  if (key.length === 1 || NAMED_KEYS.test(key)) return undefined;
  return 'no valid key';
}
