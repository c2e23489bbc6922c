/**
 * The one IPC contract between main and the renderer.
 *
 * Every invoke channel (args + result schema) and every main→renderer event (payload schema) is
 * declared once, in the domain files under preload/contract/, and gathered here. The domain
 * types that cross the bridge are inferred from those schemas, and `CallDeckApi` (what
 * `window.calldeck` is) is derived from them, so main, preload and renderer cannot disagree
 * without the type checker noticing.
 *
 * Main parses every incoming args value and every outgoing result/event with these schemas. Zod
 * objects strip unknown keys, which is also what keeps a stray secret field from crossing.
 */
import type { z } from 'zod';
import { accountsChannels, accountsEvents } from './contract/accounts.js';
import { appChannels, appEvents } from './contract/app.js';
import { callsChannels, callsEvents } from './contract/calls.js';
import { desktopChannels, desktopEvents } from './contract/desktop.js';
import { devicesChannels, devicesEvents } from './contract/devices.js';
import { videosdkChannels, videosdkEvents } from './contract/videosdk.js';
import { directoryChannels } from './contract/directory.js';
import { lineChannels, lineEvents } from './contract/line.js';
import { meetingsChannels, meetingsEvents } from './contract/meetings.js';
import { noticesChannels, noticesEvents } from './contract/notices.js';
import { eventsChannels, eventsEvents } from './contract/events.js';
import type { Result } from './contract/errors.js';

export * from './contract/errors.js';
export * from './contract/app.js';
export * from './contract/calls.js';
export * from './contract/desktop.js';
export * from './contract/devices.js';
export * from './contract/accounts.js';
export * from './contract/videosdk.js';
export * from './contract/line.js';
export * from './contract/directory.js';
export * from './contract/meetings.js';
export * from './contract/notices.js';
export * from './contract/events.js';

export const invokeChannels = {
  ...appChannels,
  ...callsChannels,
  ...desktopChannels,
  ...devicesChannels,
  ...accountsChannels,
  ...videosdkChannels,
  ...lineChannels,
  ...directoryChannels,
  ...meetingsChannels,
  ...noticesChannels,
  ...eventsChannels,
} as const;

export const eventChannels = {
  ...appEvents,
  ...callsEvents,
  ...desktopEvents,
  ...devicesEvents,
  ...accountsEvents,
  ...videosdkEvents,
  ...lineEvents,
  ...meetingsEvents,
  ...noticesEvents,
  ...eventsEvents,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;

/** What a caller passes (before defaults/transforms). */
export type ArgsOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['args']>;
/** What main's handler receives once the args are parsed. */
export type ParsedArgsOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['args']>;
export type ResultOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['result']>;
export type PayloadOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

// ─── The derived renderer-facing API ────────────────────────────────────────────────────────────

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;

type InvokeMethod<C extends InvokeChannel> = [ArgsOf<C>] extends [undefined]
  ? () => Promise<Result<ResultOf<C>>>
  : (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

type EventMethod<E extends EventChannel> = (listener: (payload: PayloadOf<E>) => void) => () => void;

/**
 * `calls:answer` becomes `calldeck.calls.answer(args)`, and the event `calls:changed` becomes
 * `calldeck.calls.onChanged(listener)`, which returns its unsubscribe function.
 */
export type CallDeckApi = {
  [D in DomainOf<InvokeChannel | EventChannel>]: {
    [C in Extract<InvokeChannel, `${D}:${string}`> as VerbOf<C>]: InvokeMethod<C>;
  } & {
    [E in Extract<EventChannel, `${D}:${string}`> as `on${Capitalize<VerbOf<E>>}`]: EventMethod<E>;
  };
};
