/**
 * What a page of the built renderer loads at start: the scripts and styles its HTML references
 * (script src, modulepreload and stylesheet links), and every module those scripts import
 * statically, transitively. Dynamic import() targets, and what only they pull in, load later,
 * when a lazily loaded view first opens, so they are not part of it. Used by the bench (Size) and
 * by the start-up budget test, on built files.
 */
import { posix } from 'node:path';

/** Paths relative to the renderer's output folder, as the HTML names them (without "./"). */
export function startupSet(html: string, read: (file: string) => string | undefined): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = read(file);
    if (code === undefined) throw new Error(`the start-up set names ${file}, which the build lacks`);
    for (const target of staticImports(code)) visit(posix.normalize(posix.join(posix.dirname(file), target)));
  };
  for (const ref of htmlAssets(html)) visit(ref);
  return [...seen];
}

/** The JS and CSS a page's HTML references, in order. */
export function htmlAssets(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => posix.normalize(m[1] as string));
}

/**
 * Relative specifiers a built chunk imports statically: `import … from "./x.js"`, `export … from
 * "./x.js"` and `import "./x.js"`. `import("./x.js")` is dynamic and has a parenthesis in between.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1] as string);
  for (const m of code.matchAll(/\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1] as string);
  return [...found];
}
