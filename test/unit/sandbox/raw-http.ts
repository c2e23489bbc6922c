/**
 * Plain undici requests to a sandbox, bypassing CallDeck's client, so the sandbox's own behaviour
 * (status codes, headers, error bodies) is tested independently of the code that consumes it.
 */
import { Agent, request } from 'undici';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export function testAgent(): Agent {
  return new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
}

export async function raw(
  agent: Agent,
  url: string,
  init: { method?: string; token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await request(url, {
    method: (init.method ?? (body === undefined ? 'GET' : 'POST')) as 'GET',
    headers,
    ...(body !== undefined ? { body } : {}),
    dispatcher: agent,
  });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}
