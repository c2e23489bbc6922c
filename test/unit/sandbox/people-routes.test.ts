/** The People API on the built-in line: the directory search's paging and calling data. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { raw, testAgent } from './raw-http.js';

const agent = testAgent();
let clock: FakeClock;
let line: TestLine;

beforeAll(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock });
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => line.control.reset());


describe('people and paging', () => {
  it('follows rel="next" to the rest of the matches', async () => {
    const first = await raw(agent, `${line.baseUrl}/people?displayName=Sa&max=3&callingData=true`, { token: line.token });
    const next = /<([^>]+)>;\s*rel="next"/.exec(String(first.headers.link))?.[1] ?? '';
    const second = await raw(agent, next, { token: line.token });
    const names = [...(first.json as { items: { displayName: string }[] }).items, ...(second.json as { items: { displayName: string }[] }).items].map(
      (p) => p.displayName,
    );
    expect(names.sort()).toEqual(['Samuel Okafor', 'Sam Rivera', 'Sanjay Patel', 'Sarah Chen'].sort());
    expect(second.headers.link).toBeUndefined();
  });

  it('[PPL-02] a person without a work number still has a work_extension (routing prefix + extension) to dial', async () => {
    const res = await raw(agent, `${line.baseUrl}/people?displayName=Jordan`, { token: line.token });
    expect(res.json).toMatchObject({ items: [{ displayName: 'Jordan Lee', phoneNumbers: [{ type: 'work_extension', value: '81001003' }] }] });
    expect((res.json as { items: object[] }).items[0]).not.toHaveProperty('extension');
  });

  it('[PPL-01] callingData is honoured for an admin token only; the default user is not an admin', async () => {
    const user = await raw(agent, `${line.baseUrl}/people?displayName=Jordan&callingData=true`, { token: line.token });
    expect((user.json as { items: object[] }).items[0]).not.toHaveProperty('extension');
    const admin = line.control.issueAdminToken();
    const asAdmin = await raw(agent, `${line.baseUrl}/people?displayName=Jordan&callingData=true`, { token: admin });
    expect(asAdmin.json).toMatchObject({ items: [{ displayName: 'Jordan Lee', extension: '1003', locationId: expect.any(String) }] });
    // "Admin users can omit these fields": only an admin may list without displayName or email.
    expect((await raw(agent, `${line.baseUrl}/people`, { token: line.token })).status).toBe(400);
    expect((await raw(agent, `${line.baseUrl}/people`, { token: admin })).status).toBe(200);
  });

  it('[PPL-03] displayName matches names that start with the text, not a later word', async () => {
    const byFirst = await raw(agent, `${line.baseUrl}/people?displayName=sa`, { token: line.token });
    expect((byFirst.json as { items: { displayName: string }[] }).items.map((p) => p.displayName).sort()).toEqual(
      ['Sam Rivera', 'Samuel Okafor', 'Sanjay Patel', 'Sarah Chen'].sort(),
    );
    const bySurname = await raw(agent, `${line.baseUrl}/people?displayName=Rivera`, { token: line.token });
    expect(bySurname.json).toEqual({ items: [] });
  });
});
