/**
 * The built-in line's company directory: a handful of fictional colleagues (555-01xx numbers are
 * reserved for fiction), the line's own user first. Shaped as Webex's People API `Person` with
 * calling data: a work number (not everyone has one) and a Webex Calling extension.
 */
import { encodeId } from './transition-kit.js';

export interface DirectoryPerson {
  readonly key: string;
  readonly displayName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** E.164-ish as Webex shows it, e.g. "+1 415 555 0142"; absent: extension only. */
  readonly workNumber?: string;
  readonly extension: string;
  readonly department?: string;
}

function person(key: string, displayName: string, extension: string, workNumber?: string, department?: string): DirectoryPerson {
  const [firstName = '', ...rest] = displayName.split(' ');
  return {
    key,
    displayName,
    firstName,
    lastName: rest.join(' '),
    email: `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
    extension,
    ...(workNumber !== undefined ? { workNumber } : {}),
    ...(department !== undefined ? { department } : {}),
  };
}

/** The line's own user; DEFAULT_ME in line-model.ts is the same person as a call party. */
export const ME = person('me', 'Alex Morgan', '4142', '+1 415 555 0142', 'Reception');

export const DIRECTORY: readonly DirectoryPerson[] = [
  ME,
  person('sam', 'Sam Rivera', '1002', '+1 415 555 0102', 'Sales'),
  person('jordan', 'Jordan Lee', '1003', undefined, 'Warehouse'),
  person('hannah', 'Hannah Schmidt', '1007', '+1 415 555 0107', 'Support'),
  person('samuel', 'Samuel Okafor', '4151', '+1 415 555 0151', 'Finance'),
  person('sarah', 'Sarah Chen', '4150', '+1 415 555 0150', 'Sales'),
  person('sanjay', 'Sanjay Patel', '4152', undefined, 'IT'),
  person('maria', 'Maria Rossi', '4160', '+1 415 555 0160', 'Marketing'),
  person('david', 'David Kim', '4161', '+1 415 555 0161', 'Support'),
  person('emma', 'Emma Wilson', '4162', '+1 415 555 0162', 'Legal'),
  person('liam', 'Liam Brown', '4163', '+1 415 555 0163', 'Facilities'),
  person('olivia', 'Olivia Davis', '4164', '+1 415 555 0164', 'HR'),
  person('noah', 'Noah Martinez', '4165', '+1 415 555 0165', 'Sales'),
  person('ava', 'Ava Thompson', '4166', undefined, 'Sales'),
];

const LOCATION_ID = encodeId('LOCATION', 1);
const ORG_ID = encodeId('ORGANIZATION', 1);

/**
 * The contract: "List people whose name starts with this string." Whether Webex also matches a
 * later word (a surname) it does not say, so the line does the narrower thing: the start of the
 * whole display name, ignoring case. The user's own entry is included like anyone else's.
 */
export function searchDirectory(query: string): DirectoryPerson[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  return DIRECTORY.filter((p) => p.displayName.toLowerCase().startsWith(wanted));
}

/** A person's id as the People API shows it. */
export function personId(p: DirectoryPerson): string {
  return encodeId('PEOPLE', DIRECTORY.indexOf(p) + 1);
}

/** The location's routing prefix: Webex puts it in front of the extension in `work_extension`. */
export const ROUTING_PREFIX = '8100';

/**
 * The People API's `Person`. Everyone in this directory has Webex Calling, so everyone's
 * `phoneNumbers` carries a `work_extension` ("For the Webex Calling person, the value will have a
 * routing prefix along with the extension"); the bare `extension` and `locationId` are calling
 * data, which only an admin's request gets.
 */
export function toWirePerson(p: DirectoryPerson, callingData: boolean): Record<string, unknown> {
  const phoneNumbers: Array<{ type: string; value: string; primary: boolean }> = [];
  if (p.workNumber !== undefined) phoneNumbers.push({ type: 'work', value: p.workNumber, primary: true });
  phoneNumbers.push({ type: 'work_extension', value: `${ROUTING_PREFIX}${p.extension}`, primary: p.workNumber === undefined });
  return {
    id: personId(p),
    emails: [p.email],
    phoneNumbers,
    ...(callingData ? { extension: p.extension, locationId: LOCATION_ID } : {}),
    displayName: p.displayName,
    firstName: p.firstName,
    lastName: p.lastName,
    orgId: ORG_ID,
    ...(p.department !== undefined ? { department: p.department } : {}),
    created: '2024-01-15T09:00:00.000Z',
    type: 'person',
  };
}
