import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { locateRuntime } from '../../../main/prestart/electron-runtime.js';
import { describeError } from '../../../main/prestart/fetch-runtime.js';
import { checkElectronRuntime } from '../../../main/prestart/start-check.js';
import {
  artifactName,
  closedPort,
  electronVersion,
  makePackage,
  networkVariables,
  removePackages,
  sha256,
  STACK_FRAME,
  startMirror,
  zipWithOneFile,
} from './prestart-kit.js';

/** Runs the check and keeps what it would print. */
async function runCheck(packageDir: string, idleMs = 8000) {
  const output: string[] = [];
  const started = performance.now();
  const code = await checkElectronRuntime({ packageDir, idleMs, write: (text) => output.push(text) });
  return { code, output: output.join(''), ms: performance.now() - started };
}

/** What every failure paragraph says besides its reason. */
function expectTheAdvice(output: string) {
  expect(output).toContain('Try CallDeck right now with `npm run harness`: it serves the same app in a browser, on the demo line.');
  expect(output).toContain('with network access');
  expect(output).toContain('ELECTRON_MIRROR=');
  expect(output).toContain('`node node_modules/electron/install.js`');
  expect(output).not.toMatch(STACK_FRAME);
  expect(output).not.toContain('install-electron');
  // One paragraph: no blank line inside it.
  expect(output.trimEnd()).not.toContain('\n\n');
}

let mirror: Awaited<ReturnType<typeof startMirror>> | undefined;
let cacheDir = '';

beforeEach(() => {
  for (const key of networkVariables(process.env)) vi.stubEnv(key, undefined);
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', undefined);
  // A cache of our own: a zip cached by an earlier run (or by the developer) would hide the download.
  cacheDir = mkdtempSync(join(tmpdir(), 'calldeck-electron-cache-'));
  vi.stubEnv('electron_config_cache', cacheDir);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await mirror?.close();
  mirror = undefined;
  removePackages();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("npm start's check for Electron's runtime", () => {
  it('lets npm start go on, silently and without the network, when the runtime is installed', async () => {
    mirror = await startMirror((_request, response) => response.end());
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);
    const packageDir = makePackage({ runtime: true });

    expect(await runCheck(packageDir)).toMatchObject({ code: 0, output: '' });
    expect(mirror.requests).toEqual([]);
  });

  it('lets npm start go on when ELECTRON_OVERRIDE_DIST_PATH holds a runtime, even with none in dist/', async () => {
    const override = join(makePackage({ runtime: true }), 'dist');
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', override);

    expect(locateRuntime(makePackage({ runtime: false }), process.env)).toEqual({ kind: 'present', executable: join(override, 'electron') });
    expect(await runCheck(makePackage({ runtime: false }))).toMatchObject({ code: 0, output: '' });
  });

  it('explains, without a stack trace, when the runtime is missing and the mirror refuses the connection', async () => {
    const port = await closedPort();
    vi.stubEnv('ELECTRON_MIRROR', `http://127.0.0.1:${port}/`);
    const packageDir = makePackage({ runtime: false });

    const { code, output, ms } = await runCheck(packageDir);

    expect(code).toBe(1);
    expect(output).toMatch(
      new RegExp(`^CallDeck cannot start: Electron's runtime \\(v${electronVersion}\\) could not be downloaded from 127\\.0\\.0\\.1:${port} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)\\.\\n`),
    );
    expectTheAdvice(output);
    expect(ms).toBeLessThan(5000);
    expect(existsSync(join(packageDir, 'path.txt'))).toBe(false);
  });

  it('names the answer when the mirror does not have the file', async () => {
    mirror = await startMirror((_request, response) => {
      response.statusCode = 404;
      response.end('Not Found');
    });
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);

    const { code, output } = await runCheck(makePackage({ runtime: false }));

    expect(code).toBe(1);
    expect(output).toContain(`could not be downloaded from ${new URL(mirror.url).host} (Response code 404 (Not Found) for ${mirror.url}v${electronVersion}/${artifactName})`);
    expectTheAdvice(output);
    // Asked once, for the artifact itself: no retry.
    expect(mirror.requests).toEqual([`/v${electronVersion}/${artifactName}`]);
  });

  it('gives up after the idle bound, without retrying, when the mirror takes the connection and never answers', async () => {
    mirror = await startMirror(() => {
      // Holds the request open: a proxy or firewall that neither answers nor refuses.
    });
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);

    const { code, output, ms } = await runCheck(makePackage({ runtime: false }), 400);

    expect(code).toBe(1);
    expect(output).toContain(`could not be downloaded from ${new URL(mirror.url).host} (no data for 0.4 s)`);
    expectTheAdvice(output);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(5000);
    expect(mirror.requests).toHaveLength(1);
  });

  it('gives up when a download stalls halfway, and says so', async () => {
    mirror = await startMirror((_request, response) => {
      response.writeHead(200, { 'content-length': '1000000' });
      response.write(Buffer.alloc(1000));
    });
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);

    const { code, output, ms } = await runCheck(makePackage({ runtime: false }), 400);

    expect(code).toBe(1);
    // Bytes arrived, so the user was told a download had begun; then the paragraph.
    expect(output).toMatch(new RegExp(`^Downloading Electron's runtime \\(v${electronVersion}\\), once…\\nCallDeck cannot start: .* \\(no data for 0\\.4 s\\)\\.\\n`));
    expectTheAdvice(output);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a file that does not match Electron checksums, as install.js would', async () => {
    mirror = await startMirror((_request, response) => response.end('not electron'));
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);

    const { code, output } = await runCheck(makePackage({ runtime: false }));

    expect(code).toBe(1);
    expect(output).toMatch(/could not be downloaded from 127\.0\.0\.1:\d+ \(.*checksum.*\)\.\n/i);
    expectTheAdvice(output);
  });

  it('says where an ELECTRON_OVERRIDE_DIST_PATH that points nowhere points, and downloads nothing', async () => {
    mirror = await startMirror((_request, response) => response.end());
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '/nonexistent/calldeck-test-override');

    const { code, output } = await runCheck(makePackage({ runtime: false }));

    expect(code).toBe(1);
    expect(output).toMatch(
      /^CallDeck cannot start: Electron's runtime is not where ELECTRON_OVERRIDE_DIST_PATH points \(\/nonexistent\/calldeck-test-override\/electron does not exist\)\.\n/,
    );
    expect(output).toContain('unset ELECTRON_OVERRIDE_DIST_PATH');
    expectTheAdvice(output);
    // Electron never downloads into an override, so neither does the check.
    expect(mirror.requests).toEqual([]);
  });

  it('downloads once, lets install.js unpack from the cache, and then finds the runtime', async () => {
    const zip = zipWithOneFile('electron', '#!/bin/sh\necho stand-in\n');
    mirror = await startMirror((_request, response) => response.end(zip));
    vi.stubEnv('ELECTRON_MIRROR', mirror.url);
    const packageDir = makePackage({ runtime: false, checksums: { [artifactName]: sha256(zip) } });

    const first = await runCheck(packageDir);

    expect(first).toMatchObject({ code: 0, output: `Downloading Electron's runtime (v${electronVersion}), once…\n` });
    expect(readFileSync(join(packageDir, 'path.txt'), 'utf8')).toBe('electron');
    expect(readFileSync(join(packageDir, 'dist', 'electron'), 'utf8')).toBe('#!/bin/sh\necho stand-in\n');
    // install.js unpacked the cached zip: the mirror was asked once in all.
    expect(mirror.requests).toHaveLength(1);
    expect(await runCheck(packageDir)).toMatchObject({ code: 0, output: '' });
    expect(mirror.requests).toHaveLength(1);
  });
});

describe('the reason line', () => {
  it('reaches past "fetch failed" to its cause, and past an empty AggregateError to its parts', () => {
    const refused = Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:9'), new Error('connect ECONNREFUSED 127.0.0.1:9')], ''), { code: 'ECONNREFUSED' });
    expect(describeError(new TypeError('fetch failed', { cause: refused }))).toBe('connect ECONNREFUSED ::1:9; connect ECONNREFUSED 127.0.0.1:9');
    expect(describeError(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND github.com') }))).toBe('getaddrinfo ENOTFOUND github.com');
    expect(describeError(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
    expect(describeError('plain')).toBe('plain');
  });
});
