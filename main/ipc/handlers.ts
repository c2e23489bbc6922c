import type { InvokeChannel, ParsedArgsOf, ResultOf } from '../../preload/contract.js';

/** What the core implements: one async function per invoke channel, on already-parsed args. */
export type Handlers = {
  [C in InvokeChannel]: (args: ParsedArgsOf<C>) => Promise<ResultOf<C>>;
};
