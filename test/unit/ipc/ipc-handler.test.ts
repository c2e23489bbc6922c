import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../preload/contract.js';
import { AppError } from '../../../main/core/app-error.js';
import { createDispatch } from '../../../main/ipc/dispatch.js';
import { createEventHub } from '../../../main/ipc/event-hub.js';
import type { Handlers } from '../../../main/ipc/handlers.js';
import { createIpcHandler, type InvokeEventLike } from '../../../main/ipc/ipc-handler.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

const ORIGIN = 'calldeck://app';
const OUR_ID = 7;

/** Every channel not named by the test throws, so an unexpected call cannot pass silently. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = async () => {
    throw new Error('not under test');
  };
  return new Proxy(overrides, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? unused }) as Handlers;
}

function event({ id = OUR_ID, url = `${ORIGIN}/index.html`, mainFrame = true }: { id?: number; url?: string | null; mainFrame?: boolean } = {}): InvokeEventLike {
  const frame = url === null ? null : { url };
  return { sender: { id, mainFrame: mainFrame ? frame : { url } }, senderFrame: frame };
}

function setup(overrides: Partial<Handlers> = {}) {
  const log = new MemoryLogger();
  const hub = createEventHub(log);
  const handle = createIpcHandler(createDispatch(handlers(overrides), log), hub, { ids: () => new Set([OUR_ID]), origin: ORIGIN });
  return { handle, hub, log };
}

describe('the IPC handle wrapper', () => {
  const info = vi.fn(async () => ({
    name: 'CallDeck', version: '1.0.0', platform: 'linux', mode: 'demo' as const, lineLabel: 'Demo line', shell: 'electron' as const,
  }));

  it('answers a trusted sender with an ok value', async () => {
    const { handle } = setup({ 'app:info': info });
    await expect(handle('app:info', event(), undefined)).resolves.toMatchObject({ ok: true, value: { name: 'CallDeck' } });
  });

  it.each([
    ['another window', event({ id: 99 })],
    ['another origin', event({ url: 'https://evil.example/index.html' })],
    ['an iframe', event({ mainFrame: false })],
    ['a destroyed frame', event({ url: null })],
    ['an http page on our host name', event({ url: 'http://app/index.html' })],
  ])('rejects %s as forbidden without running the handler', async (_name, untrusted) => {
    const spy = vi.fn(info);
    const { handle } = setup({ 'app:info': spy });
    const result = await handle('app:info', untrusted, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('gives invalid-input for args outside the contract, naming the field', async () => {
    const answer = vi.fn(async () => null);
    const { handle } = setup({ 'calls:answer': answer });
    const result = await handle('calls:answer', event(), { callId: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('callId') } });
    expect(answer).not.toHaveBeenCalled();
  });

  it('gives invalid-input for an unknown channel', async () => {
    const { handle } = setup();
    await expect(handle('calls:launchMissiles', event(), {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns a thrown bug into internal, logs the stack, and leaks no stack', async () => {
    const { handle, log } = setup({
      'calls:answer': async () => {
        throw new TypeError('secret internals at /home/user/app.js:1');
      },
    });
    const result = await handle('calls:answer', event(), { callId: 'c1' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside CallDeck.' } });
    expect(JSON.stringify(result)).not.toContain('app.js');
    expect(log.lines.find((l) => l.level === 'error')?.fields?.error).toContain('TypeError: secret internals');
  });

  it('passes an AppError through as its value, keeping status and trackingId', async () => {
    const { handle } = setup({
      'calls:hold': async () => {
        throw new AppError('invalid-input', 'Call is not connected', { status: 400, trackingId: 'T-1' });
      },
    });
    await expect(handle('calls:hold', event(), { callId: 'c1' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Call is not connected', status: 400, trackingId: 'T-1' },
    });
  });

  it('refuses to send a result outside the contract and strips unknown fields', async () => {
    const { handle } = setup({
      'settings:get': async () => ({ ...DEFAULT_SETTINGS, accessToken: 'should-never-cross' }) as never,
      'calls:dial': async () => ({ callId: 5 }) as never,
    });
    const settings = await handle('settings:get', event(), undefined);
    expect(JSON.stringify(settings)).not.toContain('should-never-cross');
    await expect(handle('calls:dial', event(), { destination: '4102' })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('releases queued events to the renderer that calls app:ready', async () => {
    const { handle, hub } = setup({ 'app:ready': async () => null });
    const sent: string[] = [];
    hub.attach({ id: OUR_ID, isDestroyed: () => false, send: (channel) => sent.push(channel) });
    hub.emit('settings:changed', DEFAULT_SETTINGS);
    expect(sent).toEqual([]);
    await handle('app:ready', event(), undefined);
    expect(sent).toEqual(['settings:changed']);
  });
});
