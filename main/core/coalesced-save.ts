import type { Clock, Logger, SettingsStore, TimerHandle } from './ports.js';

export interface CoalescedSave {
  /** The document changed: it is saved within `delayMs`, once for any number of changes. */
  changed(): void;
  /**
   * Saves now, on this thread, if anything is unsaved: for quitting, when nothing asynchronous
   * may still run. It wins over a background write in flight. Never throws.
   */
  flush(): void;
  /** Resolves once no write is in flight (the superseded one included). */
  settled(): Promise<void>;
}

export interface CoalescedSaveDeps {
  store: SettingsStore;
  clock: Clock;
  log: Logger;
  /** The whole document as it stands, read when a write starts. */
  document(): unknown;
  delayMs: number;
  /** For the log: which document could not be saved. */
  what: string;
}

/**
 * Saving a whole document after changes, without making the change wait for the disk.
 *
 * The guarantee: a change is on disk at most `delayMs` plus two writes' time after it was made
 * (the write already in flight, then the one carrying it); flush() puts everything there at once.
 * A crash loses at most the changes of that span, and never the file: each write replaces it
 * atomically. At most one write is in flight, and a new one starts at most once per `delayMs`
 * while changes keep coming, so a burst of changes costs one write, not one each.
 */
export function createCoalescedSave(deps: CoalescedSaveDeps): CoalescedSave {
  const { store, clock, log } = deps;
  let unsaved = false;
  let timer: TimerHandle | undefined;
  let inFlight: Promise<void> | undefined;
  // The timer fired while a write was in flight: start the next as soon as it ends.
  let due = false;

  const warn = (error: unknown) => log.warn(`${deps.what}: could not save`, { error: String(error) });

  const start = () => {
    unsaved = false;
    due = false;
    const document = deps.document();
    if (!store.writeInBackground) {
      try {
        store.write(document);
      } catch (error) {
        // A full disk must not take the caller down; the change stays unsaved for the next try.
        unsaved = true;
        warn(error);
      }
      return;
    }
    inFlight = store.writeInBackground(document).then(
      () => undefined,
      (error: unknown) => {
        unsaved = true;
        warn(error);
      },
    );
    void inFlight.then(() => {
      inFlight = undefined;
      if (due && unsaved) start();
    });
  };

  const onTimer = () => {
    timer = undefined;
    if (!unsaved) return;
    if (inFlight) due = true;
    else start();
  };

  return {
    changed() {
      unsaved = true;
      timer ??= clock.setTimeout(onTimer, deps.delayMs);
    },
    flush() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      due = false;
      if (!unsaved) return;
      unsaved = false;
      try {
        store.write(deps.document());
      } catch (error) {
        unsaved = true;
        warn(error);
      }
    },
    settled: async () => {
      while (inFlight) await inFlight;
    },
  };
}
