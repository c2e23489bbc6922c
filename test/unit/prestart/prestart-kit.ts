/**
 * What the prestart tests share: a throwaway electron package folder, a mirror on 127.0.0.1 whose
 * behaviour each test picks, a port nothing listens on, and an environment in which every way
 * @electron/get could reach the network (mirror variables, npm config, proxies) points at loopback.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const realPackageDir = join(repoRoot, 'node_modules/electron');
export const electronVersion = (JSON.parse(readFileSync(join(realPackageDir, 'package.json'), 'utf8')) as { version: string }).version;
/** The artifact install.js asks for on this machine. */
export const artifactName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

/**
 * An electron package folder as npm leaves it (package.json, checksums.json, install.js, and its
 * dependencies through node_modules), with or without an installed runtime.
 */
export function makePackage(options: { runtime: boolean; checksums?: Record<string, string> }): string {
  const dir = mkdtempSync(join(tmpdir(), 'calldeck-electron-pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: electronVersion }));
  if (options.checksums) writeFileSync(join(dir, 'checksums.json'), JSON.stringify(options.checksums));
  else copyFileSync(join(realPackageDir, 'checksums.json'), join(dir, 'checksums.json'));
  copyFileSync(join(realPackageDir, 'install.js'), join(dir, 'install.js'));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (options.runtime) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(dir, 'path.txt'), 'electron');
  }
  made.push(dir);
  return dir;
}

const made: string[] = [];

/** Removes the package folders made so far; the node_modules link goes first, on its own. */
export function removePackages(): void {
  for (const dir of made.splice(0)) {
    unlinkSync(join(dir, 'node_modules'));
    rmSync(dir, { recursive: true, force: true });
  }
}

export type MirrorBehaviour = (request: IncomingMessage, response: ServerResponse) => void;

/** An HTTP mirror on 127.0.0.1 that records the paths asked for. */
export async function startMirror(behaviour: MirrorBehaviour) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    behaviour(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening: connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The variables through which @electron/get or Node could reach past loopback (or a developer's
 * own mirror or cache), to be removed before a test sets its own.
 */
export function networkVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((key) =>
    /^(npm_config_electron_|npm_package_config_electron_|electron_|force_no_cache$)|proxy$|^node_use_env_proxy$/i.test(key),
  );
}

/** A zip holding one executable file, stored uncompressed (what install.js unpacks). */
export function zipWithOneFile(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so the mode below counts
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE((0o100755 << 16) >>> 0, 38);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stack trace's frames, as Node prints them. */
export const STACK_FRAME = /^\s+at .+/m;
