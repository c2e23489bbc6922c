/**
 * Dial by name: one directory search at a time. Starting a search aborts the one still running
 * (its HTTP request too, through the signal), so typing "Sa", "Sam", "Samu" costs at most one
 * answer the user will see, and a slow stale answer can never overwrite a newer one.
 */
import type { DirectoryEntry, DirectoryResult } from '../../preload/contract.js';
import { DIRECTORY_MAX_RESULTS } from '../../preload/common/directory-limits.js';
import type { Logger } from '../core/ports.js';
import type { WebexPerson } from '../providers/webex/people-schemas.js';
import { preferred, toMyLine } from './my-line.js';
import type { PeopleProvider } from '../providers/people-provider.js';

export interface DirectorySearch {
  search(query: string): Promise<DirectoryResult>;
  cancel(): void;
}

const CANCELLED: DirectoryResult = { people: [], cancelled: true };

/**
 * What dial by name offers: the work number, else the work extension with its routing prefix
 * (`phoneNumbers[type=work_extension]`). Never the bare `extension`: that is admin-only calling
 * data, and without the routing prefix it may reach someone else at another location.
 */
export function toDirectoryEntry(person: WebexPerson, index: number): DirectoryEntry | undefined {
  const numbers = person.phoneNumbers ?? [];
  const number = preferred(numbers, 'work');
  const extension = preferred(numbers, 'work_extension');
  const dial = number ?? extension;
  if (dial === undefined) return undefined; // nobody to call: no work number, no work extension
  const name = toMyLine(person).name;
  return {
    id: person.id ?? `person-${index}`,
    name: name ?? person.emails?.[0] ?? dial,
    ...(number !== undefined ? { number } : {}),
    ...(extension !== undefined ? { extension } : {}),
    dial,
  };
}

export function createDirectorySearch(deps: { people: () => PeopleProvider; log: Logger }): DirectorySearch {
  let current: AbortController | undefined;

  function cancel(): void {
    current?.abort(new Error('superseded'));
    current = undefined;
  }

  return {
    async search(query) {
      cancel();
      const controller = new AbortController();
      current = controller;
      try {
        const people = await deps.people().search(query.trim(), DIRECTORY_MAX_RESULTS, controller.signal);
        if (controller.signal.aborted) return CANCELLED;
        const entries = people.map(toDirectoryEntry).filter((e): e is DirectoryEntry => e !== undefined);
        return { people: entries.slice(0, DIRECTORY_MAX_RESULTS), cancelled: false };
      } catch (error) {
        if (controller.signal.aborted) return CANCELLED;
        deps.log.warn('directory: search failed', { error: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        if (current === controller) current = undefined;
      }
    },
    cancel,
  };
}
