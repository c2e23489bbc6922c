/**
 * The Webhooks API as the built-in line serves it under /v1 (webex-webhooks.openapi.json):
 * list, create, details, update and delete. test/contract checks every exchange against the
 * contract. The line refuses what the contract does not list (event `all`), refuses a PUT that
 * tries to deactivate ("You cannot use this call to deactivate a webhook"), and ignores on PUT
 * every field but name, targetUrl, secret and status.
 */
import { z } from 'zod';
import { RequestError, type RouteResult } from './routes.js';
import { ORG_OWNABLE, WEBHOOK_EVENTS, WEBHOOK_RESOURCES, type SandboxWebhook, type WebhooksBook } from './webhooks-state.js';

const Required = z.string({ error: 'is required' }).min(1, 'is required');
const TargetUrl = Required.refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL');

const CreateBody = z
  .looseObject({
    name: Required,
    targetUrl: TargetUrl,
    resource: z.enum(WEBHOOK_RESOURCES, { error: 'is not a webhook resource' }),
    event: z.enum(WEBHOOK_EVENTS, { error: 'is not a webhook event' }),
    filter: z.string().optional(),
    secret: z.string().min(1).optional(),
    ownedBy: z.literal('org').optional(),
  })
  .refine((b) => b.ownedBy === undefined || ORG_OWNABLE.has(b.resource), { message: 'ownedBy org is not supported for this resource', path: ['ownedBy'] });

const UpdateBody = z.looseObject({
  name: Required,
  targetUrl: TargetUrl,
  secret: z.string().min(1).optional(),
  status: z.literal('active', { error: 'can only be active: a webhook cannot be deactivated this way' }).optional(),
});

/**
 * "Creating a webhook requires 'read' scope on the resource the webhook is for": the read scopes
 * the contracts name (EVENTS.md for calls, List Meeting Participants' description for the roster).
 */
const READ_SCOPE: Partial<Record<string, string>> = {
  telephony_calls: 'spark:calls_read',
  meetingParticipants: 'meeting:participants_read',
};

function wire(hook: SandboxWebhook) {
  return { ...hook };
}

export interface WebhookRouteRequest {
  method: string;
  /** Path after /v1. */
  path: string;
  query: URLSearchParams;
  body: () => unknown;
  book: WebhooksBook;
  /** The token's scopes, when the line knows them (tokens it issued through sign-in). */
  scopes?: readonly string[] | undefined;
}

/** Undefined when the path is not a webhooks path. */
export function runWebhookRoute(req: WebhookRouteRequest): RouteResult | undefined {
  const { method, path, query, book } = req;
  if (path === '/webhooks') {
    if (method === 'GET') {
      const max = query.get('max');
      if (max !== null && !/^[1-9]\d*$/.test(max)) throw new RequestError(400, 'max must be a positive integer.');
      const ownedBy = query.get('ownedBy');
      if (ownedBy !== null && ownedBy !== 'org') throw new RequestError(400, 'ownedBy may only be org.');
      const items = book.hooks().filter((h) => (ownedBy === 'org' ? h.ownedBy === 'org' : true));
      return { status: 200, body: { items: items.slice(0, max === null ? 100 : Number(max)).map(wire) } };
    }
    if (method === 'POST') {
      const body = CreateBody.parse(req.body());
      const needs = READ_SCOPE[body.resource];
      if (needs !== undefined && req.scopes !== undefined && !req.scopes.includes(needs)) {
        throw new RequestError(403, `Creating a ${body.resource} webhook needs the ${needs} scope.`);
      }
      const hook = book.create({
        name: body.name,
        targetUrl: body.targetUrl,
        resource: body.resource,
        event: body.event,
        ...(body.filter !== undefined ? { filter: body.filter } : {}),
        ...(body.secret !== undefined ? { secret: body.secret } : {}),
        ownedBy: body.ownedBy ?? 'creator',
      });
      return { status: 200, body: wire(hook) };
    }
    return { status: 405, headers: { Allow: 'GET, POST' } };
  }
  const match = /^\/webhooks\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const id = decodeURIComponent(match[1]!);
  if (method === 'GET') return { status: 200, body: wire(book.find(id)) };
  if (method === 'PUT') {
    const body = UpdateBody.parse(req.body());
    return {
      status: 200,
      body: wire(book.update(id, { name: body.name, targetUrl: body.targetUrl, ...(body.secret !== undefined ? { secret: body.secret } : {}), ...(body.status ? { status: body.status } : {}) })),
    };
  }
  if (method === 'DELETE') {
    book.remove(id);
    return { status: 204 };
  }
  return { status: 405, headers: { Allow: 'GET, PUT, DELETE' } };
}
