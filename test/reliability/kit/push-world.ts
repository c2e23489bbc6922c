/**
 * A fault-table world with live updates through webhooks: the line delivers to a relay (a public
 * address stand-in) that forwards to CallDeck's receiver, as CALLDECK_WEBHOOK_URL/PORT configure.
 * Deliveries travel over real sockets outside undici, so `pump` waits for them between clock steps.
 */
import { expect } from 'vitest';
import { freePort, startRelay, type Relay } from '../../line-kit/index.js';
import { createWorld, type World } from './world.js';

export interface PushWorld extends World {
  relay: Relay;
  /** Moves fake time in 1 s steps, letting deliveries and the refreshes they start finish between steps. */
  pump(ms: number): Promise<void>;
  /** Pumps until `done()` holds; the fake ms it took, or undefined after `limitMs`. */
  pumpUntil(done: () => boolean, limitMs: number): Promise<number | undefined>;
  live(): string;
  callsShown(): string[];
}

export async function createPushWorld(): Promise<PushWorld> {
  const targetPort = await freePort();
  const relay = await startRelay({ targetPort });
  const world = await createWorld({ events: { webhookEnvironment: { url: relay.url, port: targetPort } } });
  const step = async (ms: number) => {
    await world.run(ms);
    await world.line.webhooks.settle();
    await world.run(0);
  };
  const push: PushWorld = Object.assign(world, {
    relay,
    async pump(ms: number) {
      for (let left = ms; left > 0; left -= 1_000) await step(Math.min(1_000, left));
    },
    async pumpUntil(done: () => boolean, limitMs: number) {
      const start = world.clock.now();
      while (!done()) {
        if (world.clock.now() - start >= limitMs) return undefined;
        await step(250);
      }
      return world.clock.now() - start;
    },
    live: () => world.core.liveEvents.status().source,
    callsShown: () => world.core.snapshot().calls.map((c) => c.id),
  });
  const close = world.close.bind(world);
  push.close = async () => {
    await close();
    await relay.stop();
  };
  return push;
}

/** A push world already live through webhooks, as the live-update suites start each test. */
export async function openLivePushWorld(): Promise<PushWorld> {
  const world = await createPushWorld();
  await world.pumpUntil(() => world.live() === 'webhooks', 5_000);
  expect(world.live()).toBe('webhooks');
  return world;
}

/** Ends a test's push world; nothing may have crashed meanwhile. */
export async function closePushWorld(world: PushWorld): Promise<void> {
  try {
    expect(world.crashes).toEqual([]);
  } finally {
    await world.close();
  }
}
