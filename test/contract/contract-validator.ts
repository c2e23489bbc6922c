/**
 * Checks recorded HTTP exchanges against Cisco's official OpenAPI contracts (verbatim copies in
 * specs/; Call Controls unless another is named), with openapi-backend. The contract describes error responses (400–504) by text only,
 * so before validating, every error response in an in-memory copy gets the documented Webex
 * error body: `{ message, errors: [{ description, errorCode? }], trackingId }`.
 */
import { readFileSync } from 'node:fs';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { SandboxExchange } from '../../main/sandbox/index.js';

export const SPEC_PATH = new URL('./specs/webex-call-controls.openapi.json', import.meta.url);
export const PEOPLE_SPEC_PATH = new URL('./specs/webex-people.openapi.json', import.meta.url);
export const ME_LINES_SPEC_PATH = new URL('./specs/webex-me-lines.openapi.json', import.meta.url);
const API_PREFIX = '/v1';

export const WEBEX_ERROR_BODY = {
  type: 'object',
  required: ['message', 'errors', 'trackingId'],
  properties: {
    message: { type: 'string', minLength: 1 },
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['description'],
        properties: { description: { type: 'string', minLength: 1 }, errorCode: { type: 'number' } },
      },
    },
    trackingId: { type: 'string', minLength: 1 },
  },
} as const;

type Json = Record<string, unknown>;

export function loadContract(spec: URL = SPEC_PATH): Json {
  return JSON.parse(readFileSync(spec, 'utf8')) as Json;
}

/**
 * OpenAPI 3.0 ignores the siblings of a `$ref` (here a `description` next to one); the validator
 * inside openapi-backend refuses the document for them, so drop them, as 3.0 says readers must.
 */
function dropRefSiblings(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropRefSiblings(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Json;
  if (typeof record.$ref === 'string') {
    for (const key of Object.keys(record)) if (key !== '$ref') delete record[key];
    return;
  }
  for (const value of Object.values(record)) dropRefSiblings(value);
}

/** The contract as openapi-backend can load it, with the Webex error body on every 4xx/5xx response. */
export function withErrorBodies(spec: Json): Json {
  const copy = structuredClone(spec);
  dropRefSiblings(copy);
  for (const item of Object.values(copy.paths as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      const responses = (operation as { responses?: Record<string, Json> }).responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) response.content = { 'application/json': { schema: WEBEX_ERROR_BODY } };
      }
    }
  }
  return copy;
}

export async function createContractApi(spec: URL = SPEC_PATH): Promise<OpenAPIBackend> {
  // strict: a document openapi-backend cannot load must fail the test, not leave it with no operations.
  const api = new OpenAPIBackend({ definition: withErrorBodies(loadContract(spec)) as unknown as Document, validate: true, strict: true, quick: true });
  await api.init();
  return api;
}

export interface ExchangeCheck {
  operationId: string | undefined;
  status: number | undefined;
  problems: string[];
}

function jsonOrUndefined(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function ajvErrors(errors: unknown): string {
  return JSON.stringify(errors);
}

/** Every way one exchange can break the contract, as readable lines (empty when it conforms). */
export function checkExchange(api: OpenAPIBackend, x: SandboxExchange): ExchangeCheck {
  const problems: string[] = [];
  if (!x.path.startsWith(`${API_PREFIX}/`)) {
    return { operationId: undefined, status: x.status, problems: [`${x.method} ${x.path}: not under ${API_PREFIX}`] };
  }
  const path = x.path.slice(API_PREFIX.length);
  const requestBody = jsonOrUndefined(x.requestBody);
  if (!requestBody.ok) problems.push('request body is not JSON');
  const request = {
    method: x.method,
    path,
    headers: x.requestHeaders,
    query: x.query,
    ...(requestBody.ok && requestBody.value !== undefined ? { body: requestBody.value as object } : {}),
  };
  const operation: Operation | undefined = api.matchOperation(request);
  const label = `${x.method} ${path}`;
  if (!operation?.operationId) return { operationId: undefined, status: x.status, problems: [`${label}: no operation in the contract`] };
  const { operationId } = operation;

  // What the client sent.
  const reqResult = api.validateRequest(request, operation);
  if (!reqResult.valid) problems.push(`${label} request: ${ajvErrors(reqResult.errors)}`);
  if (!/^Bearer \S+$/.test(x.requestHeaders.authorization ?? '')) problems.push(`${label}: no bearer Authorization header`);
  if (x.method !== 'GET' && requestBody.ok && requestBody.value !== undefined && !/^application\/json/.test(x.requestHeaders['content-type'] ?? '')) {
    problems.push(`${label}: JSON body without Content-Type application/json`);
  }

  // What the line answered.
  if (x.status === undefined) return { operationId, status: undefined, problems };
  const documented = operation.responses ?? {};
  const response = documented[String(x.status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
  if (!response) {
    problems.push(`${label}: status ${x.status} is not documented (documented: ${Object.keys(documented).join(', ')})`);
    return { operationId, status: x.status, problems };
  }
  const responseBody = jsonOrUndefined(x.responseBody);
  // Some contracts key the body by a parameterised type, e.g. "application/json;charset=UTF-8".
  const jsonType = Object.keys(response.content ?? {}).find((type) => /^application\/json\b/.test(type));
  const schema = jsonType === undefined ? undefined : response.content?.[jsonType]?.schema;
  if (schema === undefined) {
    if (x.responseBody !== '') problems.push(`${label} ${x.status}: the contract has no body here, got ${x.responseBody.slice(0, 80)}`);
  } else if (!responseBody.ok || responseBody.value === undefined) {
    problems.push(`${label} ${x.status}: expected a JSON body`);
  } else {
    const resResult = api.validateResponse(responseBody.value, operation, x.status);
    if (!resResult.valid) problems.push(`${label} ${x.status} response: ${ajvErrors(resResult.errors)}`);
    if (!/^application\/json/.test(x.responseHeaders['Content-Type'] ?? '')) problems.push(`${label}: JSON body without a JSON content type`);
  }
  if (!x.responseHeaders.TrackingID) problems.push(`${label}: no TrackingID response header`);
  return { operationId, status: x.status, problems };
}
