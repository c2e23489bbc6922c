/**
 * VideoSDK accounts: an API key (not secret: it is inside every token) and the API secret, which
 * stays in the vault. Tokens are minted per use, in main, and are never stored or sent anywhere
 * but VideoSDK.
 */
import type { SealedSecret, VideoSdkAccount } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import { findAccount, newAccountId, secretKeys, type AccountsContext } from './accounts-context.js';
import type { VideoSdkRecord } from './accounts-document.js';
import { mintVideoSdkToken } from './videosdk-token.js';

const UNREADABLE = 'CallDeck could not read the saved VideoSDK secret: the system keychain changed or the saved data is damaged. Enter the secret again.';

/**
 * `fromEnvironment` is the developer's CALLDECK_VIDEOSDK_* account: used when none is saved, held
 * in memory only, never shown as a saved account.
 */
export function createVideoSdkAccounts(ctx: AccountsContext, fromEnvironment?: { apiKey: string; secret: string }) {
  const { vault } = ctx;
  const records = () => ctx.doc.accounts.filter((a): a is VideoSdkRecord => a.kind === 'videosdk');

  function view(record: VideoSdkRecord): VideoSdkAccount {
    const key = secretKeys.videoSdkSecret(record.id);
    const hasSecret = vault.get(key) !== undefined;
    return {
      kind: 'videosdk',
      id: record.id,
      apiKey: record.apiKey,
      hasSecret,
      ...(!hasSecret && vault.couldNotRead(key) ? { problem: UNREADABLE } : {}),
    };
  }

  return {
    views: () => records().map(view),

    async configure(args: { id?: string | undefined; apiKey: string; secret?: SealedSecret | undefined }) {
      const secret = args.secret ? await ctx.opener.open(args.secret, 'videosdk.secret') : undefined;
      let record = args.id ? findAccount(ctx.doc, 'videosdk', args.id) : undefined;
      if (!record) {
        if (secret === undefined) throw new AppError('invalid-input', 'Enter the API secret of your VideoSDK account.');
        record = { kind: 'videosdk', id: newAccountId('videosdk'), apiKey: args.apiKey };
        ctx.doc.accounts.push(record);
      }
      record.apiKey = args.apiKey;
      if (secret !== undefined) await vault.set(secretKeys.videoSdkSecret(record.id), secret);
      ctx.save();
      ctx.changed();
    },

    async remove(id: string) {
      findAccount(ctx.doc, 'videosdk', id);
      ctx.doc.accounts = ctx.doc.accounts.filter((a) => a.id !== id);
      await vault.delete(secretKeys.videoSdkSecret(id));
      ctx.save();
      ctx.changed();
    },

    /** A fresh short-lived token for one VideoSDK request; for main's VideoSDK client only. */
    mint(opts: { accountId?: string; permissions?: string[]; ttlSec?: number } = {}): string {
      const record = opts.accountId ? findAccount(ctx.doc, 'videosdk', opts.accountId) : records()[0];
      const saved = record ? vault.get(secretKeys.videoSdkSecret(record.id)) : undefined;
      const key = record && saved !== undefined ? { apiKey: record.apiKey, secret: saved } : opts.accountId ? undefined : fromEnvironment;
      if (!key) {
        throw new AppError('not-signed-in', 'Add your VideoSDK API key and secret in Settings → Accounts first.');
      }
      return mintVideoSdkToken({
        apiKey: key.apiKey,
        secret: key.secret,
        now: ctx.clock.now(),
        ...(opts.permissions ? { permissions: opts.permissions } : {}),
        ...(opts.ttlSec !== undefined ? { ttlSec: opts.ttlSec } : {}),
      });
    },
  };
}
