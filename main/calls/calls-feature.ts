import type { CallsSnapshot, DevicesInfo, LineInfo } from '../../preload/contract.js';
import type { Line } from '../providers/line.js';
import type { Clock, Logger, SettingsStore } from '../core/ports.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { SettingsService } from '../settings/index.js';
import { createCallCommands, type CallCommands } from './call-commands.js';
import { createCallLog } from './call-log.js';
import { createDirectorySearch } from './directory-search.js';
import { createRecordingLimits } from './recording-limits.js';
import { watchMyLine, type MyLineWatch } from './my-line.js';
import { createCallSync, type CallSync } from './sync-engine.js';
import { createUserEndings } from './user-endings.js';
import { bindLines, NO_DEVICES, type LinesBinding } from './lines/lines-binding.js';
import { SECONDARY_IDLE_MS } from './lines/line-routing.js';

export interface CallsFeature {
  handlers: HandlersOf<ChannelsOf<'calls'> | ChannelsOf<'line'> | ChannelsOf<'directory'> | ChannelsOf<'devices'>>;
  /** The same commands the window uses, for hotkeys, tray and popup. */
  commands: CallCommands;
  snapshot(): CallsSnapshot;
  onSnapshot(listener: (snapshot: CallsSnapshot) => void): () => void;
  /** My number and extension, and voicemail waiting, for the line in use. */
  lineInfo(): LineInfo;
  onLineInfo(listener: (info: LineInfo) => void): () => void;
  /** My devices, lines and queues on the line in use (the window's and the tray's). */
  devices(): DevicesInfo;
  onDevices(listener: (info: DevicesInfo) => void): () => void;
  refresh(): Promise<void>;
  /** Reads the voicemail count now (a live update said it changed). */
  refreshVoicemail(): Promise<void>;
  /** A push source announces voicemail changes: the minute's read becomes a slow safety net. */
  setVoicemailPushed(pushed: boolean): void;
  /**
   * While a push source is live, the poll is only a safety net at this period; undefined goes
   * back to the settings' cadence.
   */
  setSafetyNet(ms: number | undefined): void;
  setOnline(online: boolean): void;
  /** The line in use: the demo line, or an account's. */
  line(): Line;
  /** Switches to another line (sign-in, sign-out) without restarting the app. */
  useLine(line: Line): Promise<void>;
  stop(): Promise<void>;
}

interface Deps {
  clock: Clock;
  log: Logger;
  settings: SettingsService;
  callLogStore: SettingsStore;
  line: Line;
}

/**
 * Live calls: one sync engine and one set of commands bound to the current line. The local
 * call log outlives line switches, so history survives signing in and out.
 */
export function createCallsFeature(deps: Deps): CallsFeature {
  const { clock, log, settings } = deps;
  const callLog = createCallLog({ store: deps.callLogStore, clock, log });
  const listeners = new Set<(snapshot: CallsSnapshot) => void>();
  const infoListeners = new Set<(info: LineInfo) => void>();
  let current = deps.line;
  let sync: CallSync;
  let commands: CallCommands;
  let myLine: MyLineWatch;
  let safetyNetMs: number | undefined;
  let voicemailPushed = false;
  let lines: LinesBinding;
  let devicesUnsubscribe: (() => void) | undefined;
  const devicesListeners = new Set<(info: DevicesInfo) => void>();
  const emitSnapshot = (snapshot: CallsSnapshot) => {
    for (const listener of listeners) listener(snapshot);
  };
  const directory = createDirectorySearch({ people: () => current.people, log });
  // Push covers my own line. Nothing documents that a user's webhooks or XSI subscription carry
  // calls on the secondary lines my devices hold (the built-in line sends none), so while I hold
  // any, the poll keeps their cadence; my own line is still listed only at the safety net's pace
  // or when a push signal or an action says so (ownLineEveryMs).
  const pushedPollMs = (safetyNet: number) =>
    (lines.devices?.secondaryLineIds().length ?? 0) > 0 ? Math.min(safetyNet, SECONDARY_IDLE_MS) : safetyNet;

  const bind = (line: Line) => {
    lines = bindLines(line, { clock, log, ownLineEveryMs: () => safetyNetMs });
    devicesUnsubscribe = lines.devices?.onChange((info) => {
      for (const listener of devicesListeners) listener(info);
      // A line's name may have just arrived: show it on its calls.
      emitSnapshot(lines.decorate(sync.snapshot()));
    });
    const userEndings = createUserEndings();
    // What the recording mode refuses is learnt per line: another account may have another mode.
    const recordingLimits = createRecordingLimits();
    sync = createCallSync({
      userEndings,
      offerFilter: (actions) => recordingLimits.filter(actions),
      provider: lines.provider,
      clock,
      log,
      intervals: () =>
        safetyNetMs !== undefined
          ? { activeMs: pushedPollMs(safetyNetMs), idleMs: pushedPollMs(safetyNetMs) }
          : { activeMs: settings.get().pollActiveMs, idleMs: settings.get().pollIdleMs },
      lineLabel: () => line.label,
      onSnapshot(snapshot) {
        for (const ended of snapshot.ended) callLog.record(ended.call, ended.outcome);
        // A caller just sent to voicemail (or giving up into it) may have left a message.
        if (snapshot.ended.length > 0) void myLine.refreshVoicemail();
        emitSnapshot(lines.decorate(snapshot));
      },
    });
    myLine = watchMyLine({
      people: line.people,
      voicemail: line.voicemail,
      clock,
      log,
      pushed: voicemailPushed,
      onChange: (info) => {
        for (const listener of infoListeners) listener(info);
      },
    });
    commands = createCallCommands({
      provider: lines.provider,
      sync,
      defaultCountry: () => settings.get().defaultCountry,
      log,
      callLog,
      userEndings,
      recordingLimits,
    });
    sync.start();
  };
  bind(current);

  const devicesInfo = (): DevicesInfo => lines.devices?.info() ?? NO_DEVICES;
  const unbind = () => {
    devicesUnsubscribe?.();
    lines.stop();
  };
  /** Lists every line now, my own included even while push slows its cadence. */
  const refreshNow = () => {
    lines.listOwnNext();
    return sync.refresh();
  };
  const linesContext = {
    refresh: () => void refreshNow(),
    redecorate: () => emitSnapshot(lines.decorate(sync.snapshot())),
  };

  // Handlers look the commands up on each call, so they follow a line switch.
  const handlers: CallsFeature['handlers'] = {
    'devices:get': (args) => lines.handlers(linesContext)['devices:get'](args),
    'devices:choose': (args) => lines.handlers(linesContext)['devices:choose'](args),
    'devices:pull': (args) => lines.handlers(linesContext)['devices:pull'](args),
    'devices:push': (args) => lines.handlers(linesContext)['devices:push'](args),
    'devices:setAgentState': (args) => lines.handlers(linesContext)['devices:setAgentState'](args),
    'devices:setQueue': (args) => lines.handlers(linesContext)['devices:setQueue'](args),
    'calls:list': async () => lines.decorate(sync.snapshot()),
    'calls:dial': (args) => commands.dial(args),
    'calls:answer': (args) => commands.answer(args),
    'calls:decline': (args) => commands.decline(args),
    'calls:forward': (args) => commands.forward(args),
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
    'calls:bargeIn': (args) => commands.bargeIn(args),
    'calls:recording': (args) => commands.recording(args),
    'calls:dtmf': (args) => commands.dtmf(args),
    'calls:history': () => commands.history(),
    'line:get': async () => {
      // A window asking is a window just opened: bring the count up to date (the event follows).
      void myLine.refreshVoicemail();
      return myLine.info();
    },
    'directory:search': (args) => directory.search(args.query),
    'directory:cancel': async () => {
      directory.cancel();
      return null;
    },
  };

  return {
    handlers,
    get commands() {
      return commands;
    },
    snapshot: () => lines.decorate(sync.snapshot()),
    onSnapshot(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lineInfo: () => myLine.info(),
    devices: () => devicesInfo(),
    onDevices(listener) {
      devicesListeners.add(listener);
      return () => devicesListeners.delete(listener);
    },
    onLineInfo(listener) {
      infoListeners.add(listener);
      return () => infoListeners.delete(listener);
    },
    refresh: refreshNow,
    refreshVoicemail: () => myLine.refreshVoicemail(),
    setVoicemailPushed(pushed) {
      voicemailPushed = pushed;
      myLine.setPushed(pushed);
    },
    setSafetyNet(ms) {
      safetyNetMs = ms;
    },
    setOnline: (online) => sync.setOnline(online),
    line: () => current,
    async useLine(line) {
      const previous = current;
      sync.stop();
      myLine.stop();
      unbind();
      directory.cancel();
      current = line;
      bind(line);
      // The new line's owner is not known yet: say so rather than show the old one's number.
      for (const listener of infoListeners) listener(myLine.info());
      for (const listener of devicesListeners) listener(devicesInfo());
      await previous.close();
      await refreshNow();
    },
    async stop() {
      // First and synchronously: on quit this runs inside before-quit, and the rest of stopping is
      // waited for only up to a deadline (main/core/quit-gate.ts); a crash waits for nothing.
      callLog.flush();
      sync.stop();
      myLine.stop();
      unbind();
      directory.cancel();
      await current.close();
      await callLog.settled();
    },
  };
}
