/**
 * electron-builder cannot run here (it downloads Electron and its tools), so the packaging file
 * is checked the way electron-builder itself checks it before a build: loaded with its loader,
 * validated by its own validateConfiguration against its JSON schema (scheme.json). Then what
 * the issue asks of it, and the .desktop entry electron-builder would write from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, DESKTOP_NAME } from '../../../main/desktop/app-identity.js';
import { LINK_SCHEMES } from '../../../main/desktop/deep-link.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation (its JSON schema)", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt option fails the same validation', async () => {
    const misspelt = { ...config, linux: { ...config.linux, syncDesktopNam: true } } as Configuration;
    await expect(validate(misspelt)).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/);
    const fuse = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validate(fuse)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('names the app as the running app does, with a reverse-DNS desktopName kept in sync on Linux', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('CallDeck');
    expect(config.extraMetadata?.desktopName).toBe(`${DESKTOP_NAME}.desktop`);
    expect(DESKTOP_NAME).toMatch(/^[a-z]+(\.[A-Za-z][A-Za-z0-9]*){2,}$/);
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('builds AppImage and deb with categories, NSIS on Windows, and a hardened-runtime dmg on macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toMatch(/Telephony/);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('registers every scheme the app handles', () => {
    const protocols = [config.protocols ?? []].flat();
    expect(protocols.flatMap((protocol) => protocol.schemes).sort()).toEqual([...LINK_SCHEMES].sort());
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or inspect; cookie encryption, asar integrity, asar only', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('uses icons that exist, big enough for each platform', () => {
    const png = (file: string) => {
      const bytes = readFileSync(join(root, file));
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    };
    expect(png(config.mac?.icon as string).width).toBeGreaterThanOrEqual(512);
    expect(png(config.win?.icon as string).width).toBeGreaterThanOrEqual(256);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(png(`${config.linux?.icon}/${size}x${size}.png`)).toEqual({ width: size, height: size });
    expect(JSON.stringify(config.files)).toContain('"assets/tray/**"');
  });

  it('includes NSIS code that registers the schemes for the installed copy', () => {
    const include = config.nsis?.include as string;
    expect(existsSync(join(root, include))).toBe(true);
    const nsh = readFileSync(join(root, include), 'utf8');
    for (const scheme of LINK_SCHEMES) expect(nsh).toContain(`!insertmacro calldeckRegisterScheme "${scheme}"`);
    expect(nsh).toContain('"URL Protocol"');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*!macro customUnInstall/);
    // The link comes after "--", so it is never read as a Chromium switch.
    expect(nsh).toContain(`-- "%1"`);
  });

  it('makes electron-builder write a .desktop entry with the x-scheme-handler MimeTypes and the app_id', async () => {
    // LinuxTargetHelper is what electron-builder writes the .desktop file with; it reads only these fields.
    const packager = {
      config,
      platformSpecificBuildOptions: config.linux ?? {},
      executableName: config.linux?.executableName ?? 'calldeck',
      fileAssociations: [],
      appInfo: { productName: 'CallDeck', sanitizedProductName: 'CallDeck', description: 'Desktop controller for cloud phone lines' },
      info: { metadata: { desktopName: config.extraMetadata?.desktopName } },
    };
    const helper = new LinuxTargetHelper(packager as unknown as ConstructorParameters<typeof LinuxTargetHelper>[0]);
    const entry = await helper.computeDesktopEntry(config.linux ?? {});
    const line = (key: string) => entry.split('\n').find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1);
    expect(line('MimeType')?.split(';').filter(Boolean).sort()).toEqual(LINK_SCHEMES.map((scheme) => `x-scheme-handler/${scheme}`).sort());
    expect(line('StartupWMClass')).toBe(DESKTOP_NAME);
    expect(line('Categories')).toBe('Network;Telephony;');
    expect(line('Exec')).toMatch(/ %U$/);
    expect(helper.getDesktopFileName()).toBe(DESKTOP_NAME);
  });
});
