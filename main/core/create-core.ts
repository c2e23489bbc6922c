import type { CallsSnapshot } from '../../preload/contract.js';
import { createCallCommands } from '../calls/call-commands.js';
import { createCallLog } from '../calls/call-log.js';
import { createCallSync } from '../calls/sync-engine.js';
import type { Handlers } from '../ipc/handlers.js';
import { createEventHub, type EventHub } from '../ipc/event-hub.js';
import { createSettingsService, type SettingsService } from '../settings/settings-service.js';
import type { Line } from './line.js';
import type {
  Browser,
  Clipboard,
  Clock,
  Logger,
  Notifier,
  SecretStore,
  SettingsStore,
  ShortcutRegistry,
  SystemEvents,
  TrayView,
  WindowControl,
} from './ports.js';

/** Everything the core needs from the outside world; Electron adapters or in-memory fakes. */
export interface CorePorts {
  log: Logger;
  clock: Clock;
  settingsStore: SettingsStore;
  callLogStore: SettingsStore;
  secrets: SecretStore;
  shortcuts: ShortcutRegistry;
  tray: TrayView;
  notifier: Notifier;
  browser: Browser;
  window: WindowControl;
  clipboard: Clipboard;
  system: SystemEvents;
}

export interface CoreOptions {
  shell: 'electron' | 'harness';
  version: string;
  platform: string;
  /** Opens the phone line: the built-in demo line, or the configured account. */
  openLine: () => Promise<Line>;
}

export interface Core {
  handlers: Handlers;
  events: EventHub;
  settings: SettingsService;
  /** The latest calls snapshot; tests and the harness read it. */
  snapshot(): CallsSnapshot;
  stop(): Promise<void>;
}

/**
 * Builds the application core from ports. It never touches Electron: the composition root
 * (main/index.ts) passes real adapters, the browser harness passes in-memory ones, so the same
 * code is tested end to end on machines where the Electron binary cannot run.
 */
export async function createCore(ports: CorePorts, options: CoreOptions): Promise<Core> {
  const { log, clock } = ports;
  const events = createEventHub(log);
  const settings = createSettingsService(ports.settingsStore, log);
  settings.onChange((next) => events.emit('settings:changed', next));

  const line = await options.openLine();
  const callLog = createCallLog({ store: ports.callLogStore, clock, log });
  const sync = createCallSync({
    provider: line.provider,
    clock,
    log,
    intervals: () => ({ activeMs: settings.get().pollActiveMs, idleMs: settings.get().pollIdleMs }),
    lineLabel: () => line.label,
    onSnapshot(snapshot) {
      for (const ended of snapshot.ended) callLog.record(ended.call, ended.outcome);
      events.emit('calls:changed', snapshot);
    },
  });
  const commands = createCallCommands({
    provider: line.provider,
    sync,
    defaultCountry: () => settings.get().defaultCountry,
    log,
    callLog,
  });

  // The OS tells us when what we show may be stale: re-sync at once rather than at the next tick.
  const unsubscribers = [
    ports.system.on('focus', () => void sync.refresh()),
    ports.system.on('online', () => {
      sync.setOnline(true);
      void sync.refresh();
    }),
    ports.system.on('offline', () => sync.setOnline(false)),
    ports.system.on('resume', () => void sync.refresh()),
    ports.system.on('unlock', () => void sync.refresh()),
  ];

  const handlers: Handlers = {
    'app:info': async () => ({
      name: 'CallDeck',
      version: options.version,
      platform: options.platform,
      mode: line.mode,
      lineLabel: line.label,
      shell: options.shell,
    }),
    // Readiness is per renderer; the transport (ipc/harness) marks it on the hub before this runs.
    'app:ready': async () => null,
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => settings.set(patch),
    'calls:list': async () => sync.snapshot(),
    'calls:dial': (args) => commands.dial(args),
    'calls:answer': (args) => commands.answer(args),
    'calls:decline': (args) => commands.decline(args),
    'calls:voicemail': (args) => commands.voicemail(args),
    'calls:hangup': (args) => commands.hangup(args),
    'calls:hold': (args) => commands.hold(args),
    'calls:resume': (args) => commands.resume(args),
    'calls:mute': (args) => commands.mute(args),
    'calls:unmute': (args) => commands.unmute(args),
    'calls:transfer': (args) => commands.transfer(args),
    'calls:park': (args) => commands.park(args),
    'calls:retrieve': (args) => commands.retrieve(args),
    'calls:pickup': (args) => commands.pickup(args),
    'calls:recording': (args) => commands.recording(args),
    'calls:dtmf': (args) => commands.dtmf(args),
    'calls:history': () => commands.history(),
  };

  sync.start();

  return {
    handlers,
    events,
    settings,
    snapshot: () => sync.snapshot(),
    async stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      sync.stop();
      await line.close();
    },
  };
}
