import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const kitDir = `${repoRoot}/test/line-kit`;

/**
 * Strings only the test kit's code contains: its control API prefix, fault and OAuth messages,
 * and method names no product code has. Each must really be in the kit (checked below), so the
 * test cannot pass by looking for something that no longer exists anywhere.
 */
const KIT_MARKERS = [
  '/__sandbox',
  'No sandbox control operation',
  'Injected failure',
  'bad-json',
  'expireAccessTokens',
  'denyNextAuthorization',
  'The token request must be application/x-www-form-urlencoded.',
];

// The product ships the demo line only: fault injection, the control API and the OAuth server
// live in test/line-kit. Built here with the same options as `npm run build:main`.
describe('the main bundle', () => {
  it('contains the demo line and none of the test kit', async () => {
    const result = await build({
      entryPoints: [`${repoRoot}/main/index.ts`],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const inputs = Object.keys(result.metafile.inputs);

    expect(inputs).toContain('main/sandbox/demo-scenario.ts');
    expect(inputs.filter((path) => path.startsWith('test/'))).toEqual([]);

    const kitSource = readdirSync(kitDir)
      .map((name) => readFileSync(`${kitDir}/${name}`, 'utf8'))
      .join('\n');
    for (const marker of KIT_MARKERS) {
      expect(kitSource, `the kit no longer contains ${marker}`).toContain(marker);
      expect(code, `the main bundle contains ${marker}`).not.toContain(marker);
    }
  });
});
