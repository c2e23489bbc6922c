/**
 * A TCP gate in front of the built-in line: the client talks to the gate's fixed port, and the
 * gate can stop listening ("the server is gone": connections are refused) and listen again on the
 * same port ("and then back"), while the line behind it keeps its calls.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Gate {
  /** The line's base URL through the gate, e.g. http://127.0.0.1:PORT/v1. */
  readonly baseUrl: string;
  readonly isUp: boolean;
  /** Refuse every new connection and reset the open ones. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function openGate(targetBaseUrl: string): Promise<Gate> {
  const target = new URL(targetBaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = async (): Promise<void> => {
    const next = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  const stop = async (): Promise<void> => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get baseUrl() {
      return `http://127.0.0.1:${port}${target.pathname}`;
    },
    get isUp() {
      return server !== undefined;
    },
    down: stop,
    async up() {
      if (!server) await listen();
    },
    close: stop,
  };
}
