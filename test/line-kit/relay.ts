/**
 * A stand-in for the user's relay or tunnel: a public address (here on loopback) that forwards
 * each webhook delivery to CallDeck's local receiver, byte for byte. Tests stop and restart it,
 * or make it misbehave the way real relays do: re-serialise the JSON (which breaks the signature)
 * or send each delivery twice.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RelayMode = 'faithful' | 'reserialise' | 'replay';

export interface Relay {
  /** The public address to give CallDeck (CALLDECK_WEBHOOK_URL). */
  readonly url: string;
  /** The receiver's port it forwards to (CALLDECK_WEBHOOK_PORT). */
  readonly targetPort: number;
  setMode(mode: RelayMode): void;
  /** How many deliveries it forwarded, and the receiver's answers. */
  readonly answers: number[];
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/** A port free right now on 127.0.0.1 (for the receiver the relay forwards to). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startRelay(opts: { targetPort: number; path?: string }): Promise<Relay> {
  const path = opts.path ?? '/relay/calldeck';
  let mode: RelayMode = 'faithful';
  const answers: number[] = [];
  let server: Server | undefined;
  let port = 0;

  function forward(body: Buffer, signature: string | undefined): Promise<number> {
    return new Promise((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: opts.targetPort, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, ...(signature ? { 'x-spark-signature': signature } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 502));
        },
      );
      req.on('error', () => resolve(502));
      req.end(body);
    });
  }

  async function listen(): Promise<void> {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          let body = Buffer.concat(chunks);
          if (mode === 'reserialise') body = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1));
          const signature = req.headers['x-spark-signature'] as string | undefined;
          const status = await forward(body, signature);
          answers.push(status);
          if (mode === 'replay') answers.push(await forward(body, signature));
          res.writeHead(status).end();
        })();
      });
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}${path}`;
    },
    targetPort: opts.targetPort,
    setMode: (next) => (mode = next),
    answers,
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) {
        await new Promise<void>((resolve) => {
          closing.close(() => resolve());
          closing.closeAllConnections();
        });
      }
    },
    async start() {
      if (!server) await listen();
    },
  };
}
