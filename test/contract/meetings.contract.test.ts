/**
 * The Webex Meetings client and the built-in line, checked against Cisco's official contracts
 * (Meeting Participants, List Meetings). One scripted session drives every meeting operation
 * CallDeck uses through the real client over real HTTP, happy paths and error answers; every
 * recorded request and response is validated by operationId.
 *
 * One documented deviation: seed 000 (Call Out a SIP Participant) documents addressType
 * `phoneNumber`, which the contract file's enum omits; the in-memory copy adds it, nothing else.
 */
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/providers/http.js';
import { createWebexMeetingsClient, type WebexMeetingsClient } from '../../main/providers/webex/meetings-client.js';
import { MEETING_ROUTES } from '../../main/sandbox/meetings-routes.js';
import { INSTANCE_LISTING_DELAY_MS } from '../../main/sandbox/meetings-state.js';
import type { SandboxExchange } from '../../main/sandbox/index.js';
import { startTestLine, type TestLine } from '../line-kit/index.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { checkExchange, loadContract, withErrorBodies, type ExchangeCheck } from './contract-validator.js';

const PARTICIPANTS = 'webex-meeting-participants.openapi.json';
const MEETINGS = 'webex-meetings-list.openapi.json';
/** The operations CallDeck uses; the others (query by email, details) it never sends. */
const USED = [
  'listMeetings',
  'List Meeting Participants',
  'Update a Participant',
  'Admit Participants',
  'Call Out a SIP Participant',
  'Cancel Calling Out a SIP Participant',
];

type Json = Record<string, unknown>;

const specFile = (file: string) => new URL(`./specs/${file}`, import.meta.url);

function withSeedAddressTypes(spec: Json): Json {
  const schemas = (spec.components as { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> }).schemas;
  for (const name of ['CalloutRequest', 'CalloutResponse']) {
    const addressType = schemas[name]?.properties.addressType;
    if (addressType?.enum) addressType.enum = [...addressType.enum, 'phoneNumber'];
  }
  return spec;
}

async function contractApi(file: string): Promise<OpenAPIBackend> {
  const spec = withErrorBodies(file === PARTICIPANTS ? withSeedAddressTypes(loadContract(specFile(file))) : loadContract(specFile(file)));
  const api = new OpenAPIBackend({ definition: spec as unknown as Document, validate: true, strict: true, quick: true });
  await api.init();
  return api;
}

let participantsApi: OpenAPIBackend;
let meetingsApi: OpenAPIBackend;
let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let client: WebexMeetingsClient;
const recorded: SandboxExchange[] = [];

beforeAll(async () => {
  participantsApi = await contractApi(PARTICIPANTS);
  meetingsApi = await contractApi(MEETINGS);
  clock = new FakeClock();
  line = await startTestLine({ clock });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  client = createWebexMeetingsClient(
    createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 }),
    line.baseUrl,
  );
  line.control.onExchange((x) => recorded.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});

async function fails(promise: Promise<unknown>): Promise<number | undefined> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { status?: number }) => error.status,
  );
}

const statuses: Array<number | undefined> = [];

/**
 * A request that follows `Link: rel="next"` carries the line's own cursor (`offset`), which the
 * contract does not list: Webex tells clients to use the link as given. Such a request must be
 * exactly a URL the line advertised; the cursor is then set aside and the rest validated.
 */
const advertised = new Set<string>();
function withoutLinkCursor(x: SandboxExchange): SandboxExchange {
  const link = /<([^>]+)>;\s*rel="next"/.exec(x.responseHeaders.Link ?? '')?.[1];
  if (x.query.offset === undefined) {
    if (link) advertised.add(new URL(link).search);
    return x;
  }
  const search = `?${new URLSearchParams(x.query).toString()}`;
  if (!advertised.has(search)) throw new Error(`${x.path}${search} was never advertised in a Link header`);
  if (link) advertised.add(new URL(link).search);
  const { offset: _cursor, ...query } = x.query;
  return { ...x, query };
}

async function session(): Promise<void> {
  const crowd = Array.from({ length: 230 }, (_, i) => ({ displayName: `Guest ${i + 1}`, email: `guest${i + 1}@example.com` }));
  line.meetings.addMeeting({
    title: 'All hands',
    meetingNumber: '26345551234',
    participants: [
      { displayName: 'Reception', email: 'reception@example.com', host: true },
      { displayName: 'Waiting Wanda', state: 'lobby' },
      { displayName: 'Gone Gary', state: 'end' },
      ...crowd,
    ],
  });
  line.meetings.addMeeting({ title: 'Not mine', meetingNumber: '26345559999', role: 'attendee', participants: [{ displayName: 'Boss', host: true }] });

  const scheduled = await client.findByNumber('26345551234');
  if (!scheduled?.meetingSeriesId) throw new Error('meeting not found');
  expect(await client.findByNumber('11111111')).toBeUndefined();
  // Not listed yet ("may take longer"); then listed.
  expect(await client.findRunningInstance(scheduled.meetingSeriesId)).toBeUndefined();
  clock.advance(INSTANCE_LISTING_DELAY_MS);
  const meeting = await client.findRunningInstance(scheduled.meetingSeriesId);
  if (!meeting) throw new Error('instance not listed');
  expect((await client.listParticipants(scheduled.id)).length).toBe(233);
  const roster = await client.listParticipants(meeting.id);
  expect(roster).toHaveLength(233);

  const wanda = roster.find((p) => p.displayName === 'Waiting Wanda')?.id ?? '';
  const guest = roster.find((p) => p.displayName === 'Guest 7')?.id ?? '';
  await client.admitAll([wanda]);
  await client.updateParticipant(wanda, { admit: true });
  await client.updateParticipant(guest, { muted: true });
  await client.updateParticipant(guest, { muted: false });
  await client.updateParticipant(guest, { expel: true });
  statuses.push(await fails(client.updateParticipant(guest, { muted: true })));

  const byNumber = await client.callOut({
    meetingNumber: '26345551234',
    address: 'sip:desk@example.com',
    addressType: 'sipAddress',
    displayName: 'Desk',
    invitationCorrelationId: '971ab255-64e6-4cd2-a5af-d33953898356',
  });
  await client.cancelCallOut(byNumber.participantId ?? '');
  const sip = await client.callOut({
    meetingId: meeting.id,
    address: 'sip:boardroom@example.com',
    addressType: 'sipAddress',
    displayName: 'Boardroom',
    invitationCorrelationId: '871ab255-64e6-4cd2-a5af-d33953898356',
  });
  await client.cancelCallOut(sip.participantId ?? '');
  statuses.push(await fails(client.cancelCallOut(sip.participantId ?? '')));
  await client.callOut({
    meetingId: meeting.id,
    address: '+14155550123',
    addressType: 'phoneNumber',
    displayName: 'Mobile 👍🏽 Zoë',
    invitationCorrelationId: 'a3bb189e-8bf9-3888-9912-ace4e6543002',
  });
  statuses.push(
    await fails(
      client.callOut({
        meetingId: meeting.id,
        address: 'sip:x@example.com',
        addressType: 'sipAddress',
        displayName: 'x'.repeat(33),
        invitationCorrelationId: 'b3bb189e-8bf9-3888-9912-ace4e6543002',
      }),
    ),
  );

  // Not the host: every roster operation is refused.
  const notMine = await client.findByNumber('26345559999');
  statuses.push(await fails(client.listParticipants(notMine?.id ?? '')));
  const boss = line.meetings.meetings().find((m) => m.title === 'Not mine')?.participants[0]?.id ?? '';
  statuses.push(await fails(client.updateParticipant(boss, { muted: true })));

  line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 2, path: '/meetingParticipants' });
  statuses.push(await fails(client.listParticipants(meeting.id)));
  line.control.injectFault({ kind: 'status', status: 423, retryAfterSec: 3, path: '/meetingParticipants' });
  statuses.push(await fails(client.listParticipants(meeting.id)));
  line.control.expireToken();
  statuses.push(await fails(client.findByNumber('26345551234')));
  line.control.issueToken();
}

describe('Meetings contract', () => {
  let checks: ExchangeCheck[];

  beforeAll(async () => {
    await session();
    checks = recorded.map((x) => checkExchange(x.path === '/v1/meetings' ? meetingsApi : participantsApi, withoutLinkCursor(x)));
  });

  it('every request the client sent and every response the line gave conforms', () => {
    expect(recorded.length).toBeGreaterThan(12);
    expect(checks.flatMap((c) => c.problems)).toEqual([]);
  });

  it('every operation CallDeck uses was exercised, and the roster was read across Link pages', () => {
    const exercised = new Set(checks.map((c) => c.operationId));
    expect(USED.filter((id) => !exercised.has(id))).toEqual([]);
    const pages = recorded.filter((x) => x.path === '/v1/meetingParticipants' && x.status === 200);
    expect(pages.some((x) => /rel="next"/.test(x.responseHeaders.Link ?? ''))).toBe(true);
    expect(pages.every((x) => Number(x.query.max) <= 100)).toBe(true);
  });

  it('each update carried only its own field', () => {
    const bodies = recorded.filter((x) => x.method === 'PUT').map((x) => Object.keys(JSON.parse(x.requestBody) as object));
    expect(bodies.length).toBeGreaterThan(3);
    for (const keys of bodies) expect(keys).toHaveLength(1);
  });

  it('error answers were exercised and validated too', () => {
    expect(statuses).toEqual([404, 404, 400, 403, 403, 429, 423, 401]);
    const seen = new Set(checks.map((c) => c.status));
    for (const status of [200, 204, 400, 401, 403, 404, 423, 429]) expect(seen).toContain(status);
  });

  it('[MTG-12] the bulk admit request and its 204 conform', () => {
    const admits = checks.filter((c) => c.operationId === 'Admit Participants');
    expect(admits.map((c) => c.status)).toEqual([204]);
    expect(admits.flatMap((c) => c.problems)).toEqual([]);
  });

  it('[MTG-15] 423 Locked with Retry-After is a documented answer of the roster, with its header', () => {
    const locked = recorded.filter((x) => x.status === 423);
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((x) => x.responseHeaders['Retry-After'] === '3')).toBe(true);
    expect(checks.filter((c) => c.status === 423).flatMap((c) => c.problems)).toEqual([]);
  });

  it('[MTG-01] the number was asked alone, and the answer was the scheduled meeting; [MTG-02] the instance came by series', () => {
    const lists = recorded.filter((x) => x.path === '/v1/meetings' && x.status === 200);
    const byNumber = lists.find((x) => x.query.meetingNumber === '26345551234');
    expect(byNumber?.query).toEqual({ meetingNumber: '26345551234' });
    const items = (x: SandboxExchange | undefined) => (JSON.parse(String(x?.responseBody ?? '{}')) as { items?: Array<{ meetingType: string }> }).items ?? [];
    expect(items(byNumber).map((i) => i.meetingType)).toEqual(['scheduledMeeting']);
    const bySeries = lists.filter((x) => x.query.meetingSeriesId !== undefined);
    expect(bySeries.map((x) => items(x).length)).toEqual([0, 1]);
  });

  it('the sandbox routes exactly the used operations, on the contract methods and paths', () => {
    const defined = [PARTICIPANTS, MEETINGS].flatMap((file) => {
      const spec = loadContract(specFile(file)) as { paths: Record<string, Record<string, { operationId: string }>> };
      return Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
      );
    });
    const served = MEETING_ROUTES.map((r) => `${r.operationId} ${r.method} ${r.path}`);
    expect(served.filter((s) => !defined.includes(s))).toEqual([]);
    expect(MEETING_ROUTES.map((r) => r.operationId).sort()).toEqual([...USED].sort());
  });
});
