import { createAccountCommands } from './accounts-commands';
import { createCallCommands } from './calls-commands';
import { createDesktopCommands } from './desktop-commands';
import { createDevicesCommands } from './devices-commands';
import { createMeetingsCommands } from './meetings-commands';
import { createNoticesCommands } from './notices-commands';
import { createSettingsCommands } from './settings-commands';
import { createVideoSdkCommands } from './videosdk-commands';
import { useStoreApi } from './store-context';
import type { AppStore } from './types';

/**
 * The one way the window asks main to do something: each slice has one command layer, made once
 * per store, and components reach it only through `useCommands('<slice>')`. Every command runs
 * through `app.act`, so double clicks, pending state and failures behave the same everywhere.
 * A new feature adds `<feature>-commands.ts` beside its slice and one line here.
 */
const COMMAND_LAYERS = {
  calls: createCallCommands,
  accounts: createAccountCommands,
  settings: createSettingsCommands,
  desktop: createDesktopCommands,
  devices: createDevicesCommands,
  videosdk: createVideoSdkCommands,
  meetings: createMeetingsCommands,
  notices: createNoticesCommands,
} satisfies Record<string, (store: AppStore) => object>;

export type CommandSlice = keyof typeof COMMAND_LAYERS;
export type CommandsOf<S extends CommandSlice> = ReturnType<(typeof COMMAND_LAYERS)[S]>;

const made = new WeakMap<AppStore, Map<CommandSlice, object>>();

/** A slice's commands for `store`, made on first use so state they keep (queues, counters) is shared. */
export function commandsOf<S extends CommandSlice>(store: AppStore, slice: S): CommandsOf<S> {
  let layers = made.get(store);
  if (!layers) {
    layers = new Map();
    made.set(store, layers);
  }
  let commands = layers.get(slice);
  if (!commands) {
    commands = COMMAND_LAYERS[slice](store);
    layers.set(slice, commands);
  }
  // The map is keyed by slice and filled only from COMMAND_LAYERS[slice] above.
  return commands as CommandsOf<S>;
}

/** A slice's commands for the store this component is rendered in. */
export function useCommands<S extends CommandSlice>(slice: S): CommandsOf<S> {
  return commandsOf(useStoreApi(), slice);
}
