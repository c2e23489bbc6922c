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

  it('a person without a work number still has an extension to dial', async () => {
    const res = await raw(agent, `${line.baseUrl}/people?displayName=Jordan&callingData=true`, { token: line.token });
    expect(res.json).toMatchObject({ items: [{ displayName: 'Jordan Lee', extension: '1003', phoneNumbers: [{ type: 'work_extension' }] }] });
  });
});
