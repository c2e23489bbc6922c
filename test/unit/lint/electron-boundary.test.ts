import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImportsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The layering rule is what keeps the core runnable without the Electron binary; prove it fires.
describe('lint: Electron stays at the edge', () => {
  const valueImport = "import { app } from 'electron';\nexport const name = app.name;\n";
  const typeImport = "import type { App } from 'electron';\nexport type A = App;\n";
  const ipcRendererImport = "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n";

  it('rejects an Electron value import in core code', async () => {
    expect(await restrictedImportsIn('main/calls/example.ts', valueImport)).toEqual([
      expect.stringContaining('Import Electron values only'),
    ]);
  });

  it('rejects electron-store outside the composition root', async () => {
    const code = "import Store from 'electron-store';\nexport const s = new Store();\n";
    expect(await restrictedImportsIn('main/settings/example.ts', code)).toHaveLength(1);
  });

  it('allows type-only Electron imports in core code', async () => {
    expect(await restrictedImportsIn('main/window/example.ts', typeImport)).toEqual([]);
  });

  it.each(['main/index.ts', 'main/adapters/example.ts', 'main/ipc/example.ts'])('allows Electron values in %s', async (file) => {
    expect(await restrictedImportsIn(file, valueImport)).toEqual([]);
  });

  it.each(['main/adapters/example.ts', 'main/ipc/example.ts', 'renderer/example.ts', 'main/calls/example.ts'])(
    'rejects ipcRenderer in %s',
    async (file) => {
      expect(await restrictedImportsIn(file, ipcRendererImport)).toHaveLength(1);
    },
  );

  it('allows ipcRenderer in the preload', async () => {
    expect(await restrictedImportsIn('preload/index.ts', ipcRendererImport)).toEqual([]);
  });

  it('keeps Node and main out of the renderer', async () => {
    const code = "import { readFile } from 'node:fs';\nimport { x } from '../main/core/ports.js';\nexport const y = [readFile, x];\n";
    expect(await restrictedImportsIn('renderer/example.ts', code)).toHaveLength(2);
  });

  it('rejects Electron value imports in tests (they would start the binary download)', async () => {
    expect(await restrictedImportsIn('test/unit/example.test.ts', valueImport)).toHaveLength(1);
  });
});
