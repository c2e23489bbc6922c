import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateRuntime } from '../../../main/prestart/electron-runtime.js';
import { closedPort, electronVersion, networkVariables, realPackageDir, repoRoot, STACK_FRAME } from './prestart-kit.js';

/** This machine, as a newcomer has it: no ELECTRON_OVERRIDE_DIST_PATH (the tests' guard). */
const newcomerEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'ELECTRON_OVERRIDE_DIST_PATH'));
const installed = locateRuntime(realPackageDir, newcomerEnv);

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

describe('npm start on a machine without Electron runtime and without network', () => {
  // With the runtime installed, npm start would build and launch the real app: not a unit test.
  it.skipIf(installed.kind === 'present')('prints the paragraph and exits 1 within seconds, with no stack trace and no build', async () => {
    const port = await closedPort();
    const unreachable = `http://127.0.0.1:${port}/`;
    const env: NodeJS.ProcessEnv = { ...newcomerEnv };
    for (const key of networkVariables(env)) delete env[key];
    const cacheDir = mkdtempSync(join(tmpdir(), 'calldeck-electron-cache-'));
    Object.assign(env, {
      // Every road out leads to a loopback port nothing listens on.
      ELECTRON_MIRROR: unreachable,
      ELECTRON_GET_USE_PROXY: '1',
      NODE_USE_ENV_PROXY: '1',
      HTTP_PROXY: unreachable,
      HTTPS_PROXY: unreachable,
      // An empty cache: a zip left by an earlier download must not stand in for the network.
      electron_config_cache: cacheDir,
    });

    const { code, output, ms } = await run('npm', ['start'], env).finally(() => rmSync(cacheDir, { recursive: true, force: true }));

    expect(code).toBe(1);
    expect(output).toMatch(
      new RegExp(`CallDeck cannot start: Electron's runtime \\(v${electronVersion}\\) could not be downloaded from 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED 127\\.0\\.0\\.1:${port}.*\\)\\.\\n`),
    );
    expect(output).toContain('Try CallDeck right now with `npm run harness`: it serves the same app in a browser, on the demo line.');
    expect(output).toContain('ELECTRON_MIRROR=');
    expect(output).toContain('`node node_modules/electron/install.js`');
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toContain('Electron failed to install correctly');
    // The check runs before the build, so the answer does not wait for one.
    expect(output).not.toContain('npm run build:main');
    expect(ms).toBeLessThan(15_000);
  }, 30_000);
});
