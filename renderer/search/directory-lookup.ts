/**
 * Dial by name, without React: what the "Number to call" combobox asks the directory, and when.
 * From DIRECTORY_MIN_QUERY letters and DIRECTORY_DEBOUNCE_MS after typing stops, one search; any
 * further typing cancels the search still running (main aborts its HTTP request), and an answer
 * that arrives after newer typing is dropped. Typed phone numbers never search: they dial as typed.
 */
import type { DirectoryEntry, DirectoryResult, ErrorValue, Result } from '../../preload/contract';
import { DIRECTORY_DEBOUNCE_MS, DIRECTORY_MIN_QUERY } from '../../preload/common/directory-limits';

export type LookupState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'found'; query: string; people: DirectoryEntry[] }
  | { status: 'failed'; query: string; error: ErrorValue };

export interface LookupDeps {
  search(query: string): Promise<Result<DirectoryResult>>;
  /** Tells main to abort the running search. */
  cancel(): void;
  onChange(state: LookupState): void;
  /** Injected so tests drive time with a fake clock. */
  timers?: { setTimeout(run: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

export interface DirectoryLookup {
  input(text: string): void;
  dispose(): void;
}

/** Digits and phone punctuation, or a SIP address: something to dial, not a name to look up. */
export function looksDialable(text: string): boolean {
  const t = text.trim();
  if (/^(sips?:|tel:)/i.test(t) || t.includes('@')) return true;
  const withoutExtension = t.replace(/\s*(?:;ext=|ext\.?|x)\s*\d*$/i, '');
  return /^[+\d\s().\-/*#,]+$/.test(withoutExtension) && /[\d*#]/.test(withoutExtension);
}

const defaultTimers = {
  setTimeout: (run: () => void, ms: number): unknown => globalThis.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function createDirectoryLookup(deps: LookupDeps): DirectoryLookup {
  const timers = deps.timers ?? defaultTimers;
  let timer: unknown;
  /** Bumped on every keystroke: only the search of the latest text may report. */
  let generation = 0;
  let inFlight = false;
  let disposed = false;
  let last: LookupState = { status: 'idle' };

  const report = (state: LookupState) => {
    if (disposed) return;
    last = state;
    deps.onChange(state);
  };

  async function run(query: string, mine: number): Promise<void> {
    inFlight = true;
    report({ status: 'searching', query });
    let result: Result<DirectoryResult>;
    try {
      result = await deps.search(query);
    } catch (thrown) {
      result = { ok: false, error: { code: 'internal', message: thrown instanceof Error ? thrown.message : 'Search failed.' } };
    }
    if (mine !== generation) return; // newer typing owns the state now (and already cancelled this one)
    inFlight = false;
    if (!result.ok) report({ status: 'failed', query, error: result.error });
    else if (!result.value.cancelled) report({ status: 'found', query, people: result.value.people });
  }

  return {
    input(text) {
      generation += 1;
      const mine = generation;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      if (inFlight) {
        inFlight = false;
        deps.cancel();
      }
      const query = text.trim();
      if (query.length < DIRECTORY_MIN_QUERY || looksDialable(query)) {
        if (last.status !== 'idle') report({ status: 'idle' });
        return;
      }
      timer = timers.setTimeout(() => {
        timer = undefined;
        void run(query, mine);
      }, DIRECTORY_DEBOUNCE_MS);
    },
    dispose() {
      if (timer !== undefined) timers.clearTimeout(timer);
      if (inFlight) deps.cancel();
      disposed = true;
    },
  };
}
