import type { StoreApi } from 'zustand/vanilla';
import type { AccountsSlice } from './accounts-slice';
import type { AppSlice } from './app-slice';
import type { CallsSlice } from './calls-slice';
import type { DesktopSlice } from './desktop-slice';
import type { EventsSlice } from './events-slice';
import type { DevicesSlice } from './devices-slice';
import type { MeetingsSlice } from './meetings-slice';
import type { NoticesSlice } from './notices-slice';
import type { SettingsSlice } from './settings-slice';
import type { UiSlice } from './ui-slice';
import type { VideoSdkSlice } from './videosdk-slice';

/** The whole store: one key per slice; each slice's type lives beside it in `<name>-slice.ts`. */
export interface AppState {
  calls: CallsSlice;
  settings: SettingsSlice;
  desktop: DesktopSlice;
  devices: DevicesSlice;
  accounts: AccountsSlice;
  videosdk: VideoSdkSlice;
  meetings: MeetingsSlice;
  notices: NoticesSlice;
  events: EventsSlice;
  ui: UiSlice;
  app: AppSlice;
}

export type AppStore = StoreApi<AppState>;

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
/** Each slice gets the whole store's set/get, and updates only its own key. */
export type SliceCreator<K extends keyof AppState> = (set: SetState, get: GetState) => AppState[K];
