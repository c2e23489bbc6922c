/**
 * CallDeck's webhooks client and the built-in line, checked against Cisco's Webhooks contract
 * (specs/webex-webhooks.openapi.json): every request and response of a create, list, show,
 * reactivate and delete cycle, and the errors the line answers.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/providers/http.js';
import { createWebexWebhooksClient } from '../../main/providers/webex/webhooks-client.js';
import { startTestLine, type SandboxExchange, type TestLine } from '../line-kit/index.js';
import { raw } from '../unit/sandbox/raw-http.js';
import { checkExchange, createContractApi } from './contract-validator.js';

const WEBHOOKS_SPEC = new URL('./specs/webex-webhooks.openapi.json', import.meta.url);

let api: OpenAPIBackend;
let line: TestLine;
let agent: Agent;
const recorded: SandboxExchange[] = [];

beforeAll(async () => {
  api = await createContractApi(WEBHOOKS_SPEC);
  line = await startTestLine();
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  line.control.onExchange((x) => recorded.push(x));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});

describe('Webhooks contract', () => {
  beforeAll(async () => {
    const client = createWebexWebhooksClient(createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 }));
    const hook = await client.create({ name: 'CallDeck test', targetUrl: 'http://127.0.0.1:9/hook', resource: 'telephony_calls', event: 'created', secret: 'abc' });
    await client.list();
    line.webhooks.deactivate(hook.id);
    await client.reactivate(hook);
    await raw(agent, `${line.baseUrl}/webhooks/${hook.id}`, { token: line.token });
    await client.remove(hook.id);
    await client.remove(hook.id); // already gone: 404, taken as deleted
    await raw(agent, `${line.baseUrl}/webhooks`, { token: line.token, body: { name: 'x', targetUrl: 'http://127.0.0.1:9/', resource: 'telephony_calls', event: 'all' } });
  });

  it('[EVT-01] every webhooks request and response conforms to the contract', () => {
    const hooks = recorded.filter((x) => x.path.startsWith('/v1/webhooks'));
    expect(hooks.map((x) => `${x.method} ${x.status}`)).toEqual(['POST 200', 'GET 200', 'PUT 200', 'GET 200', 'DELETE 204', 'DELETE 404', 'POST 400']);
    const good = hooks.slice(0, -1);
    expect(good.flatMap((x) => checkExchange(api, x).problems)).toEqual([]);
    // The contract itself refuses `all`: the only problem of the last request is its event.
    const problems = checkExchange(api, hooks.at(-1)!).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^POST \/webhooks request: .*requestBody\/event.*enum/);
  });

  it('[EVT-02] the client creates with a published event name; the line refuses "all"', () => {
    const created = recorded.find((x) => x.method === 'POST' && x.status === 200);
    expect(JSON.parse(created?.requestBody ?? '{}')).toMatchObject({ event: 'created', resource: 'telephony_calls' });
  });
});
