/**
 * The composition root's side of damaged stored files: under the Electron stand-in, a built main
 * process that finds a broken settings file and a broken window-state file starts anyway, keeps
 * both aside, and the window learns of both through the real preload (notices:list).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Notice, Result } from '../../preload/contract.js';
import { mainWindowOf, waitForMainWindow } from './boot-check.js';
import { removeUserData, startBoot, type Boot } from './boot-process.js';

let boot: Boot | undefined;
afterAll(() => {
  if (!boot) return;
  boot.kill();
  removeUserData(boot);
});

describe('damaged files at start-up', () => {
  it('are kept aside and announced to the window through the preload', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'calldeck-boot-damaged-'));
    writeFileSync(join(userData, 'settings.json'), '{"defaultCountry":"GB","pollIdleMs":');
    writeFileSync(join(userData, 'window-state.json'), '');
    boot = await startBoot({ userData });
    const windowId = mainWindowOf(await waitForMainWindow(boot)).id;
    const notices = await boot.request<Result<Notice[]>>({ op: 'call', window: windowId, path: ['calldeck', 'notices', 'list'], args: [] });
    expect(notices.ok).toBe(true);
    const files = notices.ok ? notices.value.map((n) => n.file).sort() : [];
    expect(files).toEqual(['settings', 'window-state']);
    const aside = readdirSync(userData).filter((name) => name.includes('.corrupt-')).sort();
    expect(aside.map((name) => name.split('.json')[0])).toEqual(['settings', 'window-state']);
    expect(boot.messages.find((m) => m.type === 'crash')).toBeUndefined();
  });
});
