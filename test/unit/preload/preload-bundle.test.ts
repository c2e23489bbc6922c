import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

// A sandboxed preload cannot load ESM or node_modules: it must be one CommonJS file whose only
// require is Electron's renderer module. Built here with the same options as `npm run build:preload`.
describe('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron', async () => {
    const result = await build({
      entryPoints: [`${repoRoot}/preload/index.ts`],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // Types only: the contract's zod schemas stay in main.
    expect(code).not.toContain('zod');
    expect(code).toContain('exposeInMainWorld("calldeck"');
  });
});
