/**
 * The desktop feature's public entry: the feature itself for the app, and the pure pieces the
 * Electron adapters and the composition root build on (identity, link schemes, window memory,
 * popup placement).
 */
export { createDesktopFeature, type DesktopFeature } from './desktop-feature.js';
export { APP_ID, DESKTOP_NAME, isWaylandSession } from './app-identity.js';
export { autostartEntry } from './autostart-entry.js';
export { LINK_SCHEMES } from './deep-link.js';
export { createWindowMemory, restoreBounds, type WindowMemory } from './window-memory.js';
export { popupBounds, trayCorner, type Rect } from './popup-placement.js';
export { popupWindowOptions } from './popup-window-options.js';
