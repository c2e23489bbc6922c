import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import { startLoopbackListener, type LoopbackListener } from '../../../main/auth/loopback-listener.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { browse } from './account-world.js';

const clock = new FakeClock();
let listener: LoopbackListener | undefined;
afterEach(() => listener?.cancel());

const start = (state = 'the-state', timeoutMs = 180_000) =>
  startLoopbackListener({ redirectUri: 'http://localhost:6001/oauth/callback', port: 0, state, timeoutMs, clock }).then((l) => (listener = l));

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the loopback listener', () => {
  it('keeps the configured host and path and reports the port it bound', async () => {
    const l = await start();
    expect(l.redirectUri).toMatch(/^http:\/\/localhost:\d+\/oauth\/callback$/);
    expect(new URL(l.redirectUri).port).not.toBe('6001');
  });

  it('answers other paths with 404 without using up its one callback', async () => {
    const l = await start();
    const port = new URL(l.redirectUri).port;
    expect((await browse(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);
    const page = await browse(`http://127.0.0.1:${port}/oauth/callback?code=abc&state=the-state`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('You can close this tab');
    await expect(l.result).resolves.toEqual({ code: 'abc' });
  });

  it('listens on 127.0.0.1 only', async () => {
    const l = await start();
    const port = new URL(l.redirectUri).port;
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) await expect(browse(`http://${external}:${port}/oauth/callback`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(browse(`http://[::1]:${port}/oauth/callback`)).rejects.toBeDefined();
  });

  it('takes exactly one callback: a wrong state ends the wait and the listener', async () => {
    const l = await start();
    const port = new URL(l.redirectUri).port;
    const page = await browse(`http://127.0.0.1:${port}/oauth/callback?code=abc&state=<script>x</script>`);
    expect(page.status).toBe(400);
    expect(page.text).not.toContain('<script>x');
    const error = await failureOf(l.result);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/state did not match/);
    await expect(browse(`http://127.0.0.1:${port}/oauth/callback?code=abc&state=the-state`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('times out on the clock it is given, and closes', async () => {
    const l = await start('s', 180_000);
    const port = new URL(l.redirectUri).port;
    clock.advance(180_000);
    const error = await failureOf(l.result);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toMatch(/waited 3 minutes/);
    await expect(browse(`http://127.0.0.1:${port}/oauth/callback?code=abc&state=s`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('is cancellable, and closes', async () => {
    const l = await start();
    const port = new URL(l.redirectUri).port;
    l.cancel();
    expect(await failureOf(l.result)).toMatchObject({ code: 'not-signed-in', message: 'Sign-in cancelled. Nothing was changed.' });
    expect(clock.pendingTimers()).toBe(0);
    await expect(browse(`http://127.0.0.1:${port}/oauth/callback`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('says which port is taken when the redirect URI port is in use', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const error = await failureOf(startLoopbackListener({ redirectUri: `http://localhost:${port}/callback`, state: 's', timeoutMs: 1000, clock }));
      expect(error.code).toBe('conflict');
      expect(error.message).toContain(`Port ${port} is in use by another program`);
    } finally {
      squatter.close();
    }
  });
});
