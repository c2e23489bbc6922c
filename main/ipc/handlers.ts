import type { InvokeChannel, ParsedArgsOf, ResultOf } from '../../preload/contract.js';

/** One async function per channel in C, on already-parsed args. Features implement a slice. */
export type HandlersOf<C extends InvokeChannel> = {
  [K in C]: (args: ParsedArgsOf<K>) => Promise<ResultOf<K>>;
};

/** What the core as a whole implements: every invoke channel of the contract. */
export type Handlers = HandlersOf<InvokeChannel>;

/** The channels of one domain, e.g. `ChannelsOf<'calls'>` is every `calls:*` channel. */
export type ChannelsOf<D extends string> = Extract<InvokeChannel, `${D}:${string}`>;
