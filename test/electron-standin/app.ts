/**
 * `app`: the lifecycle Electron enforces. Ready happens once, when the driver says the main
 * script has run (Electron emits it after the entry module is evaluated). Quitting follows
 * Electron's order: before-quit (preventable) → every window closes (a prevented close cancels
 * the quit) → will-quit (preventable) → quit. The single-instance lock is real across processes:
 * a lock file and a socket in userData, so a second process hands its argv to the first.
 */
import { EventEmitter } from 'node:events';
import { openSync, closeSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { preventableEvent, StandinRuleError, type Runtime } from './runtime.js';

type Path = Parameters<Electron.App['getPath']>[0];

export interface AppOptions {
  appPath: string;
  name: string;
  version: string;
  /** Where userData lives; default as Electron on this platform: <appData>/<name>. */
  userData?: string;
}

export interface AppControl {
  emitReady(): void;
  /** Resolves once the quit sequence reached 'quit' (Electron then ends the process). */
  ended: Promise<number>;
  switches(): ReadonlyMap<string, string>;
  /** How many second instances have handed over their arguments. */
  secondInstances(): number;
  /** macOS hands the app a link (also before ready, for the link that launched it). */
  openUrl(url: string): void;
  /** Closes every window, in Electron's quit order; given by the windows module. */
  setWindowCloser(closeAll: () => Promise<boolean>, destroyAll: () => void): void;
}

export function createApp(rt: Runtime, options: AppOptions) {
  const emitter = new EventEmitter();
  const paths = new Map<string, string>();
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  paths.set('home', homedir());
  paths.set('appData', appData);
  paths.set('userData', options.userData ?? join(appData, options.name));
  paths.set('temp', process.env.TMPDIR ?? '/tmp');
  paths.set('exe', process.execPath);
  const switches = new Map<string, string>();
  let closeAllWindows: () => Promise<boolean> = async () => true;
  let destroyAllWindows: () => void = () => undefined;
  let quitting = false;
  let lock: { file: string; server: Server } | undefined;
  let lockRequested = false;
  let secondInstances = 0;
  const afterReady: (() => void)[] = [];
  let resolveEnded: (code: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => (resolveEnded = resolve));
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));

  function releaseLock(): void {
    if (!lock) return;
    lock.server.close();
    rmSync(lock.file, { force: true });
    lock = undefined;
  }

  function shutdown(exitCode: number): void {
    rt.setPhase('ended');
    releaseLock();
    emitter.emit('quit', preventableEvent(), exitCode);
    resolveEnded(exitCode);
  }

  async function quitSequence(): Promise<void> {
    const willQuit = preventableEvent();
    if ((await closeAllWindows()) && (emitter.emit('will-quit', willQuit), !willQuit.defaultPrevented)) {
      shutdown(0);
      return;
    }
    // A window refused to close, or will-quit was prevented: the app runs on.
    quitting = false;
    if (rt.phase() === 'quitting') rt.setPhase('ready');
  }

  const commandLine = {
    appendSwitch(name: string, value?: string) {
      if (rt.isReady()) rt.problem(`app.commandLine.appendSwitch('${name}') after ready has no effect`);
      switches.set(name, value ?? '');
    },
    appendArgument: (_value: string) => undefined,
    hasSwitch: (name: string) => switches.has(name),
    getSwitchValue: (name: string) => switches.get(name) ?? '',
    removeSwitch: (name: string) => void switches.delete(name),
  } satisfies Pick<Electron.CommandLine, 'appendSwitch' | 'appendArgument' | 'hasSwitch' | 'getSwitchValue' | 'removeSwitch'>;

  const methods = {
    whenReady: () => ready,
    isReady: () => rt.isReady(),
    quit() {
      if (quitting || rt.phase() === 'ended') return;
      const event = preventableEvent();
      emitter.emit('before-quit', event);
      if (event.defaultPrevented) return;
      quitting = true;
      if (rt.phase() === 'ready') rt.setPhase('quitting');
      // Windows close on later turns of the message loop, as in Electron.
      setImmediate(() => void quitSequence());
    },
    exit(exitCode = 0) {
      // No events at all, windows destroyed at once, and the process ends now.
      destroyAllWindows();
      rt.setPhase('ended');
      releaseLock();
      resolveEnded(exitCode);
      process.exit(exitCode);
    },
    getPath(name: Path) {
      const value = paths.get(name);
      if (value === undefined) throw new StandinRuleError(`Failed to get '${name}' path (not modelled by the stand-in)`);
      return value;
    },
    setPath(name: Path, path: string) {
      if (rt.isReady() && name === 'userData') rt.problem('app.setPath("userData") after ready: some data is already elsewhere');
      paths.set(name, path);
    },
    getVersion: () => options.version,
    getName: () => options.name,
    setName: (name: string) => void (options.name = name),
    getAppPath: () => options.appPath,
    getLocale: () => 'en-US',
    isPackaged: false,
    setAppUserModelId: (_id: string) => undefined,
    setAsDefaultProtocolClient: (_protocol: string, _path?: string, _args?: string[]) => true,
    removeAsDefaultProtocolClient: (_protocol: string) => true,
    isDefaultProtocolClient: (_protocol: string) => false,
    getLoginItemSettings: () => ({ openAtLogin: false }) as Electron.LoginItemSettings,
    setLoginItemSettings: (_settings: Electron.Settings) => undefined,
    focus: () => undefined,
    hasSingleInstanceLock: () => lock !== undefined,
    releaseSingleInstanceLock: releaseLock,
    requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
      if (lockRequested) return lock !== undefined;
      lockRequested = true;
      const dir = paths.get('userData') as string;
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'SingletonLock');
      const socketPath = join(dir, 'SingletonSocket');
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          const fd = openSync(file, 'wx');
          writeSync(fd, String(process.pid));
          closeSync(fd);
          rmSync(socketPath, { force: true });
          const server = createServer((socket) => {
            let text = '';
            socket.setEncoding('utf8');
            socket.on('data', (chunk) => (text += chunk));
            socket.on('end', () => {
              const message = JSON.parse(text) as { argv: string[]; cwd: string; additionalData: unknown };
              secondInstances += 1;
              const emit = () => {
                if (emitter.listenerCount('second-instance') === 0) {
                  rt.problem(`second-instance emitted with nobody listening: the arguments ${JSON.stringify(message.argv.slice(1))} were lost`);
                }
                emitter.emit('second-instance', preventableEvent(), message.argv, message.cwd, message.additionalData);
              };
              // "Guaranteed to be emitted after the ready event": held until then, then a task of its own.
              if (rt.isReady()) emit();
              else afterReady.push(emit);
            });
          });
          server.listen(socketPath);
          lock = { file, server };
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          const pid = Number(readFileSync(file, 'utf8'));
          if (alive(pid)) {
            const socket = createConnection(socketPath);
            socket.end(JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData: additionalData ?? {} }));
            socket.on('error', (cause) => rt.problem(`single instance: could not reach the first instance (${cause.message})`));
            return false;
          }
          rmSync(file, { force: true });
        }
      }
      return false;
    },
  } satisfies Pick<
    Electron.App,
    | 'whenReady'
    | 'isReady'
    | 'quit'
    | 'exit'
    | 'getPath'
    | 'setPath'
    | 'getVersion'
    | 'getName'
    | 'setName'
    | 'getAppPath'
    | 'getLocale'
    | 'isPackaged'
    | 'setAppUserModelId'
    | 'setAsDefaultProtocolClient'
    | 'removeAsDefaultProtocolClient'
    | 'isDefaultProtocolClient'
    | 'getLoginItemSettings'
    | 'setLoginItemSettings'
    | 'focus'
    | 'hasSingleInstanceLock'
    | 'releaseSingleInstanceLock'
    | 'requestSingleInstanceLock'
  >;

  const app = Object.assign(emitter, methods, { commandLine });

  const control: AppControl = {
    emitReady() {
      if (rt.phase() !== 'starting' || quitting) return;
      emitter.emit('will-finish-launching');
      rt.setPhase('ready');
      emitter.emit('ready', preventableEvent(), {});
      readyResolve();
      setImmediate(() => {
        for (const emit of afterReady.splice(0)) emit();
      });
    },
    secondInstances: () => secondInstances,
    openUrl(url) {
      const event = preventableEvent();
      if (emitter.listenerCount('open-url') === 0) rt.problem(`open-url emitted with nobody listening: ${url} was lost`);
      emitter.emit('open-url', event, url);
      if (!event.defaultPrevented) rt.problem(`open-url for ${url} was not preventDefault()-ed, so macOS treats it as unhandled`);
    },
    ended,
    switches: () => switches,
    setWindowCloser(closeAll, destroyAll) {
      closeAllWindows = closeAll;
      destroyAllWindows = destroyAll;
    },
  };
  return { app, control };
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
