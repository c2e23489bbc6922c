/**
 * Dial by name's timing on a fake clock: no search before 2 letters or before typing pauses for
 * the debounce, a running search is cancelled by further typing (main is told to abort), and a
 * stale answer never replaces a newer one.
 */
import { describe, expect, it } from 'vitest';
import type { DirectoryResult, Result } from '../../../preload/contract';
import { DIRECTORY_DEBOUNCE_MS } from '../../../preload/common/directory-limits';
import { createDirectoryLookup, looksDialable, type LookupState } from '../../../renderer/search/directory-lookup';
import { FakeClock, flushAsync } from '../../fakes/fake-clock';

const person = (name: string) => ({ id: name, name, extension: '1002', dial: '1002' });

function setup() {
  const clock = new FakeClock();
  const searches: { query: string; resolve(result: Result<DirectoryResult>): void }[] = [];
  const states: LookupState[] = [];
  let cancels = 0;
  const lookup = createDirectoryLookup({
    search: (query) => new Promise((resolve) => searches.push({ query, resolve })),
    cancel: () => void (cancels += 1),
    onChange: (state) => states.push(state),
    timers: { setTimeout: (run, ms) => clock.setTimeout(run, ms), clearTimeout: (handle) => clock.clearTimeout(handle as never) },
  });
  return { clock, lookup, searches, states, cancels: () => cancels };
}

const found = (people: ReturnType<typeof person>[]): Result<DirectoryResult> => ({ ok: true, value: { people, cancelled: false } });

describe('directory lookup', () => {
  it('searches once, 250 ms after the last keystroke, and only from 2 letters', async () => {
    const { clock, lookup, searches, states } = setup();
    lookup.input('S');
    clock.advance(DIRECTORY_DEBOUNCE_MS * 4);
    expect(searches).toEqual([]);

    lookup.input('Sa');
    clock.advance(DIRECTORY_DEBOUNCE_MS - 1);
    lookup.input('Sam');
    clock.advance(DIRECTORY_DEBOUNCE_MS - 1);
    expect(searches).toEqual([]);
    clock.advance(1);
    expect(searches.map((s) => s.query)).toEqual(['Sam']);
    expect(states.at(-1)).toEqual({ status: 'searching', query: 'Sam' });

    searches[0]?.resolve(found([person('Sam Rivera')]));
    await flushAsync();
    expect(states.at(-1)).toEqual({ status: 'found', query: 'Sam', people: [person('Sam Rivera')] });
  });

  it('typing on cancels the running search, and its late answer is dropped', async () => {
    const { clock, lookup, searches, states, cancels } = setup();
    lookup.input('Sa');
    clock.advance(DIRECTORY_DEBOUNCE_MS);
    lookup.input('Sam');
    expect(cancels()).toBe(1);
    clock.advance(DIRECTORY_DEBOUNCE_MS);
    expect(searches.map((s) => s.query)).toEqual(['Sa', 'Sam']);

    searches[1]?.resolve(found([person('Sam Rivera')]));
    searches[0]?.resolve(found([person('Sanjay Patel'), person('Sarah Chen')]));
    await flushAsync();
    expect(states.filter((s) => s.status === 'found')).toEqual([{ status: 'found', query: 'Sam', people: [person('Sam Rivera')] }]);
  });

  it('clearing the field cancels the search and goes quiet; numbers never search', async () => {
    const { clock, lookup, searches, states, cancels } = setup();
    lookup.input('Jo');
    clock.advance(DIRECTORY_DEBOUNCE_MS);
    lookup.input('');
    expect(cancels()).toBe(1);
    expect(states.at(-1)).toEqual({ status: 'idle' });
    for (const number of ['+1 415 555 0102', '(202) 555-0147', '4102', 'sip:ana@example.com', '*73']) {
      lookup.input(number);
      clock.advance(DIRECTORY_DEBOUNCE_MS);
    }
    expect(searches.map((s) => s.query)).toEqual(['Jo']);
    searches[0]?.resolve(found([person('Jordan Lee')]));
    await flushAsync();
    expect(states.some((s) => s.status === 'found')).toBe(false);
  });

  it("a failed search says so; a search main cancelled says nothing", async () => {
    const { clock, lookup, searches, states } = setup();
    lookup.input('Sa');
    clock.advance(DIRECTORY_DEBOUNCE_MS);
    searches[0]?.resolve({ ok: true, value: { people: [], cancelled: true } });
    await flushAsync();
    expect(states.at(-1)).toEqual({ status: 'searching', query: 'Sa' });
    lookup.input('Sam');
    clock.advance(DIRECTORY_DEBOUNCE_MS);
    searches[1]?.resolve({ ok: false, error: { code: 'forbidden', message: 'No directory access' } });
    await flushAsync();
    expect(states.at(-1)).toMatchObject({ status: 'failed', query: 'Sam', error: { code: 'forbidden' } });
  });

  it('tells numbers from names', () => {
    expect(looksDialable('+44 20 7946 0958')).toBe(true);
    expect(looksDialable('1002')).toBe(true);
    expect(looksDialable('ana@example.com')).toBe(true);
    expect(looksDialable('Sam')).toBe(false);
    expect(looksDialable('Ext')).toBe(false);
  });
});
