/**
 * XSI-Events over HTTP as the built-in line serves it (EVENTS.md §2), on each of its XSP hosts
 * (host 0 is the line's main port, host 1 a second port), plus the organisation lookup that tells
 * a client where XSI is: `GET /v1/organizations/{orgId}?callingData=true` shows the endpoints only
 * when XSI is on and only to a token with `spark:xsi`.
 */
import type { Responder } from './http-io.js';
import { parseXmlDocument, childText, escapeXml, type XmlElement } from '../providers/webex/xml-stream.js';
import { XSI_NS, type XsiAnswer, type XsiBook } from './xsi-state.js';

export const XSI_EVENTS_PATH = '/com.broadsoft.xsi-events';
export const XSI_CHANNEL_PATH = '/com.broadsoft.async/com.broadsoft.xsi-events';
export const XSI_ACTIONS_PATH = '/com.broadsoft.xsi-actions';
export const XSI_SCOPE = 'spark:xsi';

export interface XsiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  host: number;
  /** The token is valid for the API. */
  authorised: boolean;
  /** The token's scopes; undefined: the line's own token, which (like a personal access token) has them all. */
  scopes: readonly string[] | undefined;
  respond: Responder;
}

export function isXsiPath(path: string): boolean {
  return path.startsWith(`${XSI_EVENTS_PATH}/`) || path.startsWith(`${XSI_CHANNEL_PATH}/`);
}

function errorInfo(status: number, summary: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorInfo xmlns="${XSI_NS}"><summary>${escapeXml(summary)}</summary><summaryEnglish>${escapeXml(summary)}</summaryEnglish><errorCode>${status}</errorCode></ErrorInfo>`;
}

const SUMMARY: Record<number, string> = {
  400: 'The request is not valid.',
  401: 'The request requires a valid access token with the spark:xsi scope.',
  404: 'Not found.',
  405: 'Method not allowed.',
  503: 'This host does not serve that request.',
};

function send(respond: Responder, answer: XsiAnswer): void {
  if (answer.xml !== undefined) respond.raw(answer.status, 'application/xml;charset=UTF-8', answer.xml);
  else if (answer.status >= 400) respond.raw(answer.status, 'application/xml;charset=UTF-8', errorInfo(answer.status, SUMMARY[answer.status] ?? 'Failed.'));
  else respond.empty(answer.status);
}

function body(text: string, root: string): XmlElement | undefined {
  try {
    const doc = parseXmlDocument(text);
    return doc.local === root ? doc : undefined;
  } catch {
    return undefined;
  }
}

function seconds(doc: XmlElement): number | undefined {
  const text = childText(doc, 'expires');
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

const hasXsiScope = (scopes: readonly string[] | undefined) => scopes === undefined || scopes.includes(XSI_SCOPE);

/** Serves one XSI request; the caller has checked isXsiPath. */
export function runXsi(book: XsiBook, req: XsiRequest): void {
  const { method, path, host, respond } = req;
  if (!book.control.enabled()) return send(respond, { status: 404 });
  if (!req.authorised || !hasXsiScope(req.scopes)) return send(respond, { status: 401 });

  if (path === `${XSI_CHANNEL_PATH}/v2.0/channel`) {
    if (method !== 'POST') return send(respond, { status: 405 });
    const gate = book.gate(host);
    if (gate) return send(respond, gate);
    const doc = body(req.body, 'Channel');
    const channelSetId = doc && childText(doc, 'channelSetId');
    const applicationId = doc && childText(doc, 'applicationId');
    if (!doc || !channelSetId || !applicationId) return send(respond, { status: 400 });
    const expires = seconds(doc);
    let closed = false;
    const writer = respond.stream(200, 'application/xml;charset=UTF-8', () => {
      closed = true;
      book.connectionClosed(writer);
    });
    if (!closed) book.openChannel(host, { channelSetId, applicationId, ...(expires !== undefined ? { expires } : {}) }, writer);
    return;
  }
  if (!path.startsWith(`${XSI_EVENTS_PATH}/v2.0/`)) return send(respond, { status: 404 });
  const rest = path.slice(`${XSI_EVENTS_PATH}/v2.0/`.length).split('/').map(decodeURIComponent);

  if (rest.length === 2 && rest[0] === 'channel' && rest[1] === 'eventresponse') {
    if (method !== 'POST') return send(respond, { status: 405 });
    const gate = book.gate(host);
    if (gate) return send(respond, gate);
    const doc = body(req.body, 'EventResponse');
    const eventId = doc && childText(doc, 'eventID');
    if (!doc || !eventId) return send(respond, { status: 400 });
    return send(respond, book.acknowledge(host, eventId));
  }
  if (rest[0] === 'channel' && rest.length === 3 && rest[2] === 'heartbeat') {
    if (method !== 'PUT') return send(respond, { status: 405 });
    const gate = book.gate(host, rest[1]);
    return send(respond, gate ?? book.heartbeat(host, rest[1]!));
  }
  if (rest[0] === 'channel' && rest.length === 2) {
    const gate = book.gate(host, rest[1]);
    if (gate) return send(respond, gate);
    if (method === 'DELETE') return send(respond, book.deleteChannel(rest[1]!));
    if (method !== 'PUT') return send(respond, { status: 405 });
    const doc = body(req.body, 'Channel');
    if (!doc) return send(respond, { status: 400 });
    return send(respond, book.refreshChannel(rest[1]!, seconds(doc)));
  }
  if (rest[0] === 'user' && rest.length === 2) {
    if (method !== 'POST') return send(respond, { status: 405 });
    const gate = book.gate(host);
    if (gate) return send(respond, gate);
    const doc = body(req.body, 'Subscription');
    const event = doc && childText(doc, 'event');
    const channelSetId = doc && childText(doc, 'channelSetId');
    const applicationId = doc && childText(doc, 'applicationId');
    if (!doc || !event || !channelSetId || !applicationId) return send(respond, { status: 400 });
    const expires = seconds(doc);
    return send(respond, book.subscribe(rest[1]!, { event, channelSetId, applicationId, ...(expires !== undefined ? { expires } : {}) }));
  }
  if (rest[0] === 'subscription' && rest.length === 2) {
    const gate = book.gate(host);
    if (gate) return send(respond, gate);
    if (method === 'DELETE') return send(respond, book.deleteSubscription(rest[1]!));
    if (method !== 'PUT') return send(respond, { status: 405 });
    const doc = body(req.body, 'Subscription');
    if (!doc) return send(respond, { status: 400 });
    return send(respond, book.refreshSubscription(rest[1]!, seconds(doc)));
  }
  return send(respond, { status: 404 });
}

/**
 * GET /organizations/{orgId}: the user's own organisation; with callingData=true and XSI on, its
 * XSI endpoints, but only for a token with spark:xsi (without it, the org as if XSI were off).
 */
export function runOrganization(
  book: XsiBook,
  req: { orgId: string; ownOrgId: string; query: URLSearchParams; scopes: readonly string[] | undefined; hosts: readonly string[] },
): { status: number; body: unknown } {
  if (req.orgId !== req.ownOrgId) return { status: 404, body: undefined };
  const org: Record<string, unknown> = { id: req.ownOrgId, displayName: 'CallDeck Sandbox Org', created: '2024-01-15T09:00:00.000Z' };
  if (req.query.get('callingData') === 'true' && book.control.enabled() && hasXsiScope(req.scopes)) {
    const origin = `http://${req.hosts[0]}`;
    org.xsiActionsEndpoint = `${origin}${XSI_ACTIONS_PATH}`;
    org.xsiEventsEndpoint = `${origin}${XSI_EVENTS_PATH}`;
    org.xsiEventsChannelEndpoint = `${origin}${XSI_CHANNEL_PATH}`;
    org.xsiDomain = req.hosts[0];
  }
  return { status: 200, body: org };
}
