/**
 * Sees every request the built-in line receives, at the moment Node has parsed its headers,
 * without touching the line's code: Node publishes that moment on the `http.server.request.start`
 * diagnostics channel. "Until the line receives the request" is measured to here.
 *
 * It also keeps the ledger behind the API-cost figures: requests per path, and how often two list
 * requests of one kind (`GET /telephony/calls`, `GET /meetingParticipants`) were in flight at
 * once on one line (the call sync and the roster sync both promise never).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { now } from './clock.js';

export interface Arrival {
  method: string;
  /** Path and query as sent, e.g. /v1/telephony/calls/answer. */
  path: string;
  /** Epoch ms (clock.ts) when the headers were parsed. */
  at: number;
}

interface ServerMessage {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

/** Totals across every line the bench opens. */
export interface Ledger {
  listRequests: number;
  /** Times a list request arrived while another of its kind was still being answered on the same line. */
  listOverlaps: number;
  /** The same, per path. */
  byPath: Record<string, { requests: number; overlaps: number }>;
}

export const ledger: Ledger = { listRequests: 0, listOverlaps: 0, byPath: {} };

export interface LineTap {
  /** Resolves with the next request matching `accept`; call it before sending. */
  next(accept: (arrival: Arrival) => boolean): Promise<Arrival>;
  /** Webex API requests (under /v1) seen so far. */
  count(filter?: (arrival: Arrival) => boolean): number;
  close(): void;
}

const LIST_PATH = '/v1/telephony/calls';
/** Reads that must never overlap their own kind. */
const LIST_PATHS = new Set([LIST_PATH, '/v1/meetingParticipants']);

/** A calls list poll. */
export function isListRequest(arrival: Arrival): boolean {
  return arrival.method === 'GET' && arrival.path.split('?')[0] === LIST_PATH;
}

export function tapLine(baseUrl: string): LineTap {
  const port = Number(new URL(baseUrl).port);
  const waiting = new Set<{ accept: (a: Arrival) => boolean; resolve: (a: Arrival) => void }>();
  const seen: Arrival[] = [];
  const inFlight = new Map<string, number>();

  const onStart = (message: unknown) => {
    const at = now();
    const { request, response, server } = message as ServerMessage;
    if ((server.address() as AddressInfo | null)?.port !== port) return;
    const arrival: Arrival = { method: request.method ?? 'GET', path: request.url ?? '/', at };
    if (!arrival.path.startsWith('/v1/')) return;
    seen.push(arrival);
    const path = arrival.path.split('?')[0] ?? '';
    if (arrival.method === 'GET' && LIST_PATHS.has(path)) {
      const kind = (ledger.byPath[path] ??= { requests: 0, overlaps: 0 });
      const busy = inFlight.get(path) ?? 0;
      ledger.listRequests += 1;
      kind.requests += 1;
      if (busy > 0) {
        ledger.listOverlaps += 1;
        kind.overlaps += 1;
      }
      inFlight.set(path, busy + 1);
      response.once('close', () => inFlight.set(path, (inFlight.get(path) ?? 1) - 1));
    }
    for (const waiter of waiting) {
      if (!waiter.accept(arrival)) continue;
      waiting.delete(waiter);
      waiter.resolve(arrival);
    }
  };
  subscribe('http.server.request.start', onStart);

  return {
    next(accept) {
      return new Promise((resolve) => waiting.add({ accept, resolve }));
    },
    count(filter) {
      return filter ? seen.filter(filter).length : seen.length;
    },
    close() {
      unsubscribe('http.server.request.start', onStart);
    },
  };
}
