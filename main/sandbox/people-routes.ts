/**
 * Webex's People API as the built-in line serves it under /v1: the user's own details and a
 * directory search, both with calling data on request. Shapes, parameters and the `Link` paging
 * header follow ../shared/contracts/webex-people.openapi.json (test/contract checks every exchange).
 */
import { z } from 'zod';
import { DIRECTORY, ME, personId, searchDirectory, toWirePerson } from './directory.js';
import { RequestError, type Route } from './routes.js';

const Flag = z.enum(['true', 'false']).optional();
/** Webex caps one page at 1000 people, and a max below 1 makes no sense. */
const Max = z.coerce.number().int().min(1).max(1000).optional();
const Cursor = z.coerce.number().int().min(0).optional();

function queryValue<T extends z.ZodType>(schema: T, query: URLSearchParams, name: string): z.infer<T> {
  const parsed = schema.safeParse(query.get(name) ?? undefined);
  if (!parsed.success) throw new RequestError(400, `The ${name} parameter is not valid.`);
  return parsed.data as z.infer<T>;
}

/** "List people by ID. Accepts up to 85 person IDs separated by commas." Unknown ids are simply not listed. */
export const MAX_PEOPLE_IDS = 85;

function peopleById(list: string, callingData: boolean): Array<Record<string, unknown>> {
  const ids = list.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new RequestError(400, 'The id parameter is not valid.');
  if (ids.length > MAX_PEOPLE_IDS) throw new RequestError(400, `At most ${MAX_PEOPLE_IDS} person IDs can be listed at once.`);
  return DIRECTORY.filter((p) => ids.includes(personId(p))).map((p) => toWirePerson(p, callingData));
}

export const PEOPLE_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/people/me',
    operationId: 'Get My Own Details',
    run: ({ query, admin }) => {
      // "Admin users can include Webex Calling … user details … by specifying callingData": others get none.
      const callingData = admin && queryValue(Flag, query, 'callingData') === 'true';
      return { status: 200, body: toWirePerson(ME, callingData) };
    },
  },
  {
    method: 'GET',
    path: '/people',
    operationId: 'List People',
    run: ({ query, url, admin }) => {
      const ids = query.get('id') ?? undefined;
      if (ids !== undefined) return { status: 200, body: { items: peopleById(ids, queryValue(Flag, query, 'callingData') === 'true') } };
      const displayName = query.get('displayName') ?? undefined;
      const email = query.get('email') ?? undefined;
      const callingData = admin && queryValue(Flag, query, 'callingData') === 'true';
      const max = queryValue(Max, query, 'max') ?? 100;
      const start = queryValue(Cursor, query, 'cursor') ?? 0;
      const unfiltered = (displayName === undefined || displayName.trim() === '') && (email === undefined || email.trim() === '');
      // "For non-admin requests, either this or email are required"; "Admin users can omit these fields".
      if (unfiltered && !admin) {
        throw new RequestError(400, 'Either the email or displayName parameter is required.');
      }
      const matches = unfiltered
        ? [...DIRECTORY]
        : email !== undefined
          ? DIRECTORY.filter((p) => p.email === email.trim().toLowerCase())
          : searchDirectory(displayName ?? '');
      const page = matches.slice(start, start + max);
      const headers: Record<string, string> = {};
      if (start + max < matches.length) {
        const next = new URL(url);
        next.searchParams.set('cursor', String(start + max));
        headers.Link = `<${next.toString()}>; rel="next"`;
      }
      return { status: 200, body: { items: page.map((p) => toWirePerson(p, callingData)) }, headers };
    },
  },
];
