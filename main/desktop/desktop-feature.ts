import type { AgentState, CallsSnapshot, DesktopState, HotkeyAction } from '../../preload/contract.js';
import { isRinging, type CallsFeature } from '../calls/index.js';
import type { AutoStart, Clipboard, Clock, Lifecycle, Logger, Notifier, PopupView, ShortcutRegistry, SystemEvents, TrayView, WindowControl } from '../core/ports.js';
import type { EventHub } from '../ipc/event-hub.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { SettingsService } from '../settings/index.js';
import { linkFromArgv } from './argv-links.js';
import { partyDetail, partyName } from '../../preload/common/party-text.js';
import { createDeskActions } from './desk-actions.js';
import { dndOn, type DeskModel } from './desk-model.js';
import { createDnd } from './dnd.js';
import { logMessage, userMessage } from './error-text.js';
import { createFeedback } from './feedback.js';
import { createHotkeys } from './hotkeys.js';
import { createLinkPrompts, type LinkOutcome } from './link-prompts.js';
import { createPopupController } from './popup-controller.js';
import { sendExtensionWhenConnected } from './post-dial.js';
import { createTrayController } from './tray-controller.js';
import { parseCallItemId, TRAY_ITEM } from './tray-menu.js';
import { parseQueueItemId } from './tray-queues.js';

export const WAYLAND_CAVEAT =
  'On Wayland, shortcuts go through the desktop portal: your desktop may ask you to confirm them, and some desktops report a shortcut as set even when it does not work. If a shortcut does nothing, the tray menu and this window do the same things.';

export interface DesktopFeatureDeps {
  clock: Clock;
  log: Logger;
  shortcuts: ShortcutRegistry;
  tray: TrayView;
  popup: PopupView;
  notifier: Notifier;
  window: WindowControl;
  clipboard: Clipboard;
  system: SystemEvents;
  autoStart: AutoStart;
  lifecycle: Lifecycle;
  settings: SettingsService;
  calls: CallsFeature;
  events: EventHub;
  platform: string;
  /** Linux on Wayland: a registered shortcut may still not fire. */
  wayland: boolean;
}

export interface DesktopFeature {
  handlers: HandlersOf<ChannelsOf<'desktop'> | ChannelsOf<'popup'>>;
  state(): DesktopState;
  /** A link from `open-url`, a second instance or the harness. */
  openLink(raw: string): LinkOutcome;
  /** A command line (cold start or second instance); undefined when it holds no link. */
  openArgv(argv: readonly string[]): LinkOutcome | undefined;
  stop(): void;
}

/**
 * Everything CallDeck does outside its window: global hotkeys, the tray, the incoming-call popup,
 * missed-call notifications, phone links, Do Not Disturb and start at login. All of it reads
 * one model (calls, line, DND) and acts through the same call commands the window uses.
 */
export function createDesktopFeature(deps: DesktopFeatureDeps): DesktopFeature {
  const { clock, log, settings, calls } = deps;
  let settingsRequested = false;
  let autoStartNote: string | undefined;
  let line = calls.line();
  let sentState = '';

  const showWindow = () => {
    deps.window.show();
    deps.window.focus();
  };
  const feedback = createFeedback({ clock, notifier: deps.notifier, onChange: () => render(), onNotificationClick: showWindow });
  const say = feedback.say;
  const dnd = createDnd({ provider: () => calls.line().provider, clock, log });

  async function dial(destination: { dial: string; display: string; extension?: string }): Promise<string> {
    const { callId } = await calls.commands.dial({ destination: destination.dial });
    if (destination.extension !== undefined) {
      const postDial = { snapshot: () => calls.snapshot(), onSnapshot: calls.onSnapshot, commands: () => calls.commands, clock, log, say };
      sendExtensionWhenConnected(postDial, callId, destination.extension);
    }
    return callId;
  }

  const actions = createDeskActions({
    calls: () => calls.snapshot().calls,
    commands: () => calls.commands,
    clipboard: deps.clipboard,
    country: () => settings.get().defaultCountry,
    dial,
    say,
    log,
  });
  const links = createLinkPrompts({ settings: () => settings.get(), showWindow, dial, say, onChange: () => render(), log });
  const tray = createTrayController({ view: deps.tray, clock, onClick: (id) => void onTrayClick(id) });
  const popup = createPopupController({ view: deps.popup, onChange: (state) => deps.events.emit('popup:changed', state) });
  const hotkeys = createHotkeys({
    shortcuts: deps.shortcuts,
    platform: deps.platform,
    log,
    onPress: (action: HotkeyAction) => void actions.press(action).catch((error: unknown) => log.error('hotkey failed', { action, error: logMessage(error) })),
  });

  function model(): DeskModel {
    const snapshot = calls.snapshot();
    return {
      calls: snapshot.calls,
      line: snapshot.line,
      dnd: dnd.state(),
      country: settings.get().defaultCountry,
      voicemail: calls.lineInfo().voicemail,
      queues: calls.devices().queues,
    };
  }

  function state(): DesktopState {
    const availability = deps.autoStart.availability();
    const note = availability.supported ? autoStartNote : availability.reason;
    return {
      hotkeys: hotkeys.statuses(),
      ...(deps.wayland ? { hotkeyCaveat: WAYLAND_CAVEAT } : {}),
      dnd: dnd.state(),
      autoStart: { supported: availability.supported, ...(note === undefined ? {} : { note }) },
      link: links.prompt(),
      settingsRequested,
      feedback: feedback.current(),
    };
  }

  function render(): void {
    const current = model();
    tray.render(current, feedback.current()?.text);
    popup.render(current);
    const next = state();
    const text = JSON.stringify(next);
    if (text === sentState) return;
    sentState = text;
    deps.events.emit('desktop:changed', next);
  }

  async function toggleDnd(): Promise<void> {
    const enable = dnd.state().status !== 'on';
    try {
      await dnd.set(enable);
    } catch (error) {
      say(`Couldn't turn Do Not Disturb ${enable ? 'on' : 'off'}: ${userMessage(error)}`, 'error');
    }
  }

  async function onTrayClick(id: string): Promise<void> {
    switch (id) {
      case TRAY_ITEM.dialClipboard:
        return actions.dialClipboard();
      case TRAY_ITEM.dnd:
        return toggleDnd();
      case TRAY_ITEM.show:
        return showWindow();
      case TRAY_ITEM.settings:
        settingsRequested = true;
        showWindow();
        return render();
      case TRAY_ITEM.quit:
        return deps.lifecycle.quit();
    }
    const queue = parseQueueItemId(id);
    if (queue !== undefined) return setAgentState(queue.lineId, queue.state);
    const item = parseCallItemId(id);
    if (item !== undefined) await actions.act(item.callId, item.action);
  }

  // Calls seen ringing while Do Not Disturb was on: quiet to the end, even if DND is turned off meanwhile.
  const rangDuringDnd = new Set<string>();
  async function setAgentState(lineId: string, agentState: AgentState): Promise<void> {
    try {
      await calls.handlers['devices:setAgentState']({ lineId, state: agentState });
    } catch (error) {
      say(`Couldn't change your queue availability: ${userMessage(error)}`, 'error');
    }
  }

  function notifyMissed(snapshot: CallsSnapshot): void {
    const country = settings.get().defaultCountry;
    const quiet = dndOn(model());
    for (const call of snapshot.calls) if (quiet && isRinging(call)) rangDuringDnd.add(call.id);
    for (const { call, outcome } of snapshot.ended) {
      const duringDnd = rangDuringDnd.delete(call.id) || quiet;
      // Only Webex's missed record makes a call missed (classify-vanished.ts); DND keeps it quiet.
      if (outcome !== 'missed' || duringDnd) continue;
      const details = [partyDetail(call.remote, country), call.via].filter(Boolean).join(' · ');
      deps.notifier.notify({
        title: `Missed call: ${partyName(call.remote, country)}`,
        body: details || 'CallDeck saw this call ring and stop.',
        onClick: showWindow,
      });
    }
  }

  // Start at login follows the setting; changes are queued so two quick toggles end in order.
  let autoStartQueue = Promise.resolve();
  function syncAutoStart(enabled: boolean): void {
    autoStartQueue = autoStartQueue.then(async () => {
      if (!deps.autoStart.availability().supported) return;
      try {
        if ((await deps.autoStart.isEnabled()) !== enabled) await deps.autoStart.setEnabled(enabled);
        autoStartNote = undefined;
      } catch (error) {
        log.warn('autostart: could not change the login item', { error: logMessage(error) });
        autoStartNote = `Couldn't change start at login: ${logMessage(error)}`;
      }
      render();
    });
  }

  let applied = settings.get();
  hotkeys.apply(applied.hotkeys);
  syncAutoStart(applied.startAtLogin);

  const unsubscribers = [
    settings.onChange((next) => {
      if (JSON.stringify(next.hotkeys) !== JSON.stringify(applied.hotkeys)) hotkeys.apply(next.hotkeys);
      if (next.startAtLogin !== applied.startAtLogin) syncAutoStart(next.startAtLogin);
      applied = next;
      render();
    }),
    calls.onSnapshot((snapshot) => {
      notifyMissed(snapshot);
      // Another account's line has its own Do Not Disturb.
      if (calls.line() !== line) {
        line = calls.line();
        void dnd.reset();
      }
      render();
    }),
    dnd.onChange(() => render()),
    calls.onLineInfo(() => render()),
    calls.onDevices(() => render()),
    ...(['resume', 'unlock', 'online'] as const).map((signal) => deps.system.on(signal, () => void dnd.refresh())),
  ];
  render();

  return {
    handlers: {
      'desktop:get': async () => state(),
      'desktop:setDnd': ({ enabled }) => dnd.set(enabled),
      'desktop:resolveLink': ({ id, dial: confirmed }) => links.resolve(id, confirmed),
      'desktop:settingsShown': async () => {
        settingsRequested = false;
        render();
        return null;
      },
      'popup:get': async () => popup.state(),
      'popup:dismiss': async ({ callId }) => {
        popup.dismiss(callId, model());
        return null;
      },
    },
    state,
    openLink: (raw) => links.open(raw),
    openArgv(argv) {
      const link = linkFromArgv(argv);
      return link === undefined ? undefined : links.open(link);
    },
    stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      hotkeys.stop();
      dnd.stop();
      tray.stop();
      feedback.stop();
    },
  };
}
