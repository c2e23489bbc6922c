/**
 * What a test world offers for talking to the core the way the window does: a channel call that
 * answers with the bridge's result value, one that throws unless it succeeded, and sealing a
 * secret as the accounts form does before it crosses. The account tests and the reliability
 * suite both build worlds on this.
 */
import type { ArgsOf, CallDeckApi, InvokeChannel, Result, ResultOf } from '../../preload/contract.js';
import { sealSecret } from '../../renderer/crypto/seal-secret.js';

export interface BridgeCalls {
  call<C extends InvokeChannel>(channel: C, args?: ArgsOf<C>): Promise<Result<ResultOf<C>>>;
  /** Like `call`, but throws unless it succeeded. */
  ok<C extends InvokeChannel>(channel: C, args?: ArgsOf<C>): Promise<ResultOf<C>>;
  seal(purpose: Parameters<typeof sealSecret>[1], plain: string): Promise<NonNullable<ArgsOf<'accounts:usePat'>>['token']>;
}

/** `dispatch` is read at each call, so a world that restarts its core keeps working. */
export function bridgeCalls(dispatch: () => (channel: string, args: unknown) => Promise<unknown>): BridgeCalls {
  const calls: BridgeCalls = {
    call: (channel, args) => dispatch()(channel, args) as never,
    async ok(channel, args) {
      const result = await calls.call(channel, args);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async seal(purpose, plain) {
      const api = { accounts: { sealingKey: () => calls.call('accounts:sealingKey') } } as unknown as CallDeckApi;
      const sealed = await sealSecret(api, purpose, plain);
      if (!sealed.ok) throw new Error(sealed.error.message);
      return sealed.value;
    },
  };
  return calls;
}
