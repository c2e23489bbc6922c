/**
 * Reading requests and writing Webex-shaped responses. Every response the sandbox sends goes
 * through one Responder, so the TrackingID header and the exchange recording cannot be forgotten.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('Request body is too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What a test sees of one request/response pair (see SandboxControl.onExchange). */
export interface SandboxExchange {
  method: string;
  /** Path without the query string, e.g. /v1/telephony/calls/dial. */
  path: string;
  query: Record<string, string>;
  /** Request headers; the bearer token itself is replaced by "[redacted]". */
  requestHeaders: Record<string, string>;
  requestBody: string;
  /** Undefined when the connection was dropped by an injected fault. */
  status?: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  fault?: string;
}

export interface Responder {
  readonly trackingId: string;
  json(status: number, body: unknown, headers?: Record<string, string>): void;
  empty(status: number, headers?: Record<string, string>): void;
  /**
   * A Webex error body: `{ message, errors: [{ description, errorCode }], trackingId }`; one error
   * per description, or the message repeated as the only description (as Webex mostly does).
   */
  error(status: number, message: string, opts?: { headers?: Record<string, string>; descriptions?: string[] }): void;
  raw(status: number, contentType: string, text: string): void;
  /** Announces more body than it sends, sends `text`, then resets the connection. */
  cutOff(status: number, contentType: string, text: string): void;
  /** A chunked body of `bytes` bytes of `chunk` repeated, with no Content-Length to warn the reader. */
  flood(status: number, contentType: string, chunk: string, bytes: number): void;
  drop(): void;
  /**
   * A response that stays open (XSI-Events' channel): headers now, then text as it is written.
   * `onClose` runs once when the connection ends, whichever side ends it.
   */
  stream(status: number, contentType: string, onClose: () => void): { write(text: string): void; end(): void; destroy(): void };
}

export function trackingIdFor(req: IncomingMessage): string {
  const given = req.headers['trackingid'];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && value.trim() !== '' ? value.trim() : `SANDBOX_${randomUUID()}`;
}

export function createResponder(
  res: ServerResponse,
  trackingId: string,
  onDone: (outcome: { status?: number; headers: Record<string, string>; body: string }) => void,
): Responder {
  let done = false;
  function send(status: number, headers: Record<string, string>, body: string): void {
    if (done) return;
    done = true;
    const all: Record<string, string> = { TrackingID: trackingId, ...headers };
    if (body !== '') all['Content-Length'] = String(Buffer.byteLength(body));
    res.writeHead(status, all);
    res.end(body);
    onDone({ status, headers: all, body });
  }
  return {
    trackingId,
    json(status, body, headers = {}) {
      send(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers }, JSON.stringify(body));
    },
    empty(status, headers = {}) {
      send(status, headers, '');
    },
    error(status, message, opts = {}) {
      const descriptions = opts.descriptions && opts.descriptions.length > 0 ? opts.descriptions : [message];
      const body = { message, errors: descriptions.map((description) => ({ description, errorCode: status })), trackingId };
      send(status, { 'Content-Type': 'application/json;charset=UTF-8', ...opts.headers }, JSON.stringify(body));
    },
    raw(status, contentType, text) {
      send(status, { 'Content-Type': contentType }, text);
    },
    cutOff(status, contentType, text) {
      if (done) return;
      done = true;
      const headers = { TrackingID: trackingId, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text) * 2 + 1) };
      res.writeHead(status, headers);
      // Destroyed only once the partial body is on the wire, so the reader sees headers, then a reset.
      res.write(text, () => res.socket?.destroy());
      onDone({ status, headers, body: text });
    },
    flood(status, contentType, chunk, bytes) {
      if (done) return;
      done = true;
      const headers = { TrackingID: trackingId, 'Content-Type': contentType };
      res.writeHead(status, headers);
      let sent = 0;
      const pump = (): void => {
        while (sent < bytes && !res.destroyed) {
          sent += Buffer.byteLength(chunk);
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      // A reader that hangs up half way must not leave a writer waiting for 'drain' forever.
      res.once('close', () => res.off('drain', pump));
      pump();
      onDone({ status, headers, body: `[${bytes} bytes]` });
    },
    stream(status, contentType, onClose) {
      if (done) throw new Error('stream: the response was already sent');
      done = true;
      const headers = { TrackingID: trackingId, 'Content-Type': contentType };
      res.writeHead(status, headers);
      res.flushHeaders();
      res.once('close', onClose);
      onDone({ status, headers, body: '[stream]' });
      return {
        write: (text) => {
          if (!res.destroyed && !res.writableEnded) res.write(text);
        },
        end: () => {
          if (!res.destroyed && !res.writableEnded) res.end();
        },
        destroy: () => {
          // After what was written has left, so the reader sees a partial document, then the cut.
          if (res.destroyed) return;
          res.write('', () => res.socket?.destroy());
        },
      };
    },
    drop() {
      if (done) return;
      done = true;
      res.socket?.destroy();
      onDone({ headers: {}, body: '' });
    },
  };
}

/** Keeps the scheme ("Bearer") so tests can check the header's form, never the credentials. */
function redactCredentials(value: string): string {
  const scheme = /^(\S+)\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme} [redacted]` : '[redacted]';
}

export function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' ? redactCredentials(text) : text;
  }
  return out;
}
