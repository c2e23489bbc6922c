import { createMemorySecretStore } from '../../main/core/memory-secret-store.js';
import { systemClock } from '../../main/core/system-clock.js';
import type { CorePorts } from '../../main/core/create-core.js';
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

/** The harness's ports, typed concretely so its control routes can drive the fakes. */
export interface HarnessPorts extends CorePorts {
  log: Logger;
  settingsStore: MemorySettingsStore;
  callLogStore: MemorySettingsStore;
  shortcuts: FakeShortcuts;
  tray: FakeTray;
  notifier: FakeNotifier;
  browser: FakeBrowser;
  window: FakeWindow;
  clipboard: FakeClipboard;
  system: FakeSystemEvents;
}

export function createHarnessPorts(overrides: { clock?: Clock; log?: Logger } = {}): HarnessPorts {
  return {
    log: overrides.log ?? new MemoryLogger(),
    clock: overrides.clock ?? systemClock,
    settingsStore: new MemorySettingsStore(),
    callLogStore: new MemorySettingsStore(),
    secrets: createMemorySecretStore(),
    shortcuts: new FakeShortcuts(),
    tray: new FakeTray(),
    notifier: new FakeNotifier(),
    browser: new FakeBrowser(),
    window: new FakeWindow(),
    clipboard: new FakeClipboard(),
    system: new FakeSystemEvents(),
  };
}
