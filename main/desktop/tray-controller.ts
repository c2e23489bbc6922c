import type { Clock, TimerHandle, TrayView } from '../core/ports.js';
import type { DeskModel } from './desk-model.js';
import { buildTrayMenu } from './tray-menu.js';
import { tooltipTicks, trayIcon, trayToolTip } from './tray-status.js';

export interface TrayController {
  /** Brings icon, tooltip and menu in line with the model; `override` replaces the tooltip (feedback). */
  render(model: DeskModel, override?: string): void;
  stop(): void;
}

/**
 * Keeps the tray in step with the line. The menu is rebuilt from the model on every change and
 * handed to the OS again (Linux only notices a new menu through setContextMenu), but not when it
 * is unchanged: resetting an open menu closes it under the person's pointer. While a call is
 * connected the tooltip's duration is refreshed each second.
 */
export function createTrayController(deps: { view: TrayView; clock: Clock; onClick(id: string): void }): TrayController {
  let lastMenu = '';
  let lastIcon: string | undefined;
  let lastTip: string | undefined;
  let ticker: TimerHandle | undefined;
  let latest: { model: DeskModel; override: string | undefined } | undefined;

  function tooltip(): void {
    if (latest === undefined) return;
    const text = latest.override ?? trayToolTip(latest.model, deps.clock.now());
    if (text !== lastTip) deps.view.setToolTip(text);
    lastTip = text;
  }

  function schedule(): void {
    if (ticker !== undefined) deps.clock.clearTimeout(ticker);
    ticker = undefined;
    if (latest === undefined || latest.override !== undefined || !tooltipTicks(latest.model)) return;
    ticker = deps.clock.setTimeout(() => {
      ticker = undefined;
      tooltip();
      schedule();
    }, 1000 - (deps.clock.now() % 1000));
  }

  return {
    render(model, override) {
      latest = { model, override };
      const next = buildTrayMenu(model);
      const serialized = JSON.stringify(next);
      if (serialized !== lastMenu) {
        lastMenu = serialized;
        deps.view.setMenu(next, deps.onClick);
      }
      const icon = trayIcon(model);
      if (icon !== lastIcon) deps.view.setIcon(icon);
      lastIcon = icon;
      tooltip();
      schedule();
    },
    stop() {
      if (ticker !== undefined) deps.clock.clearTimeout(ticker);
      ticker = undefined;
    },
  };
}
