import { invokeChannels, type ErrorValue, type InvokeChannel, type Result } from '../../preload/contract.js';
import { isAppError } from '../core/app-error.js';
import type { Logger } from '../core/ports.js';
import type { EventHub } from './event-hub.js';
import type { Handlers } from './handlers.js';

export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

function failure(error: ErrorValue): Result<never> {
  return { ok: false, error };
}

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeChannels, channel);
}

/**
 * The single path every invoke takes, whatever carries it (Electron IPC or the harness socket):
 * parse the untrusted args with the contract, run the handler, check the result against the
 * contract, and turn every outcome into a value. Electron keeps only `message` of a thrown error,
 * so nothing on the far side relies on throwing; unknown exceptions are logged here with their
 * stack and cross as `internal` without it.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawArgs) => {
    if (!isInvokeChannel(channel)) {
      return failure({ code: 'invalid-input', message: `Unknown channel "${channel}"` });
    }
    const spec = invokeChannels[channel];
    const parsed = spec.args.safeParse(rawArgs);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return failure({ code: 'invalid-input', message: `${where}${issue?.message ?? 'Invalid input'}` });
    }
    try {
      const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        log.error('handler returned a value outside the contract', { channel, issues: checked.error.issues });
        return failure({ code: 'internal', message: 'Something went wrong inside CallDeck.' });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isAppError(error)) return failure(error.toValue());
      log.error('unhandled error in handler', {
        channel,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return failure({ code: 'internal', message: 'Something went wrong inside CallDeck.' });
    }
  };
}

/** A dispatch that knows which renderer is calling, whatever carries the call. */
export type RendererDispatch = (rendererId: number, channel: string, rawArgs: unknown) => Promise<Result<unknown>>;

/**
 * The one place `app:ready` marks a renderer ready (Electron IPC and the harness socket both come
 * through here): once its listeners are attached, the events queued for it are released.
 */
export function createRendererDispatch(dispatch: Dispatch, hub: Pick<EventHub, 'markReady'>): RendererDispatch {
  return async (rendererId, channel, rawArgs) => {
    const result = await dispatch(channel, rawArgs);
    if (channel === 'app:ready' && result.ok) hub.markReady(rendererId);
    return result;
  };
}
