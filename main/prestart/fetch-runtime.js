// @ts-check
/**
 * Fetches Electron's runtime as node_modules/electron/install.js does (the same @electron/get
 * call: version, platform, arch, checksums and cache, and the ELECTRON_MIRROR, npm_config_electron_*
 * and proxy variables @electron/get reads from process.env), with one difference: the attempt
 * gives up once no data has arrived for `idleMs`, whether connecting, waiting for an answer or
 * mid-download. An unreachable mirror or a proxy that holds the connection fails in seconds; a
 * slow download that keeps moving is left to finish. One attempt, never a retry.
 *
 * The zip lands in @electron/get's cache; Electron's own install.js then unpacks it from there
 * (a cache hit, no network), so dist/ and path.txt are written by Electron, not imitated here.
 */
import { execSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronPackageDir, electronVersion } from './electron-runtime.js';

/** @typedef {{ ok: true } | { ok: false, stage: 'download', from: string | undefined, reason: string } | { ok: false, stage: 'install', reason: string }} FetchResult */

/**
 * @param {{ packageDir: string, idleMs: number, onData?: () => void, installTimeoutMs?: number }} options
 *   packageDir: the electron package whose version, checksums.json and install.js are used;
 *   onData: called once, when the first bytes of a real download arrive.
 * @returns {Promise<FetchResult>}
 */
export async function fetchRuntime({ packageDir, idleMs, onData = () => {}, installTimeoutMs = 120_000 }) {
  const downloaded = await download(packageDir, idleMs, onData);
  if (!downloaded.ok) return downloaded;
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: installTimeoutMs,
  });
  if (result.status === 0) return { ok: true };
  // install.js prints its error's whole stack; its first line is the reason.
  const stderrFirstLine = result.stderr?.split('\n').find((line) => line.trim() !== '');
  const reason = result.error ? describeError(result.error) : (stderrFirstLine ?? `install.js exited with ${result.status ?? result.signal}`);
  return { ok: false, stage: 'install', reason: oneLine(reason) };
}

/**
 * @param {string} packageDir @param {number} idleMs @param {() => void} onData
 * @returns {Promise<FetchResult>}
 */
async function download(packageDir, idleMs, onData) {
  const { downloadArtifact, FetchDownloader } = await loadElectronGet();
  const env = process.env;
  const controller = new AbortController();
  /** @type {string | undefined} */
  let url;
  let announced = false;
  const fetcher = new FetchDownloader();
  /** @type {import('@electron/get').Downloader<import('@electron/get').FetchDownloaderOptions>} */
  const boundedDownloader = {
    async download(artifactUrl, targetFilePath, options) {
      url = artifactUrl;
      const idle = setTimeout(() => controller.abort(new Error(`no data for ${idleMs / 1000} s`)), idleMs);
      try {
        await fetcher.download(artifactUrl, targetFilePath, {
          ...options,
          signal: controller.signal,
          getProgressCallback: async () => {
            idle.refresh();
            if (!announced) {
              announced = true;
              onData();
            }
          },
        });
      } finally {
        clearTimeout(idle);
      }
    },
  };
  const remoteChecksums = env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums;
  try {
    await downloadArtifact({
      version: electronVersion(packageDir),
      artifactName: 'electron',
      // install.js also passes `force` (force_no_cache), which @electron/get 5 no longer reads.
      cacheRoot: env.electron_config_cache,
      checksums: remoteChecksums ? undefined : JSON.parse(readFileSync(join(packageDir, 'checksums.json'), 'utf8')),
      ...installTarget(env),
      downloader: boundedDownloader,
    });
    return { ok: true };
  } catch (error) {
    const reason = controller.signal.aborted ? controller.signal.reason : error;
    return { ok: false, stage: 'download', from: url === undefined ? undefined : new URL(url).host, reason: oneLine(describeError(reason)) };
  }
}

/**
 * install.js's platform and arch, including its Rosetta check on macOS.
 * @param {NodeJS.ProcessEnv} env
 */
function installTarget(env) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  if (platform === 'darwin' && process.platform === 'darwin' && arch === 'x64' && env.npm_config_arch === undefined) {
    try {
      if (execSync('sysctl -in sysctl.proc_translated').toString().trim() === '1') arch = 'arm64';
    } catch {
      // Not under Rosetta (install.js ignores this failure too).
    }
  }
  return { platform, arch };
}

/**
 * @electron/get as Electron itself resolves it (a dependency of the electron package, not ours).
 * @returns {Promise<typeof import('@electron/get')>}
 */
async function loadElectronGet() {
  const entry = createRequire(join(electronPackageDir(), 'package.json')).resolve('@electron/get');
  return import(pathToFileURL(entry).href);
}

/**
 * The useful part of an error: fetch's "fetch failed" hides the cause (ENOTFOUND, ECONNREFUSED…),
 * and a refused localhost connection is an AggregateError with an empty message.
 * @param {unknown} error
 * @returns {string}
 */
export function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeError))].join('; ');
  }
  const code = /** @type {{ code?: unknown }} */ (error).code;
  const own = error.message || (code === undefined ? error.name : String(code));
  if (error.cause === undefined) return own;
  const cause = describeError(error.cause);
  return own === 'fetch failed' ? cause : `${own}: ${cause}`;
}

/** @param {string} text */
function oneLine(text) {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}
