import { readdirSync, renameSync, unlinkSync } from 'node:fs';
import { mkdir, open as openFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type Conf from 'conf';
import type { SettingsStore } from '../core/ports.js';

type ConfLike = Pick<Conf<Record<string, unknown>>, 'store'>;

/**
 * The settings port over a conf store (electron-store in the app, plain conf in tests: the same
 * library, so the corrupt-file path tested is the one users run). conf throws on broken JSON,
 * when constructed and on each read; turning that into a value lets the core recover.
 *
 * conf writes synchronously (temp file, fsync, rename): right for a quit, too slow for the main
 * process on every change. writeInBackground does the same steps with the disk work off the
 * thread; only the rename, a metadata change, runs on it, so that a later write() (a quit) can
 * never be overtaken by an older document still in flight.
 */
export function createJsonDocumentStore(
  location: { cwd: string; name: string },
  open: (location: { cwd: string; name: string }) => ConfLike,
  clock: { now(): number },
): SettingsStore {
  const path = join(location.cwd, `${location.name}.json`);
  const tempPrefix = `${basename(path)}.tmp-`;
  let conf: ConfLike | undefined;
  const opened = () => (conf ??= open(location));
  // Every write takes the next number; a background write renames only if none came after it.
  let latest = 0;
  let temps = 0;
  let swept = false;
  return {
    read() {
      if (!swept) {
        swept = true;
        sweepTemps(location.cwd, tempPrefix);
      }
      try {
        return { ok: true, data: opened().store };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    write(data) {
      latest += 1;
      opened().store = data as Record<string, unknown>;
    },
    async writeInBackground(data) {
      const mine = ++latest;
      // conf's own format, so a file written either way reads the same.
      const text = JSON.stringify(data, undefined, '\t');
      const temp = join(location.cwd, `${tempPrefix}${process.pid}-${++temps}`);
      try {
        await mkdir(location.cwd, { recursive: true });
        const handle = await openFile(temp, 'w');
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      if (mine !== latest) {
        // A newer document was written (or is being written) meanwhile; this one must not replace it.
        await unlink(temp).catch(() => undefined);
        return;
      }
      try {
        renameSync(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
    keepAside() {
      const aside = `${path}.corrupt-${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(path, aside);
      } catch {
        return undefined;
      }
      conf = undefined;
      return aside;
    },
  };
}

/** A background write cut off by a crash leaves its temp file; the document itself is whole. */
function sweepTemps(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Someone else's file, or already gone: nothing lost by leaving it.
    }
  }
}
