/**
 * Reads a V8 .cpuprofile and names where the time went: self time per function and per file,
 * so the bench can print the biggest costs without opening DevTools.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface Hotspot {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

function place(url: string, repoRoot: string): string {
  if (url === '') return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inRepo = relative(repoRoot, path);
  return inRepo.startsWith('..') ? path : inRepo.replace(/^node_modules\/(\.pnpm\/)?/, 'node_modules/');
}

export async function summarizeProfile(path: string, repoRoot: string, top = 12): Promise<{ byFunction: Hotspot[]; byFile: Hotspot[]; totalMs: number }> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next sample.
  for (let i = 0; i < samples.length; i++) {
    const gap = (deltas[i + 1] ?? 0) / 1000;
    const id = samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + gap);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const functions = new Map<string, Hotspot>();
  const files = new Map<string, Hotspot>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const file = place(frame.url, repoRoot);
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${file}:${frame.lineNumber + 1}` : file;
    const fnKey = `${name}@${where}`;
    const fn = functions.get(fnKey) ?? { name, where, selfMs: 0, share: 0 };
    fn.selfMs += ms;
    functions.set(fnKey, fn);
    const agg = files.get(file) ?? { name: file, where: file, selfMs: 0, share: 0 };
    agg.selfMs += ms;
    files.set(file, agg);
  }
  const ranked = (map: Map<string, Hotspot>) =>
    [...map.values()]
      .map((h) => ({ ...h, share: h.selfMs / totalMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top);
  return { byFunction: ranked(functions), byFile: ranked(files), totalMs };
}
