import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../preload/contract.js';
import type { Logger, SettingsStore } from '../core/ports.js';
import { isRecord } from '../core/is-record.js';

export interface SettingsService {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored file was unreadable or partly invalid and was moved aside. */
  recovered?: { reason: string; keptAt: string | undefined };
}

/**
 * Reads settings, keeping every field that is still valid. A field that fails its schema falls
 * back to its default rather than discarding the whole file, and the original file is kept aside
 * so nothing the user had is silently lost.
 */
export function loadSettings(store: SettingsStore): LoadedSettings {
  const read = store.read();
  if (!read.ok) {
    const keptAt = store.keepAside();
    // Overwrite only once the original is safe elsewhere; otherwise run on defaults in memory.
    if (keptAt !== undefined) store.write(DEFAULT_SETTINGS);
    return { settings: DEFAULT_SETTINGS, recovered: { reason: read.reason, keptAt } };
  }
  const stored = isRecord(read.data) ? read.data : {};
  const whole = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  if (whole.success) return { settings: whole.data };

  const salvaged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const rejected: string[] = [];
  for (const [key, fieldSchema] of Object.entries(Settings.shape)) {
    if (!(key in stored)) continue;
    const field = fieldSchema.safeParse(stored[key]);
    if (field.success) salvaged[key] = field.data;
    else rejected.push(key);
  }
  const settings = Settings.parse(salvaged);
  const keptAt = store.keepAside();
  if (keptAt !== undefined) store.write(settings);
  return { settings, recovered: { reason: `invalid ${rejected.join(', ')}`, keptAt } };
}

export function createSettingsService(store: SettingsStore, log: Logger): SettingsService {
  const loaded = loadSettings(store);
  if (loaded.recovered) {
    log.warn('settings file was damaged; recovered what was valid', {
      reason: loaded.recovered.reason,
      keptAt: loaded.recovered.keptAt,
    });
  }
  let current = loaded.settings;
  const listeners = new Set<(settings: Settings) => void>();

  return {
    get: () => current,
    set(patch) {
      const next = Settings.parse({ ...current, ...patch });
      store.write(next);
      current = next;
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

