import { systemClock } from '../../main/core/system-clock.js';
import type { CorePorts } from '../../main/app/create-core.js';
import type { Clock, Logger } from '../../main/core/ports.js';
import {
  FakeBrowser,
  FakeClipboard,
  FakeNotifier,
  FakeShortcuts,
  FakeSystemEvents,
  FakeTray,
  FakeWindow,
  MemoryLogger,
  MemorySettingsStore,
} from '../fakes/in-memory-ports.js';
import { FakeAutoStart, FakeLifecycle, FakePopup } from '../fakes/desktop-fakes.js';
import { FakeKeychain } from '../fakes/fake-keychain.js';

/** The harness's ports, typed concretely so its control routes can drive the fakes. */
export interface HarnessPorts extends CorePorts {
  log: Logger;
  settingsStore: MemorySettingsStore;
  callLogStore: MemorySettingsStore;
  keychain: FakeKeychain;
  vaultStore: MemorySettingsStore;
  accountsStore: MemorySettingsStore;
  shortcuts: FakeShortcuts;
  tray: FakeTray;
  notifier: FakeNotifier;
  browser: FakeBrowser;
  window: FakeWindow;
  clipboard: FakeClipboard;
  system: FakeSystemEvents;
  popup: FakePopup;
  autoStart: FakeAutoStart;
  lifecycle: FakeLifecycle;
}

export function createHarnessPorts(overrides: { clock?: Clock; log?: Logger; keychain?: FakeKeychain } = {}): HarnessPorts {
  return {
    log: overrides.log ?? new MemoryLogger(),
    clock: overrides.clock ?? systemClock,
    settingsStore: new MemorySettingsStore(),
    callLogStore: new MemorySettingsStore(),
    keychain: overrides.keychain ?? new FakeKeychain(),
    vaultStore: new MemorySettingsStore(),
    accountsStore: new MemorySettingsStore(),
    shortcuts: new FakeShortcuts(),
    tray: new FakeTray(),
    notifier: new FakeNotifier(),
    browser: new FakeBrowser(),
    window: new FakeWindow(),
    clipboard: new FakeClipboard(),
    system: new FakeSystemEvents(),
    popup: new FakePopup(),
    autoStart: new FakeAutoStart(),
    lifecycle: new FakeLifecycle(),
  };
}
