/**
 * The People client and the built-in line, checked against Cisco's People contract
 * (specs/webex-people.openapi.json): people/me and the directory search with calling data, a
 * paged answer's Link header, and error answers. The voicemail summary has no file in the
 * contracts folder, so its exchange is checked with a zod schema written from Webex's
 * documentation here, independently of the client's own.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../../main/providers/http.js';
import { createWebexPeopleClient, createWebexVoicemailClient } from '../../main/providers/webex/people-client.js';
import { PEOPLE_ROUTES } from '../../main/sandbox/people-routes.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../line-kit/index.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { raw } from '../unit/sandbox/raw-http.js';
import { checkExchange, createContractApi, loadContract, PEOPLE_SPEC_PATH } from './contract-validator.js';

/** GET /telephony/voiceMessages/summary as developer.webex.com documents it: four counts, nothing else required. */
const DocumentedVoicemailSummary = z.strictObject({
  newMessages: z.number().int().min(0),
  oldMessages: z.number().int().min(0),
  newUrgentMessages: z.number().int().min(0),
  oldUrgentMessages: z.number().int().min(0),
});

let api: OpenAPIBackend;
let line: TestLine;
let agent: Agent;
const recorded: SandboxExchange[] = [];

beforeAll(async () => {
  api = await createContractApi(PEOPLE_SPEC_PATH);
  line = await startTestLine({ clock: new FakeClock() });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  line.control.onExchange((x) => recorded.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});

const http = () => createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 });
const peopleExchanges = () => recorded.filter((x) => x.path.startsWith('/v1/people'));

describe('People contract', () => {
  let me: Awaited<ReturnType<ReturnType<typeof createWebexPeopleClient>['me']>>;
  let sam: Awaited<ReturnType<ReturnType<typeof createWebexPeopleClient>['search']>>;
  let paged: Awaited<ReturnType<typeof raw>>;

  beforeAll(async () => {
    const people = createWebexPeopleClient(http());
    me = await people.me();
    sam = await people.search('Sa', 10);
    await people.search('zz', 10);
    // A page smaller than the matches carries rel="next" (its opaque cursor is the line's, not the contract's).
    paged = await raw(agent, `${line.baseUrl}/people?displayName=Sa&max=2&callingData=true`, { token: line.token });
    // Errors: neither displayName nor email; a bad max; a token the line does not know.
    await raw(agent, `${line.baseUrl}/people?callingData=true`, { token: line.token });
    await raw(agent, `${line.baseUrl}/people?displayName=Sa&max=0`, { token: line.token });
    await expect(createWebexPeopleClient(createHttpClient({ baseUrl: line.baseUrl, getToken: async () => 'wrong', dispatcher: agent })).me()).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('every people request and response conforms to the contract', () => {
    expect(peopleExchanges().length).toBeGreaterThanOrEqual(7);
    expect(peopleExchanges().flatMap((x) => checkExchange(api, x).problems)).toEqual([]);
  });

  it('[PPL-01] the client asks for no calling data (admins only) and a small page, and reads the work extension', () => {
    const [meRequest, search] = peopleExchanges();
    expect(meRequest?.query).toEqual({});
    expect(search?.query).toEqual({ displayName: 'Sa', max: '10' });
    expect(me).toMatchObject({
      displayName: 'Alex Morgan',
      phoneNumbers: expect.arrayContaining([{ type: 'work', value: '+1 415 555 0142', primary: true }, expect.objectContaining({ type: 'work_extension', value: '81004142' })]),
    });
    expect(me).not.toHaveProperty('extension');
    expect(sam.map((p) => p.displayName)).toEqual(expect.arrayContaining(['Sam Rivera', 'Samuel Okafor', 'Sarah Chen', 'Sanjay Patel']));
    expect(sam.every((p) => p.phoneNumbers?.some((n) => n.type === 'work_extension'))).toBe(true);
  });

  it('[PPL-01] callingData adds the Calling details for an admin token only, in the contract shape', async () => {
    const asUser = await raw(agent, `${line.baseUrl}/people/me?callingData=true`, { token: line.token });
    expect(asUser.json).not.toHaveProperty('extension');
    expect(asUser.json).not.toHaveProperty('locationId');
    const admin = line.control.issueAdminToken();
    const asAdmin = await raw(agent, `${line.baseUrl}/people/me?callingData=true`, { token: admin });
    expect(asAdmin.json).toMatchObject({ extension: '4142', locationId: expect.any(String) });
    expect(checkExchange(api, recorded.at(-1) as SandboxExchange).problems).toEqual([]);
  });

  it('pages with a Link rel="next" header and answers errors in the Webex shape', () => {
    expect(paged.status).toBe(200);
    expect(String(paged.headers.link)).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/v1\/people\?.*cursor=2.*>; rel="next"$/);
    const statuses = peopleExchanges().map((x) => x.status);
    expect(statuses).toEqual(expect.arrayContaining([200, 400, 401]));
  });

  it('without callingData, no calling data', async () => {
    const plain = await raw(agent, `${line.baseUrl}/people/me`, { token: line.token });
    expect(plain.json).not.toHaveProperty('extension');
    expect(checkExchange(api, recorded.at(-1) as SandboxExchange).problems).toEqual([]);
  });

  it('the line serves exactly the contract operations, on the same methods and paths', () => {
    const spec = loadContract(PEOPLE_SPEC_PATH) as { paths: Record<string, Record<string, { operationId: string }>> };
    const defined = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    );
    expect(PEOPLE_ROUTES.map((r) => `${r.operationId} ${r.method} ${r.path}`).sort()).toEqual(defined.sort());
    const exercised = new Set(peopleExchanges().map((x) => checkExchange(api, x).operationId));
    expect(PEOPLE_ROUTES.filter((r) => !exercised.has(r.operationId))).toEqual([]);
  });
});

describe('voicemail summary (documented shape)', () => {
  it('the line answers the documented shape, and the counts follow messages left and heard', async () => {
    const voicemail = createWebexVoicemailClient(http());
    line.control.reset();
    expect(await voicemail.summary()).toEqual({ newMessages: 0, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 });
    line.control.leaveVoicemail({ from: { name: 'Ana Silva', number: '+12015550123' } });
    line.control.leaveVoicemail({ from: { number: '+13125550182' }, urgent: true });
    expect(await voicemail.summary()).toEqual({ newMessages: 2, oldMessages: 0, newUrgentMessages: 1, oldUrgentMessages: 0 });
    line.control.hearVoicemail();
    expect(await voicemail.summary()).toEqual({ newMessages: 0, oldMessages: 2, newUrgentMessages: 0, oldUrgentMessages: 1 });

    const exchanges = recorded.filter((x) => x.path === '/v1/telephony/voiceMessages/summary');
    expect(exchanges).toHaveLength(3);
    for (const x of exchanges) {
      expect(x.method).toBe('GET');
      expect(x.status).toBe(200);
      expect(x.requestHeaders.authorization).toMatch(/^Bearer \S+$/);
      expect(x.responseHeaders['Content-Type']).toMatch(/^application\/json/);
      expect(x.responseHeaders.TrackingID).toBeTruthy();
      expect(DocumentedVoicemailSummary.safeParse(JSON.parse(x.responseBody)).success).toBe(true);
    }
  });

  it('the documented schema catches a wrong shape', () => {
    expect(DocumentedVoicemailSummary.safeParse({ newMessages: 1, oldMessages: 0, newUrgentMessages: 0 }).success).toBe(false);
    expect(DocumentedVoicemailSummary.safeParse({ newMessages: '1', oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 }).success).toBe(false);
  });
});
