/**
 * Builds the renderer from the current source for the bench: the production build (what users
 * run, and what Size measures) and a profiling build, identical except that React's profiling
 * build is used and the app's root is wrapped in a <Profiler> (renderer/profiled-client.tsx),
 * which is how React reports commit durations. Nothing in renderer/ changes for either.
 */
import { join } from 'node:path';
import { build } from 'vite';

export async function buildRenderer(repoRoot: string, outDir: string, variant: 'production' | 'profiling'): Promise<void> {
  await build({
    configFile: join(repoRoot, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, ...(variant === 'profiling' ? { sourcemap: false } : {}) },
    ...(variant === 'profiling'
      ? { resolve: { alias: [{ find: /^react-dom\/client$/, replacement: join(repoRoot, 'bench/renderer/profiled-client.tsx') }] } }
      : {}),
  });
}
