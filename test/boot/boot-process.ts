/**
 * The boot test's side: builds the stand-in (and, for the broken-copy cases, a patched main),
 * starts the driver as a child process on a temporary userData folder, and talks to it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { DriverMessage, DriverRequest } from './driver-protocol.js';
import type { BootSnapshot } from '../electron-standin/driver.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const builtMain = join(repoRoot, 'dist/main/index.js');
const standinDir = join(repoRoot, 'dist/electron-standin');

let standinBuilt: Promise<void> | undefined;

/** One ESM bundle per entry with shared chunks, so the driver and `electron` share one stand-in. */
export function buildStandin(): Promise<void> {
  standinBuilt ??= build({
    entryPoints: ['driver', 'index', 'hooks'].map((name) => join(repoRoot, 'test/electron-standin', `${name}.ts`)),
    outdir: standinDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  }).then(() => undefined);
  return standinBuilt;
}

/**
 * main/index.ts with one edit, built exactly as `npm run build:main` builds it, into a sibling of
 * dist/main so its relative paths (preload, renderer, assets) still resolve. The edit must apply.
 */
export async function buildBrokenMain(name: string, edit: (source: string) => string): Promise<string> {
  const sourcePath = join(repoRoot, 'main/index.ts');
  const source = readFileSync(sourcePath, 'utf8');
  const broken = edit(source);
  if (broken === source) throw new Error(`broken copy "${name}": the edit did not change main/index.ts`);
  const outfile = join(repoRoot, `dist/broken-${name}/index.js`);
  await build({
    stdin: { contents: broken, resolveDir: join(repoRoot, 'main'), sourcefile: 'index.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

type Request = DriverRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface Boot {
  readonly userData: string;
  readonly messages: readonly DriverMessage[];
  /** stdout and stderr of the app, for failure messages. */
  output(): string;
  request<T = unknown>(request: Request): Promise<T>;
  snapshot(): Promise<BootSnapshot>;
  /** Resolves with the first message that matches (already received or still to come). */
  waitFor<M extends DriverMessage>(match: (message: DriverMessage) => message is M, what: string): Promise<M>;
  waitFor(match: (message: DriverMessage) => boolean, what: string): Promise<DriverMessage>;
  /** Resolves with the first snapshot that passes `check`; fails if the app exits first. */
  until(check: (snapshot: BootSnapshot) => boolean, what: string): Promise<BootSnapshot>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

export interface BootOptions {
  main?: string;
  argv?: string[];
  /** Shared by a second instance. */
  userData?: string;
  /** Electron's ready waits for `request({ op: 'ready' })`. */
  holdReady?: boolean;
  /** CALLDECK_* variables a test sets on purpose, e.g. an account on its own test line. */
  env?: Record<`CALLDECK_${string}`, string>;
}

export async function startBoot(options: BootOptions = {}): Promise<Boot> {
  await buildStandin();
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'calldeck-boot-'));
  const messages: DriverMessage[] = [];
  const waiters = new Set<{ match: (message: DriverMessage) => boolean; resolve: (message: DriverMessage) => void }>();
  let output = '';
  const child: ChildProcess = fork(join(standinDir, 'driver.js'), [], {
    cwd: repoRoot,
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      // Only what a desktop session gives; never a developer's account (CALLDECK_WEBEX_*).
      PATH: process.env.PATH,
      HOME: userData,
      LANG: 'en_US.UTF-8',
      ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-binary-guard',
      CALLDECK_STANDIN: JSON.stringify({ appPath: repoRoot, name: 'CallDeck', version: packageVersion(), userData }),
      CALLDECK_BOOT: JSON.stringify({ main: options.main ?? builtMain, argv: options.argv ?? [], holdReady: options.holdReady ?? false }),
      ...options.env,
    },
  });
  // Send failures (the app already gone) are answered per request; never an unhandled 'error'.
  child.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let nextId = 1;
  const replies = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (raw) => {
    const message = raw as DriverMessage;
    messages.push(message);
    if (message.type === 'reply') {
      const pending = replies.get(message.id);
      replies.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.error));
    }
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  });
  void exited.then(({ code, signal }) => {
    for (const pending of replies.values()) pending.reject(new Error(`${ending(code, signal)}\nbefore answering`));
    replies.clear();
  });

  /** Why the app is gone: what it reported as a crash, then everything it printed. */
  const ending = (code: number | null, signal: NodeJS.Signals | null) => {
    const crashes = messages.flatMap((m) => (m.type === 'crash' ? [`${m.kind}: ${m.error}`] : []));
    return `the app exited (${code ?? signal})\n${[...crashes, output].join('\n')}`;
  };

  const boot: Boot = {
    userData,
    messages,
    output: () => output,
    request<T>(request: Request) {
      const id = nextId++;
      const gone = () => exited.then(({ code, signal }) => Promise.reject(new Error(`${ending(code, signal)}\nbefore answering`)));
      if (!child.connected) return gone();
      return new Promise<T>((resolve, reject) => {
        replies.set(id, { resolve: resolve as (value: unknown) => void, reject });
        // The app may end between our check and the send: then the answer is why it ended.
        child.send({ ...request, id }, (error) => {
          if (error && replies.delete(id)) gone().catch(reject);
        });
      });
    },
    snapshot: () => boot.request<BootSnapshot>({ op: 'snapshot' }),
    waitFor(match: (message: DriverMessage) => boolean, what: string) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise<DriverMessage>((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        void exited.then(({ code, signal }) => {
          if (waiters.delete(waiter)) reject(new Error(`${ending(code, signal)}\nwhile waiting for ${what}`));
        });
      });
    },
    async until(check, what) {
      let gone: string | undefined;
      void exited.then(({ code, signal }) => (gone = ending(code, signal)));
      for (;;) {
        if (gone !== undefined) throw new Error(`${gone}\nwhile waiting for ${what}`);
        const snapshot = await boot.snapshot();
        if (check(snapshot)) return snapshot;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  } as Boot;
  return boot;
}

export function removeUserData(boot: Boot): void {
  rmSync(boot.userData, { recursive: true, force: true });
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
