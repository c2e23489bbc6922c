/**
 * The one way main talks HTTP to a provider. Every provider client sits on top of it.
 *
 * - One long-lived undici Agent with tight timeouts (undici's defaults are 300 s; a phone app must
 *   notice a dead network in seconds), plus a per-request deadline combined with the caller's signal.
 * - Always drains the response body, so keep-alive sockets go back to the pool.
 * - Failures become AppError with the provider's message, details and trackingId (http-errors.ts).
 * - Only GET is retried, and only on network errors and 502/503/504: a retried POST /dial is a
 *   second phone call. 429 is not retried here either; the caller's poll loop owns that backoff.
 * - The token comes from an async callback per request, so a refreshed token is used at once. It
 *   is never logged.
 * - At most MAX_RESPONSE_BYTES of a response is read: a misbehaving proxy or server must not be
 *   able to fill main's memory. A 2xx that is not JSON (a captive portal's HTML page) is a
 *   `provider` error that says what arrived instead.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import { AppError } from '../core/app-error.js';
import type { Logger } from '../core/ports.js';
import { exchangeSignal } from './exchange-signal.js';
import { statusError, transportError } from './http-errors.js';

export const CONNECT_TIMEOUT_MS = 5_000;
export const HEADERS_TIMEOUT_MS = 10_000;
export const BODY_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
export const MAX_GET_RETRIES = 2;
/** Far above any Webex page (call lists, 100-person directory pages); far below trouble. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const RETRY_STATUSES = new Set([502, 503, 504]);

let shared: Agent | undefined;

/** The process-wide Agent; created on first use. */
export function sharedAgent(): Agent {
  shared ??= new Agent({
    connect: { timeout: CONNECT_TIMEOUT_MS },
    headersTimeout: HEADERS_TIMEOUT_MS,
    bodyTimeout: BODY_TIMEOUT_MS,
  });
  return shared;
}

/** For app shutdown: lets in-flight requests finish, then closes the pooled sockets. */
export async function closeSharedAgent(): Promise<void> {
  const agent = shared;
  shared = undefined;
  await agent?.close();
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to baseUrl, starting with "/", e.g. "/telephony/calls". */
  path: string;
  query?: Record<string, string | undefined>;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Sent form-encoded instead (OAuth token endpoints take no JSON). */
  form?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Lets the caller say what a non-2xx answer means when the generic reading is not enough
   * (e.g. an OAuth 400 is a refused grant). Gets the status, the raw body and the generic error.
   */
  describeFailure?: (failure: { status: number; bodyText: string; error: AppError }) => AppError;
}

export interface HttpResponse {
  status: number;
  /** The parsed JSON body; undefined when the response had no body (e.g. 204). */
  body: unknown;
  trackingId: string | undefined;
  /** The RFC 5988 `Link` header, when the provider pages a list (`rel="next"`). */
  link?: string;
}

export interface HttpClient {
  /**
   * Resolves with any 2xx response; rejects with AppError for everything else, or with the
   * caller's abort reason when the caller's signal aborted.
   */
  request(req: HttpRequest): Promise<HttpResponse>;
  /**
   * Stops this client: in-flight requests fail as `network`, later ones are refused. The shared
   * Agent (or a dispatcher passed in) stays open; closeSharedAgent() is for app shutdown.
   */
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** e.g. https://webexapis.com/v1 */
  baseUrl: string;
  /** The bearer token per request; absent for endpoints that authenticate otherwise (OAuth's). */
  getToken?: () => Promise<string>;
  /** Defaults to sharedAgent(); tests pass their own. */
  dispatcher?: Dispatcher;
  /** Deadline per attempt, default 15 s. */
  timeoutMs?: number;
  /** First GET retry waits this long, the second twice as long; default 250 ms. */
  retryBackoffMs?: number;
  /** At most 2, the default. */
  maxGetRetries?: number;
  /** Name used in messages, e.g. "Webex"; default: the base URL's host. */
  service?: string;
  /** Reads Retry-After HTTP-dates; default Date.now. */
  now?: () => number;
  /** Failures are logged with method, path, code, status and trackingId; never headers or tokens. */
  log?: Logger;
}

function buildUrl(baseUrl: string, path: string, query: HttpRequest['query']): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const JSON_TYPE = /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i;

function tooLarge(service: string): AppError {
  return new AppError('provider', `${service} sent a response larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB; CallDeck stopped reading it.`);
}

/**
 * The body as text, refusing past MAX_RESPONSE_BYTES; `drop` stops the transfer so the rest is never
 * read. Shared with VideoSDK's fetch, whose SDK would otherwise read any body whole.
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, contentLength: string | null | undefined, service: string, drop: () => void): Promise<string> {
  if (contentLength !== undefined && contentLength !== null && Number(contentLength) > MAX_RESPONSE_BYTES) {
    drop();
    throw tooLarge(service);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      drop();
      throw tooLarge(service);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A 2xx body as JSON: a non-JSON content type (a captive portal's HTML page) or unreadable JSON is a
 * `provider` error that says what arrived. Empty text is no body.
 */
export function readJsonBody(text: string, contentType: string | null | undefined, service: string, meta: { status: number; trackingId?: string | undefined }): unknown {
  if (text.trim() === '') return undefined;
  const extra = { status: meta.status, ...(meta.trackingId !== undefined ? { trackingId: meta.trackingId } : {}) };
  if (contentType !== undefined && contentType !== null && !JSON_TYPE.test(contentType)) {
    const type = contentType.split(';')[0]?.trim() || contentType;
    throw new AppError('provider', `${service} answered with ${type} instead of JSON; a proxy or network sign-in page may be in the way.`, extra);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('provider', `${service} sent a response that is not valid JSON.`, extra);
  }
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const backoffMs = opts.retryBackoffMs ?? 250;
  const maxRetries = Math.min(MAX_GET_RETRIES, Math.max(0, opts.maxGetRetries ?? MAX_GET_RETRIES));
  const service = opts.service ?? new URL(opts.baseUrl).host;
  const now = opts.now ?? Date.now;
  const closing = new AbortController();
  const closedError = () => new AppError('network', `The connection to ${service} was closed.`);

  async function once(req: HttpRequest, trackingId: string): Promise<HttpResponse> {
    if (closing.signal.aborted) throw closedError();
    const token = opts.getToken ? await opts.getToken() : undefined;
    const exchange = exchangeSignal(timeoutMs, [req.signal, closing.signal]);
    const headers: Record<string, string> = {
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      TrackingID: trackingId,
      accept: 'application/json',
    };
    let payload: string | undefined;
    if (req.form !== undefined) {
      payload = new URLSearchParams(req.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (req.body !== undefined) {
      payload = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    const failed = (error: unknown) =>
      closing.signal.aborted && !req.signal?.aborted
        ? closedError()
        : transportError(error, { callerSignal: req.signal, timedOut: exchange.timedOut, timeoutMs, service });

    let status: number;
    let responseHeaders: Record<string, string | string[] | undefined>;
    let text: string;
    try {
      const res = await request(buildUrl(opts.baseUrl, req.path, req.query), {
        method: req.method,
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
        dispatcher: opts.dispatcher ?? sharedAgent(),
        signal: exchange.signal,
      });
      status = res.statusCode;
      responseHeaders = res.headers;
      // Read every body, error or not: an unread body pins the socket.
      text = await readCapped(res.body, header(res.headers, 'content-length'), service, () => res.body.destroy());
    } catch (error) {
      throw failed(error);
    } finally {
      exchange.done();
    }

    const responseTrackingId = header(responseHeaders, 'trackingid');
    if (status < 200 || status >= 300) {
      const error = statusError({
        status,
        bodyText: text,
        headerTrackingId: responseTrackingId,
        retryAfterHeader: header(responseHeaders, 'retry-after'),
        now: now(),
        service,
      });
      throw req.describeFailure ? req.describeFailure({ status, bodyText: text, error }) : error;
    }
    const body = readJsonBody(text, header(responseHeaders, 'content-type'), service, { status, trackingId: responseTrackingId });
    const link = header(responseHeaders, 'link');
    return { status, body, trackingId: responseTrackingId, ...(link !== undefined ? { link } : {}) };
  }

  function retriable(error: unknown): boolean {
    if (!(error instanceof AppError)) return false;
    return error.code === 'network' || (error.status !== undefined && RETRY_STATUSES.has(error.status));
  }

  return {
    async request(req) {
      // One id for all attempts of this request, so support can follow a retried GET.
      const trackingId = `CALLDECK_${randomUUID()}`;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await once(req, trackingId);
        } catch (error) {
          const again = req.method === 'GET' && attempt < maxRetries && retriable(error);
          if (error instanceof AppError) {
            opts.log?.warn(again ? 'http request failed, retrying' : 'http request failed', {
              method: req.method,
              path: req.path,
              code: error.code,
              status: error.status,
              trackingId: error.trackingId ?? trackingId,
            });
          }
          if (!again || closing.signal.aborted) throw error;
          try {
            const signal = req.signal ? AbortSignal.any([req.signal, closing.signal]) : closing.signal;
            await sleep(backoffMs * 2 ** attempt, undefined, { signal });
          } catch {
            throw req.signal?.aborted ? req.signal.reason : closedError();
          }
        }
      }
    },
    async close() {
      closing.abort();
    },
  };
}
