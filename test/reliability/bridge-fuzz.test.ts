/**
 * Fuzzing every bridge channel through the real dispatch and the real core handlers, on the
 * built-in line. 10,000 generated payloads a run: each must be answered with a value (never a
 * throw), every payload the contract refuses must be answered `invalid-input`, and no refused
 * payload may cause a single request towards the line.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { invokeChannels, type InvokeChannel } from '../../preload/contract.js';
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch.js';
import { settle } from './kit/in-flight.js';
import { createWorld, type World } from './kit/world.js';

const RUNS = 10_000;
const CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];

let world: World;
let dispatch: Dispatch;
const stats = { cases: 0, refused: 0, accepted: 0, unknownChannel: 0, requestsFromRefused: 0, byChannel: new Map<string, number>() };

beforeAll(async () => {
  world = await createWorld();
  dispatch = createDispatch(world.core.handlers, world.log);
  await world.run(3_000);
});
afterAll(async () => {
  await world.close();
  console.info(
    `bridge fuzz: ${stats.cases} cases over ${CHANNELS.length} channels and ${stats.byChannel.size - CHANNELS.length} made-up names; ${stats.refused} refused as invalid-input ` +
      `(${stats.unknownChannel} on unknown channels), ${stats.accepted} accepted by the contract; ` +
      `${stats.requestsFromRefused} requests caused by refused payloads`,
  );
});

/** The keys an object schema knows, so generated objects come close to valid ones. */
function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape && typeof shape === 'object') return Object.keys(shape);
  const options = (schema as unknown as { options?: z.ZodType[] }).options;
  if (Array.isArray(options)) return [...new Set(options.flatMap(keysOf))];
  return [];
}

const hostileStrings = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'javascript:alert(1)',
    '\u202Eevil\u202C',
    '\u0000\u0007\u001b[31m',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    'tel:+1 555 0100',
    '',
    ' ',
  ),
  // 10 KB strings, built once: generating them char by char would dominate the run.
  fc.tuple(fc.constantFrom('9'.repeat(10_240), 'a\u202E'.repeat(5_120), '<script>'.repeat(1_280)), fc.string({ maxLength: 8 })).map(([big, tail]) => big + tail),
);

const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
});

function payloadFor(channel: string): fc.Arbitrary<unknown> {
  const schema = (invokeChannels as Record<string, { args: z.ZodType } | undefined>)[channel]?.args;
  const keys = schema ? keysOf(schema) : [];
  const value = fc.oneof(anything, hostileStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const nearValid =
    keys.length > 0
      ? [fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.constantFrom('__proto__', 'extra')), value, { maxKeys: keys.length + 1 })]
      : [];
  return fc.oneof(anything, hostileStrings, ...nearValid);
}

const channelArb = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...CHANNELS) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'calls:', 'calls:*', 'CALLS:DIAL')) },
);
const caseArb = channelArb.chain((channel) => payloadFor(channel).map((payload) => ({ channel, payload })));

function contractAccepts(channel: string, payload: unknown): boolean {
  if (!Object.hasOwn(invokeChannels, channel)) return false;
  return invokeChannels[channel as InvokeChannel].args.safeParse(payload).success;
}

it(`${RUNS} generated payloads across every channel: values only, invalid-input for every refusal, no request from any`, async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async ({ channel, payload }) => {
      stats.cases += 1;
      stats.byChannel.set(channel, (stats.byChannel.get(channel) ?? 0) + 1);
      const accepted = contractAccepts(channel, payload);
      const requestsBefore = world.attempts.length;
      const pending = dispatch(channel, payload);
      if (accepted) {
        // A valid command may wait for the next poll; let fake time pass until it answers.
        let answered = false;
        void pending.finally(() => (answered = true));
        await settle();
        for (let waited = 0; !answered; waited += 1) {
          if (waited > 300) throw new Error(`${channel} never answered a valid payload: ${JSON.stringify(payload)?.slice(0, 200)}`);
          await world.run(1_000);
        }
      }
      const result = await pending;
      expect(typeof result.ok).toBe('boolean');
      if (accepted) {
        stats.accepted += 1;
        await settle();
        return;
      }
      stats.refused += 1;
      if (!Object.hasOwn(invokeChannels, channel)) stats.unknownChannel += 1;
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!result.ok) {
        expect(result.error.message.length).toBeGreaterThan(0);
        expect(result.error.message).not.toMatch(/\n\s+at /);
      }
      const caused = world.attempts.length - requestsBefore;
      stats.requestsFromRefused += caused;
      expect(caused).toBe(0);
    }),
    { numRuns: RUNS },
  );
  expect(CHANNELS.filter((c) => !stats.byChannel.has(c)), 'every channel fuzzed').toEqual([]);
  expect(world.crashes).toEqual([]);
  expect(world.log.lines.filter((l) => l.level === 'error')).toEqual([]);
}, 120_000);
