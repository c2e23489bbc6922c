import { describe, expect, it } from 'vitest';
import { createDirectorySearch } from '../../../main/calls/directory-search.js';
import type { PeopleProvider } from '../../../main/providers/people-provider.js';
import { AppError } from '../../../main/core/app-error.js';
import { flushAsync } from '../../fakes/fake-clock.js';
import { FakePeopleProvider } from '../../fakes/fake-people-provider.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

function setup() {
  const people = new FakePeopleProvider();
  // As a user without admin rights gets them: no calling data, extensions in phoneNumbers.
  people.directory = [
    {
      id: 'p1',
      displayName: 'Sam Rivera',
      phoneNumbers: [
        { type: 'work', value: '+1 415 555 0102', primary: true },
        { type: 'work_extension', value: '81001002' },
      ],
    },
    { id: 'p2', displayName: 'Samuel Okafor', phoneNumbers: [{ type: 'work_extension', value: '81004151', primary: true }] },
    { id: 'p3', displayName: 'Sam Nobody' },
    // Admin-only calling data alone: a bare extension without its routing prefix is not dialled.
    { id: 'p4', displayName: 'Sam Bare', extension: '4152' },
  ];
  return { people, search: createDirectorySearch({ people: () => people, log: new MemoryLogger() }) };
}

describe('directory search', () => {
  it('[PPL-03] answers with name, number, work extension and what to dial; never a bare extension', async () => {
    const { search } = setup();
    expect(await search.search(' Sam ')).toEqual({
      cancelled: false,
      people: [
        { id: 'p1', name: 'Sam Rivera', number: '+1 415 555 0102', extension: '81001002', dial: '+1 415 555 0102' },
        { id: 'p2', name: 'Samuel Okafor', extension: '81004151', dial: '81004151' },
      ],
    });
  });

  it('a new search aborts the running one, whose HTTP request sees the abort', async () => {
    const { people, search } = setup();
    people.holdSearches = true;
    const stale = search.search('Sa');
    const fresh = search.search('Sam');
    expect(people.searches.map((s) => s.name)).toEqual(['Sa', 'Sam']);
    expect(people.searches[0]?.signal?.aborted).toBe(true);
    expect(people.searches[1]?.signal?.aborted).toBe(false);
    people.searches[1]?.release();
    expect(await stale).toEqual({ people: [], cancelled: true });
    expect((await fresh).people.map((p) => p.name)).toEqual(['Sam Rivera', 'Samuel Okafor']);
  });

  it('cancel aborts without a new search; a real failure still reaches the caller', async () => {
    const { people, search } = setup();
    people.holdSearches = true;
    const pending = search.search('Sa');
    search.cancel();
    expect(await pending).toEqual({ people: [], cancelled: true });

    const failing: PeopleProvider = { me: () => people.me(), search: async () => Promise.reject(new AppError('forbidden', 'No directory access')) };
    const other = createDirectorySearch({ people: () => failing, log: new MemoryLogger() });
    await expect(other.search('Sa')).rejects.toMatchObject({ code: 'forbidden' });
    await flushAsync();
  });
});
