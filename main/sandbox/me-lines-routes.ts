/**
 * "Call Settings For Me" as the built-in line serves it under /v1 (contract:
 * webex-me-lines.openapi.json; the available-endpoints list is also in the Call Controls file),
 * and which line a Call Controls request acts on (lineOwnerId) and on which device (endpointId).
 * test/contract/me-lines.contract.test.ts checks every exchange.
 */
import { z } from 'zod';
import type { Line } from './line.js';
import type { AgentState, MeLines, QueueBook, SandboxEndpoint } from './me-lines-state.js';
import { RequestError, type Route, type RouteResult } from './routes.js';

const ME = '/telephony/config/people/me';

/** EndpointIdType: preferredAnswerEndpointId is required (null clears it). */
const PreferredPut = z.looseObject({ preferredAnswerEndpointId: z.string({ error: 'is required' }).min(1).nullable() });
const AgentStateSchema = z.enum(['SIGN_IN', 'SIGN_OUT', 'AVAILABLE', 'UNAVAILABLE', 'WRAP_UP']);
const QueuesPut = z.looseObject({
  agentACDState: AgentStateSchema.optional(),
  queues: z.array(z.looseObject({ id: z.string().min(1), available: z.boolean().optional() })).optional(),
});

function wireEndpoint(e: SandboxEndpoint, ownerId: string): Record<string, unknown> {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    autoAndForcedAnswerEnabled: e.autoAndForcedAnswerEnabled,
    ownerId,
    ownerType: 'PEOPLE',
    ...(e.secondaryLines.length > 0 ? { secondaryLines: e.secondaryLines.map((owner) => ({ id: owner, memberType: 'PEOPLE' })) } : {}),
    ...(e.mobileNumber !== undefined ? { mobilitySettings: { phoneNumber: e.mobileNumber, alertingEnabled: true } } : {}),
  };
}

function wireQueues(book: QueueBook): Record<string, unknown> {
  return { agentACDState: book.agentACDState, queues: book.queues.map((q) => ({ ...q })) };
}

function updatedQueues(book: QueueBook, input: z.infer<typeof QueuesPut>): QueueBook {
  const queues = book.queues.map((queue) => {
    const change = input.queues?.find((q) => q.id === queue.id);
    if (change?.available === undefined || change.available === queue.available) return queue;
    if (!queue.allowLogOffEnabled) {
      throw new RequestError(400, `Queue ${queue.extension ?? queue.id} cannot be joined or left by the agent (allowLogOffEnabled is false).`);
    }
    return { ...queue, available: change.available };
  });
  for (const change of input.queues ?? []) {
    if (!book.queues.some((q) => q.id === change.id)) throw new RequestError(400, `${change.id} is not a call queue this agent belongs to.`);
  }
  const agentACDState: AgentState = input.agentACDState ?? book.agentACDState;
  return { agentACDState, queues };
}

const NO_CONTENT: RouteResult = { status: 204 };

export function createMeLinesRoutes(meLines: MeLines): Route[] {
  const ownerQueues = (owner: string | undefined): { key: string; book: QueueBook } => {
    const key = owner ?? 'me';
    const book = meLines.queues(key);
    if (owner !== undefined && meLines.lineFor(owner) === undefined) throw new RequestError(404, `No secondary line of yours belongs to ${owner}.`);
    if (!book) throw new RequestError(404, 'The call center service is not assigned.');
    return { key, book };
  };
  const queueRoutes = (path: string, owner: (params: Record<string, string>) => string | undefined, ids: [string, string]): Route[] => [
    {
      method: 'GET',
      path,
      operationId: ids[0],
      run: ({ params }) => ({ status: 200, body: wireQueues(ownerQueues(owner(params)).book) }),
    },
    {
      method: 'PUT',
      path,
      operationId: ids[1],
      body: QueuesPut,
      run: ({ params, body }) => {
        const { key, book } = ownerQueues(owner(params));
        meLines.setQueues(key, updatedQueues(book, QueuesPut.parse(body)));
        return NO_CONTENT;
      },
    },
  ];

  return [
    {
      method: 'GET',
      path: `${ME}/endpoints`,
      operationId: 'getMyEndpointsList',
      run: () => ({ status: 200, body: { endpoints: meLines.endpoints.map((e) => wireEndpoint(e, meLines.myId)) } }),
    },
    {
      method: 'GET',
      path: `${ME}/settings/availablePreferredAnswerEndpoints`,
      operationId: 'getListAvailablePreferredAnswerEndpoints',
      run: () => ({
        status: 200,
        body: {
          endpoints: meLines.endpoints.map((e) => ({ id: e.id, type: e.deviceType, name: e.name, isPreferredAnswerEndpoint: e.id === meLines.preferred() })),
        },
      }),
    },
    {
      method: 'GET',
      path: `${ME}/settings/preferredAnswerEndpoint`,
      operationId: 'getMyPreferredAnswerEndpoint',
      run: () => {
        const chosen = meLines.endpoint(meLines.preferred() ?? '');
        // "If a preferred endpoint is not set for the person, API returns empty".
        if (!chosen) return { status: 200, body: {} };
        return { status: 200, body: { id: chosen.id, type: chosen.deviceType, name: chosen.name } };
      },
    },
    {
      method: 'PUT',
      path: `${ME}/settings/preferredAnswerEndpoint`,
      operationId: 'modifyMyPreferredAnswerEndpoint',
      body: PreferredPut,
      run: ({ body }) => {
        const wanted = PreferredPut.parse(body).preferredAnswerEndpointId;
        if (wanted !== null && !meLines.endpoint(wanted)) throw new RequestError(400, `${wanted} is not one of your endpoints.`);
        meLines.setPreferred(wanted);
        return NO_CONTENT;
      },
    },
    ...queueRoutes(`${ME}/settings/queues`, () => undefined, ['getMyCallCenterSettings', 'modifyMyCallCenterSettings']),
    ...queueRoutes(`${ME}/settings/secondaryLines/{lineownerId}/queues`, (p) => p.lineownerId, [
      'getMySecondaryLinesCallCenterSettings',
      'modifyMySecondaryLinesCallCenterSettings',
    ]),
  ];
}

/** Operations whose endpointId picks the device that alerts or answers. */
const ENDPOINT_OPERATIONS = new Set(['dial', 'answer', 'retrieve', 'pickup', 'bargein', 'pull']);

function field(body: unknown, name: string): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The line a Call Controls request acts on, after checking its lineOwnerId and endpointId as the
 * contract describes them. Throws RequestError as Webex answers.
 */
export function lineForCallRequest(meLines: MeLines, own: Line, operationId: string, body: unknown, query: URLSearchParams): Line {
  const lineOwnerId = field(body, 'lineOwnerId') ?? query.get('lineOwnerId') ?? undefined;
  let line = own;
  if (lineOwnerId !== undefined && lineOwnerId !== meLines.myId) {
    // "The ID of a user, workspace, or virtual line for which there is a secondary line on a device owned by the user".
    const secondary = meLines.lineFor(lineOwnerId);
    if (!secondary) throw new RequestError(404, `No secondary line on your devices belongs to ${lineOwnerId}.`);
    line = secondary;
  }
  const endpointId = field(body, 'endpointId');
  if (endpointId === undefined || !ENDPOINT_OPERATIONS.has(operationId)) return line;
  // "The endpointId must be one of the endpointIds returned by the Get Preferred Answer Endpoint API".
  const device = meLines.endpoint(endpointId);
  if (!device) throw new RequestError(400, `${endpointId} is not one of your endpoints.`);
  if (lineOwnerId !== undefined && line !== own && !device.secondaryLines.includes(lineOwnerId)) {
    throw new RequestError(400, `${device.name} does not carry that line.`);
  }
  if (operationId === 'answer') {
    // "The answer API is rejected if the device is not alerting for the call or the device does not support answer via API."
    if (!device.autoAndForcedAnswerEnabled) throw new RequestError(400, `${device.name} does not support answer via API.`);
    const callId = field(body, 'callId');
    const alerting = callId === undefined ? undefined : meLines.alertingOn(callId);
    if (alerting !== undefined && alerting !== endpointId) throw new RequestError(400, `${device.name} is not alerting for this call.`);
  }
  return line;
}

/** After a request that placed a Click to Dial call on a device: remember which device alerts. */
export function noteCallPlaced(meLines: MeLines, line: Line, operationId: string, body: unknown, result: RouteResult): void {
  const endpointId = field(body, 'endpointId');
  if (endpointId === undefined || !ENDPOINT_OPERATIONS.has(operationId) || operationId === 'answer') return;
  const callId = field(result.body, 'callId');
  if (callId === undefined) return;
  const call = line.state().calls.find((c) => c.id === callId);
  if (call?.personality === 'clickToDial') meLines.noteAlerting(callId, endpointId);
}
