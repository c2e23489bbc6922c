import type { CallsSnapshot } from '../../preload/contract.js';
import { createAccountsFeature, type AccountsFeature, type AccountsOptions } from '../auth/index.js';
import { createCallsFeature, type CallsFeature } from '../calls/index.js';
import { createDesktopFeature, type DesktopFeature } from '../desktop/index.js';
import type { Handlers } from '../ipc/handlers.js';
import { lateLineSwitch } from './late-line-switch.js';
import { createEventHub, type EventHub } from '../ipc/event-hub.js';
import {
  createEventsFeature,
  xsiSourceFactory,
  type EventsFeature,
  type EventsOptions,
  type PushSourceContext,
  type PushSourceFactory,
} from '../events/index.js';
import { createMeetingsFeature, type MeetingsFeature } from '../meetings/index.js';
import { createSettingsService, createStoredFileNotices, type SettingsService, type StoredFileNotices } from '../settings/index.js';
import { redactingLogger } from '../core/console-logger.js';
import type { Line } from '../providers/line.js';
import { createVideoSdkFeature, type VideoSdkFeature } from '../videosdk/index.js';
import type {
  AutoStart,
  Browser,
  Clipboard,
  Clock,
  Keychain,
  Lifecycle,
  Logger,
  Notifier,
  PopupView,
  SettingsStore,
  ShortcutRegistry,
  SystemEvents,
  TrayView,
  WindowControl,
} from '../core/ports.js';

/** Everything the core needs from the outside world; Electron adapters or in-memory fakes. */
export interface CorePorts {
  log: Logger;
  clock: Clock;
  settingsStore: SettingsStore;
  callLogStore: SettingsStore;
  /** Encrypts secrets (the OS keychain); the vault keeps the ciphertext in `vaultStore`. */
  keychain: Keychain;
  vaultStore: SettingsStore;
  /** The accounts' non-secret settings. */
  accountsStore: SettingsStore;
  shortcuts: ShortcutRegistry;
  tray: TrayView;
  notifier: Notifier;
  browser: Browser;
  window: WindowControl;
  clipboard: Clipboard;
  system: SystemEvents;
  popup: PopupView;
  autoStart: AutoStart;
  lifecycle: Lifecycle;
}

export interface CoreOptions {
  shell: 'electron' | 'harness';
  version: string;
  platform: string;
  /** Opens the phone line: the built-in demo line, or the configured account. */
  openLine: () => Promise<Line>;
  /** Linux on Wayland, where a registered global shortcut may still not fire. */
  wayland?: boolean;
  /** Sign-in tuning; tests shorten the wait and bind a random loopback port. */
  accounts?: AccountsOptions;
  /** Live updates: the CALLDECK_WEBHOOK_* environment, and shorter timings in tests. */
  events?: EventsOptions;
}

/**
 * Push sources preferred over webhooks, best first. XSI events plug in here with one line:
 * `(ctx) => () => createXsiSource(ctx)` (a factory answers undefined where it cannot be used).
 */
const PREFERRED_PUSH_SOURCES: ReadonlyArray<(ctx: PushSourceContext) => PushSourceFactory> = [(ctx) => xsiSourceFactory(ctx)];

export interface Core {
  handlers: Handlers;
  events: EventHub;
  settings: SettingsService;
  calls: CallsFeature;
  accounts: AccountsFeature;
  desktop: DesktopFeature;
  videosdk: VideoSdkFeature;
  meetings: MeetingsFeature;
  /** Live updates: which push source keeps the calls live, if any. */
  liveEvents: EventsFeature;
  /** Damaged stored files the person is told about; the composition root watches window-state with it. */
  notices: StoredFileNotices;
  /** The latest calls snapshot; tests and the harness read it. */
  snapshot(): CallsSnapshot;
  stop(): Promise<void>;
}

/**
 * Builds the application core from ports. It never touches Electron: the composition root
 * (main/index.ts) passes real adapters, the browser harness passes in-memory ones, so the same
 * code is tested end to end on machines where the Electron binary cannot run. Each feature
 * brings the handlers for its own channels; this function only assembles them.
 */
export async function createCore(ports: CorePorts, options: CoreOptions): Promise<Core> {
  const { clock } = ports;
  // Redacted by construction: nothing in the core can hand a port's logger a token.
  const log = redactingLogger(ports.log);
  const events = createEventHub(log);
  const notices = createStoredFileNotices();
  notices.onChange((list) => events.emit('notices:changed', list));
  const settings = createSettingsService(notices.watch(ports.settingsStore, 'settings'), log);
  settings.onChange((next) => events.emit('settings:changed', next));

  // Accounts and calls need each other: calls starts on the line accounts restores, and accounts
  // switch calls' line on sign-in and sign-out. Switching happens only after start-up, so accounts
  // get a switch now that is wired to calls once calls exists.
  const lineSwitch = lateLineSwitch(options.openLine);
  const accounts = await createAccountsFeature({
    clock,
    log,
    browser: ports.browser,
    keychain: ports.keychain,
    vaultStore: notices.watch(ports.vaultStore, 'vault'),
    accountsStore: notices.watch(ports.accountsStore, 'accounts'),
    lines: lineSwitch,
    ...(options.accounts ? { options: options.accounts } : {}),
  });
  accounts.onChange((snapshot) => events.emit('accounts:changed', snapshot));

  // A signed-in account's line wins over the default (demo, or the developer's environment account).
  const line = accounts.restoredLine() ?? (await options.openLine());
  const calls = createCallsFeature({ clock, log, settings, callLogStore: notices.watch(ports.callLogStore, 'call-log'), line });

  calls.onSnapshot((snapshot) => events.emit('calls:changed', snapshot));
  calls.onLineInfo((info) => events.emit('line:changed', info));
  calls.onDevices((info) => events.emit('devices:changed', info));

  // The OS tells us when what we show may be stale: re-sync at once rather than at the next tick.
  const unsubscribers = [
    ports.system.on('focus', () => void calls.refresh()),
    ports.system.on('online', () => calls.setOnline(true)),
    ports.system.on('offline', () => calls.setOnline(false)),
    ports.system.on('resume', () => void calls.refresh()),
    ports.system.on('unlock', () => void calls.refresh()),
  ];

  const meetings = createMeetingsFeature({ clock, log, line: () => calls.line(), defaultCountry: () => settings.get().defaultCountry });
  meetings.onChange((snapshot) => events.emit('meetings:changed', snapshot));
  // Signing in or out, or switching "Use Webex Meetings", changes what the Meetings view may do;
  // the line itself switches a moment later, and the next calls snapshot shows it.
  accounts.onChange(() => meetings.lineMayHaveChanged());
  calls.onSnapshot(() => meetings.lineMayHaveChanged());

  const desktop = createDesktopFeature({ ...ports, log, settings, calls, events, platform: options.platform, wayland: options.wayland ?? false });

  // A saved VideoSDK account wins, then the developer's; the demo line brings its own for newcomers.
  const videosdk = createVideoSdkFeature({
    clock,
    log,
    access: () => accounts.videoSdkAccess(calls.line().videoSdk),
    defaultCountry: () => settings.get().defaultCountry,
  });
  videosdk.onChange((snapshot) => events.emit('videosdk:changed', snapshot));
  accounts.onChange(() => videosdk.accountChanged());
  const liveEvents = createEventsFeature({
    clock,
    log,
    line: () => calls.line(),
    secrets: accounts.sessionSecrets,
    settings: () => settings.get(),
    refresh: {
      calls: () => void calls.refresh(),
      voicemail: () => void calls.refreshVoicemail(),
      roster: (signal) => meetings.refreshRoster(signal?.id),
    },
    setSafetyNet: (ms) => calls.setSafetyNet(ms),
    preferred: PREFERRED_PUSH_SOURCES,
    ...(options.events ? { options: options.events } : {}),
  });
  liveEvents.onStatus((status) => {
    calls.setVoicemailPushed(liveEvents.live.carries('voicemail'));
    events.emit('events:changed', status);
  });
  meetings.onHosting((hosting) => liveEvents.live.followRoster(hosting));
  // A change no signal announced may mean the push source went quiet.
  let lastCallsKey = '';
  calls.onSnapshot((snapshot) => {
    const key = snapshot.calls.map((c) => `${c.id}:${c.state}`).join(',');
    if (key !== lastCallsKey) liveEvents.live.pollSawChange();
    lastCallsKey = key;
  });
  let webhookSettings = { webhookUrl: settings.get().webhookUrl, webhookPort: settings.get().webhookPort };
  settings.onChange((next) => {
    if (next.webhookUrl !== webhookSettings.webhookUrl || next.webhookPort !== webhookSettings.webhookPort) {
      webhookSettings = { webhookUrl: next.webhookUrl, webhookPort: next.webhookPort };
      void liveEvents.live.restart();
    }
  });

  // The demo line brings a VideoSDK account, so switching lines may change VideoSDK's too. Live
  // updates stop first: their webhooks belong to the old line's account and are deleted with it.
  lineSwitch.bind({
    useLine: async (next) => {
      await liveEvents.live.stop();
      await calls.useLine(next);
      videosdk.accountChanged();
      void liveEvents.live.start();
    },
  });
  void liveEvents.live.start();

  const handlers: Handlers = {
    'app:info': async () => ({
      name: 'CallDeck',
      version: options.version,
      platform: options.platform,
      mode: calls.line().mode,
      lineLabel: calls.line().label,
      shell: options.shell,
    }),
    // Readiness is per renderer; the transport (ipc/harness) marks it on the hub after this runs.
    'app:ready': async () => null,
    'settings:get': async () => settings.get(),
    'settings:set': async (patch) => settings.set(patch),
    ...calls.handlers,
    ...accounts.handlers,
    ...desktop.handlers,
    ...videosdk.handlers,
    ...meetings.handlers,
    'notices:list': async () => notices.list(),
    'notices:dismiss': async ({ id }) => notices.dismiss(id),
    ...liveEvents.handlers,
  };

  return {
    handlers,
    events,
    settings,
    calls,
    accounts,
    desktop,
    videosdk,
    meetings,
    liveEvents,
    notices,
    snapshot: () => calls.snapshot(),
    async stop() {
      // Nothing may await before calls.stop() starts: it saves the call log synchronously, and on
      // quit only this synchronous part is sure to run; the rest is waited for up to a deadline
      // (main/core/quit-gate.ts; test/reliability/call-log-durability.test.ts, test/boot/).
      for (const unsubscribe of unsubscribers) unsubscribe();
      accounts.stop();
      desktop.stop();
      videosdk.stop();
      meetings.stop();
      // An account's webhooks are deleted through its line, so before it closes (quitting waits
      // for that: test/boot/quit-webhooks.test.ts); the demo line takes its own with it.
      const stoppingLive = liveEvents.live.stop();
      if (calls.line().mode === 'account') await stoppingLive;
      await calls.stop();
      await stoppingLive;
    },
  };
}
