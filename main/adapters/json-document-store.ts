import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import type { SettingsStore } from '../core/ports.js';

type ConfLike = Pick<Conf<Record<string, unknown>>, 'store'>;

/**
 * The settings port over a conf store (electron-store in the app, plain conf in tests: the same
 * library, so the corrupt-file path tested is the one users run). conf throws on broken JSON,
 * when constructed and on each read; turning that into a value lets the core recover.
 */
export function createJsonDocumentStore(
  location: { cwd: string; name: string },
  open: (location: { cwd: string; name: string }) => ConfLike,
  clock: { now(): number },
): SettingsStore {
  const path = join(location.cwd, `${location.name}.json`);
  let conf: ConfLike | undefined;
  const opened = () => (conf ??= open(location));
  return {
    read() {
      try {
        return { ok: true, data: opened().store };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    write(data) {
      opened().store = data as Record<string, unknown>;
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
