import { createStore } from 'zustand/vanilla';
import { createAccountsSlice } from './accounts-slice';
import { createAppSlice } from './app-slice';
import { createCallsSlice } from './calls-slice';
import { createDesktopSlice } from './desktop-slice';
import { createEventsSlice } from './events-slice';
import { createDevicesSlice } from './devices-slice';
import { createMeetingsSlice } from './meetings-slice';
import { createNoticesSlice } from './notices-slice';
import { createSettingsSlice } from './settings-slice';
import type { AppState, AppStore } from './types';
import { createUiSlice } from './ui-slice';
import { createVideoSdkSlice } from './videosdk-slice';

/** A fresh store; the app makes one at start-up, each test makes its own. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((set, get) => ({
    calls: createCallsSlice(set, get),
    settings: createSettingsSlice(set, get),
    desktop: createDesktopSlice(set, get),
    devices: createDevicesSlice(set, get),
    accounts: createAccountsSlice(set, get),
    videosdk: createVideoSdkSlice(set, get),
    meetings: createMeetingsSlice(set, get),
    notices: createNoticesSlice(set, get),
    events: createEventsSlice(set, get),
    ui: createUiSlice(set, get),
    app: createAppSlice(set, get),
  }));
}
