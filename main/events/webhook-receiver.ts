/**
 * The local end of the user's relay: an HTTP server on 127.0.0.1 only that takes Webex's webhook
 * deliveries at one path. It checks the signature before it parses anything, and refuses (4xx,
 * nothing changed) an unsigned or wrongly signed delivery, an oversized body, a body that is not
 * JSON, and a replay of a delivery it has already taken. A good delivery is answered 200 at once;
 * the signal follows, so Webex never waits on CallDeck's refresh.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../core/app-error.js';
import type { Logger } from '../core/ports.js';
import type { PushSignal } from './push-source.js';
import { signedBy } from './signature.js';

/** Webex's deliveries are a few KB; anything far larger is not one. */
export const MAX_DELIVERY_BYTES = 64 * 1024;
/** How many deliveries are remembered to refuse replays (a few hours of a busy line). */
export const REPLAY_MEMORY = 5_000;

export interface Delivery {
  /** The webhook whose secret signed it. */
  webhookId: string;
  signal: PushSignal | undefined;
}

export interface ReceiverOptions {
  /** 0: any free port (demo mode, tests). */
  port: number;
  /** The path deliveries arrive at, e.g. /calldeck/hooks. */
  path: string;
  /** The current webhooks' secrets by webhook id; read per delivery. */
  secrets: () => ReadonlyMap<string, string>;
  onDelivery: (delivery: Delivery) => void;
  log: Logger;
}

export interface WebhookReceiver {
  readonly port: number;
  close(): Promise<void>;
}

const TOPICS: Record<string, PushSignal['topic']> = {
  telephony_calls: 'calls',
  telephony_mwi: 'voicemail',
  meetingParticipants: 'roster',
};

/** Reads what a signal may carry; nothing else in the event is trusted or used. */
export function toSignal(envelope: unknown): PushSignal | undefined {
  if (envelope === null || typeof envelope !== 'object') return undefined;
  const { resource, data } = envelope as { resource?: unknown; data?: unknown };
  const topic = typeof resource === 'string' ? TOPICS[resource] : undefined;
  if (topic === undefined) return undefined;
  const fields = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const id = topic === 'calls' ? fields.callId : topic === 'roster' ? fields.meetingId : undefined;
  const time = typeof fields.eventTimestamp === 'string' ? Date.parse(fields.eventTimestamp) : Number.NaN;
  return {
    topic,
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    ...(Number.isFinite(time) ? { eventTime: time } : {}),
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(message);
}

export async function startWebhookReceiver(opts: ReceiverOptions): Promise<WebhookReceiver> {
  const seen = new Set<string>();

  function remember(key: string): boolean {
    if (seen.has(key)) return false;
    seen.add(key);
    if (seen.size > REPLAY_MEMORY) seen.delete(seen.values().next().value as string);
    return true;
  }

  async function readCapped(req: IncomingMessage): Promise<Buffer | undefined> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_DELIVERY_BYTES) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_DELIVERY_BYTES) return undefined;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== opts.path) return refuse(res, 404, 'Not a CallDeck webhook address.');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return refuse(res, 405, 'Deliveries are POSTed.');
    }
    const body = await readCapped(req);
    if (body === undefined) {
      refuse(res, 413, 'Delivery too large.');
      req.destroy();
      return;
    }
    const header = req.headers['x-spark-signature'];
    if (header === undefined) return refuse(res, 401, 'Unsigned delivery.');
    const webhookId = signedBy(body, Array.isArray(header) ? header[0] : header, opts.secrets());
    if (webhookId === undefined) {
      opts.log.warn('events: refused a webhook delivery with a wrong signature');
      return refuse(res, 403, 'Wrong signature.');
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(res, 400, 'Delivery is not JSON.');
    }
    if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) return refuse(res, 400, 'Delivery is not a JSON object.');
    // A replay is the same signed bytes again (same webhook id, same event, same timestamp).
    if (!remember(createHash('sha256').update(body).digest('base64'))) return refuse(res, 409, 'Delivery already received.');
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('OK');
    const signal = toSignal(envelope);
    setImmediate(() => opts.onDelivery({ webhookId, signal }));
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      opts.log.warn('events: webhook delivery failed to read', { error: String(error) });
      if (!res.headersSent) refuse(res, 400, 'Could not read the delivery.');
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new AppError(
          error.code === 'EADDRINUSE' ? 'conflict' : 'internal',
          error.code === 'EADDRINUSE' ? `Local port ${opts.port} is in use by another program.` : `The webhook receiver could not start (${error.code ?? error.message}).`,
        ),
      );
    });
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
