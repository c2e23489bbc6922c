import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

// The window validates nothing itself (main parses every message with the contract's schemas), so
// zod in the renderer bundle is dead weight: it arrives only when the renderer imports a runtime
// value from preload/contract. Built here with the same config as `npm run build:renderer`.
describe('the renderer bundle', () => {
  it('contains no zod', async () => {
    const result = await build({
      configFile: `${repoRoot}/renderer/vite.config.ts`,
      logLevel: 'silent',
      build: { write: false, sourcemap: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunks = outputs.flatMap((o) => o.output).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
    const modules = chunks.flatMap((c) => c.moduleIds);

    expect(modules.some((id) => id.includes('/renderer/main.tsx'))).toBe(true);
    expect(modules.filter((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id))).toEqual([]);
    expect(modules.filter((id) => /[\\/]preload[\\/]contract/.test(id))).toEqual([]);
  });
});
