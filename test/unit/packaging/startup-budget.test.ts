/**
 * The main window's start-up budget: at most 120 KB of gzipped JS and CSS before it can show
 * anything, however the UI grows. Settings and the Meetings view (with its VideoSDK region) load
 * when first opened (renderer/components/window/lazy-views.tsx), so their code must not be in
 * what the window loads at start. A size, not a timing: it holds on any machine.
 * Built here with the same config as `npm run build:renderer`, measured as the bench measures it.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticImports, startupSet } from '../../../bench/startup-set.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const BUDGET_BYTES = 120 * 1024;
const LAZY = /[\\/]renderer[\\/]components[\\/](settings|meetings|videosdk)[\\/]/;

let files: Map<string, string | Uint8Array>;
let chunks: Rolldown.OutputChunk[];
let startup: string[];

beforeAll(async () => {
  const result = await build({
    configFile: `${repoRoot}/renderer/vite.config.ts`,
    logLevel: 'silent',
    mode: 'production',
    // vitest sets NODE_ENV=test, which would bundle React's development build; npm's build has none.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { write: false, sourcemap: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const all = outputs.flatMap((o) => o.output);
  files = new Map(all.map((f) => [f.fileName, f.type === 'chunk' ? f.code : f.source]));
  chunks = all.filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  const text = (name: string) => {
    const content = files.get(name);
    return content === undefined ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  };
  startup = startupSet(text('index.html') ?? '', text);
}, 60_000);

const gzipped = (name: string) => gzipSync(files.get(name) ?? '', { level: 9 }).byteLength;

describe("the main window's start-up", () => {
  it('is at most 120 KB of gzipped JS and CSS', () => {
    const sizes = Object.fromEntries(startup.map((name) => [name, gzipped(name)]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total, `start-up set: ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('has no Settings, Meetings, VideoSDK, call-dialog, history or devices-extras code; that code is in chunks loaded later', () => {
    const startupModules = chunks.filter((c) => startup.includes(c.fileName)).flatMap((c) => c.moduleIds);
    expect(startupModules.some((id) => /[\\/]renderer[\\/]main\.tsx$/.test(id))).toBe(true);
    expect(startupModules.filter((id) => LAZY.test(id))).toEqual([]);
    const lazyModules = chunks.filter((c) => !startup.includes(c.fileName)).flatMap((c) => c.moduleIds);
    // The call dialogs, the link prompt and the panes that wait for the provider load later too.
    const later = ['calls/transfer-dialog', 'calls/keypad-dialog', 'calls/forward-dialogs', 'calls/call-target-dialog', 'desktop/link-dialog', 'calls/call-history', 'devices/queue-availability', 'devices/device-picker'];
    expect(startupModules.filter((id) => later.some((part) => id.replace(/\\/g, '/').includes(`/renderer/components/${part}`)))).toEqual([]);
    for (const part of ['settings/settings-dialog', 'meetings/meetings-view', 'videosdk/videosdk-region', ...later]) {
      expect(lazyModules.some((id) => id.replace(/\\/g, '/').includes(`/renderer/components/${part}`)), part).toBe(true);
    }
  });

  it("follows exactly the bundler's static imports from the page (what the bench counts is what loads)", () => {
    const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('/renderer/index.html'));
    expect(entry).toBeDefined();
    const closure = new Set<string>();
    const visit = (name: string) => {
      if (closure.has(name)) return;
      closure.add(name);
      const chunk = chunks.find((c) => c.fileName === name);
      for (const css of chunk?.viteMetadata?.importedCss ?? []) closure.add(css);
      for (const next of chunk?.imports ?? []) visit(next);
    };
    visit(entry?.fileName ?? '');
    expect([...startup].sort()).toEqual([...closure].sort());
    // And the parser tells static from dynamic imports the way the bundler does, chunk by chunk.
    for (const chunk of chunks) {
      const parsed = staticImports(chunk.code).map((spec) => new URL(spec, `file:///${chunk.fileName}`).pathname.slice(1));
      expect(parsed.sort(), chunk.fileName).toEqual([...chunk.imports].sort());
    }
  });
});
