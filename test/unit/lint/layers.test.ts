import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function layerErrorsIn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'calldeck/layers').map((m) => m.message);
}

// The layering is what keeps the structure readable as domains are added; prove the rule fires.
describe('lint: dependencies in main/ point one way', () => {
  it('rejects a provider importing a feature, even for a type', async () => {
    const code = "import type { CallsFeature } from '../../calls/index.js';\nexport type X = CallsFeature;\n";
    expect(await layerErrorsIn('main/providers/webex/example.ts', code)).toEqual([
      expect.stringContaining('main/providers may not import main/calls'),
    ]);
  });

  it('rejects core importing a provider', async () => {
    const code = "import type { Line } from '../providers/line.js';\nexport type X = Line;\n";
    expect(await layerErrorsIn('main/core/example.ts', code)).toEqual([expect.stringContaining('main/core may not import main/providers')]);
  });

  it('rejects a feature importing the assembly or the built-in line', async () => {
    const code = "import { createCore } from '../app/create-core.js';\nimport { startSandbox } from '../sandbox/index.js';\nexport const x = [createCore, startSandbox];\n";
    expect(await layerErrorsIn('main/calls/example.ts', code)).toHaveLength(2);
  });

  it('rejects a deep import into another feature', async () => {
    const code = "import { resolveIntent } from '../calls/hotkey-target.js';\nexport const x = resolveIntent;\n";
    expect(await layerErrorsIn('main/desktop/example.ts', code)).toEqual([
      expect.stringContaining('Use main/calls only through its public entry main/calls/index.ts'),
    ]);
  });

  it('rejects a deep import from the assembly and re-exports that reach past an entry', async () => {
    const code = "export { createCallsFeature } from '../calls/calls-feature.js';\n";
    expect(await layerErrorsIn('main/app/example.ts', code)).toHaveLength(1);
  });

  it('rejects main importing the test kit', async () => {
    const code = "import { startTestLine } from '../../test/line-kit/index.js';\nexport const x = startTestLine;\n";
    expect(await layerErrorsIn('main/app/example.ts', code)).toEqual([expect.stringContaining('not test/line-kit/index')]);
  });

  it('resolves paths: providers/webex may use a sibling provider named like a feature', async () => {
    const code = "import { x } from '../videosdk/client.js';\nexport const y = x;\n";
    expect(await layerErrorsIn('main/providers/webex/example.ts', code)).toEqual([]);
  });

  it('rejects a folder that has no place in the order yet', async () => {
    const code = "import { x } from '../core/ports.js';\nexport const y = x;\n";
    expect(await layerErrorsIn('main/misc/example.ts', code)).toEqual([expect.stringContaining('no place in the layer order')]);
  });

  it("keeps npm start's prestart check out of the app: nothing in main/ may import it, and it imports nothing of the app", async () => {
    const fromTheRoot = "import { checkElectronRuntime } from './prestart/start-check.js';\nexport const x = checkElectronRuntime;\n";
    expect(await layerErrorsIn('main/index.ts', fromTheRoot)).toEqual([expect.stringContaining('main/index may not import main/prestart')]);
    const intoTheApp = "import { systemClock } from '../core/system-clock.js';\nexport const x = systemClock;\n";
    expect(await layerErrorsIn('main/prestart/example.js', intoTheApp)).toEqual([expect.stringContaining('main/prestart may not import main/core')]);
  });

  it.each([
    ['main/desktop/example.ts', "import { resolveIntent } from '../calls/index.js';\nexport const x = resolveIntent;\n"],
    ['main/calls/example.ts', "import type { CallsProvider } from '../providers/calls-provider.js';\nexport type X = CallsProvider;\n"],
    ['main/sandbox/example.ts', "import type { WebexCall } from '../providers/webex/schemas.js';\nexport type X = WebexCall;\n"],
    ['main/app/example.ts', "import { startSandbox } from '../sandbox/index.js';\nexport const x = startSandbox;\n"],
    ['main/index.ts', "import { createCore } from './app/create-core.js';\nexport const x = createCore;\n"],
    ['main/core/example.ts', "import type { ErrorCode } from '../../preload/contract.js';\nexport type X = ErrorCode;\n"],
  ])('allows a downward or entry import in %s', async (file, code) => {
    expect(await layerErrorsIn(file, code)).toEqual([]);
  });

  it('rejects a runtime value from the contract (and zod) in the renderer, but allows types', async () => {
    const [result] = await eslint.lintText(
      "import { WEBEX_SCOPES, type WebexAccount } from '../preload/contract';\nimport { z } from 'zod';\nexport const x: [unknown, WebexAccount | null, unknown] = [WEBEX_SCOPES, null, z];\n",
      { filePath: 'renderer/example.ts' },
    );
    expect(result?.messages.map((m) => m.message)).toEqual([
      expect.stringContaining('Import only types from preload/contract'),
      expect.stringContaining('carries no zod'),
    ]);
    const [typesOnly] = await eslint.lintText(
      "import type { WebexAccount } from '../preload/contract';\nimport { WEBEX_SCOPES } from '../preload/common/accounts';\nexport const x: [unknown, WebexAccount | null] = [WEBEX_SCOPES, null];\n",
      { filePath: 'renderer/example.ts' },
    );
    expect(typesOnly?.messages).toEqual([]);
  });
});
