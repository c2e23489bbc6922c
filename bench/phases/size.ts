/**
 * 6. Size: what each process parses at start. The renderer is the production build: what the main
 * window loads at start (the scripts and styles its index.html references and what those import
 * statically; not the views it loads lazily: see startup-set.ts), and all of its JS and CSS (both
 * pages, shared chunks once, lazy chunks included; source maps excluded). The preload and main
 * bundles are built exactly as package.json's build scripts do, without their source maps.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { valueRow, type Row } from '../report.js';
import { startupSet } from '../startup-set.js';

const KB = 1024;

interface Sized {
  bytes: number;
  gzip: number;
}

const sized = (content: Uint8Array): Sized => ({ bytes: content.byteLength, gzip: gzipSync(content, { level: 9 }).byteLength });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function bundle(repoRoot: string, entry: string, options: Parameters<typeof build>[0]): Promise<Sized> {
  const result = await build({ ...options, entryPoints: [join(repoRoot, entry)], bundle: true, write: false, logLevel: 'silent' });
  const code = result.outputFiles?.find((f) => !f.path.endsWith('.map'));
  if (!code) throw new Error(`esbuild produced nothing for ${entry}`);
  return sized(code.contents);
}

/** The JS and CSS files a page loads at start. */
async function pageAssets(rendererDir: string, page: string): Promise<string[]> {
  const html = await readFile(join(rendererDir, page), 'utf8');
  return startupSet(html, (file) => {
    try {
      return readFileSync(join(rendererDir, file), 'utf8');
    } catch {
      return undefined;
    }
  });
}

export async function measureSize(repoRoot: string, rendererDir: string): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const perFile: Record<string, Sized> = {};
  let js = 0;
  let css = 0;
  for (const file of await filesUnder(rendererDir)) {
    const isJs = file.endsWith('.js');
    if (!isJs && !file.endsWith('.css')) continue;
    const size = sized(await readFile(file));
    perFile[relative(rendererDir, file)] = size;
    if (isJs) js += size.gzip;
    else css += size.gzip;
  }
  const mainWindow = await pageAssets(rendererDir, 'index.html');
  const missing = mainWindow.filter((file) => perFile[file] === undefined);
  if (mainWindow.length === 0 || missing.length > 0) throw new Error(`index.html references assets the build lacks: ${missing.join(', ')}`);
  const windowGzip = mainWindow.reduce((sum, file) => sum + (perFile[file]?.gzip ?? 0), 0);
  const popup = await pageAssets(rendererDir, 'popup.html');
  const lazyGzip = Object.entries(perFile)
    .filter(([file]) => !mainWindow.includes(file) && !popup.includes(file))
    .reduce((sum, [, size]) => sum + size.gzip, 0);
  // Mirrors build:preload and build:main in package.json.
  const preload = await bundle(repoRoot, 'preload/index.ts', { platform: 'node', target: 'node22', format: 'cjs', external: ['electron'], outfile: 'preload.cjs' });
  const main = await bundle(repoRoot, 'main/index.ts', { platform: 'node', target: 'node22', format: 'esm', packages: 'external', outfile: 'main.js' });
  return {
    rows: [
      valueRow('size.renderer.window.gzipKB', 'Renderer JS + CSS the main window loads at start, gzipped', 'KB', windowGzip / KB, {
        target: { stat: 'value', max: 120 },
        note: `${mainWindow.join(' ')}; headroom ${((120 * KB - windowGzip) / KB).toFixed(1)} KB`,
      }),
      valueRow('size.renderer.lazy.gzipKB', 'Renderer JS + CSS loaded later (Settings, Meetings), gzipped', 'KB', lazyGzip / KB),
      valueRow('size.renderer.gzipKB', 'Renderer JS + CSS, all pages, gzipped', 'KB', (js + css) / KB, { note: `JS ${(js / KB).toFixed(1)} KB + CSS ${(css / KB).toFixed(1)} KB` }),
      valueRow('size.preload.KB', 'Preload bundle (raw)', 'KB', preload.bytes / KB),
      valueRow('size.main.KB', 'Main bundle (raw, node_modules external)', 'KB', main.bytes / KB),
    ],
    details: { rendererFiles: perFile, mainWindow, popup, lazyGzip, rendererJsGzip: js, rendererCssGzip: css, preload, main },
  };
}
