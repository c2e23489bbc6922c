/**
 * VideoSDK accounts: an API key (not secret: it is inside every token), the API origin, and the API
 * secret, which stays in the vault. Tokens are minted per request, in main, and are never stored
 * or sent anywhere but VideoSDK.
 */
import { VIDEOSDK_DEFAULT_BASE_URL, type SealedSecret, type VideoSdkAccount } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import type { VideoSdkAccess } from '../providers/videosdk/videosdk-access.js';
import { findAccount, newAccountId, secretKeys, type AccountsContext } from './accounts-context.js';
import type { VideoSdkRecord } from './accounts-document.js';
import { mintVideoSdkToken, type VideoSdkKey } from './videosdk-token.js';

const UNREADABLE = 'CallDeck could not read the saved VideoSDK secret: the system keychain changed or the saved data is damaged. Enter the secret again.';
const NO_ACCOUNT = 'Add your VideoSDK API key and secret in Settings → Accounts first.';

/** A key with the API origin it belongs to: the developer's environment account, or the demo line's. */
export interface VideoSdkEndpointKey extends VideoSdkKey {
  baseUrl: string;
  /** The demo line's trunk and gateway, to show a newcomer. */
  demo?: { trunkId: string; gatewayId: string; roomId?: string };
}


/**
 * `fromEnvironment` is the developer's CALLDECK_VIDEOSDK_* account: used when none is saved, held
 * in memory only, never shown as a saved account.
 */
export function createVideoSdkAccounts(ctx: AccountsContext, fromEnvironment?: VideoSdkEndpointKey) {
  const { vault } = ctx;
  const records = () => ctx.doc.accounts.filter((a): a is VideoSdkRecord => a.kind === 'videosdk');
  const savedSecret = (record: VideoSdkRecord) => vault.get(secretKeys.videoSdkSecret(record.id));

  function view(record: VideoSdkRecord): VideoSdkAccount {
    const key = secretKeys.videoSdkSecret(record.id);
    const hasSecret = vault.get(key) !== undefined;
    return {
      kind: 'videosdk',
      id: record.id,
      apiKey: record.apiKey,
      baseUrl: record.baseUrl ?? VIDEOSDK_DEFAULT_BASE_URL,
      hasSecret,
      ...(!hasSecret && vault.couldNotRead(key) ? { problem: UNREADABLE } : {}),
    };
  }

  /** The saved account wins; then the environment's; then `fallback` (the demo line's). */
  function keyFor(accountId: string | undefined, fallback: VideoSdkEndpointKey | undefined): { key: VideoSdkEndpointKey; source: VideoSdkAccess['source'] } | undefined {
    const record = accountId ? findAccount(ctx.doc, 'videosdk', accountId) : records()[0];
    if (record) {
      const secret = savedSecret(record);
      // A saved account without its secret is a problem to fix, not a reason to use another account.
      if (secret === undefined) return undefined;
      return { key: { apiKey: record.apiKey, secret, baseUrl: record.baseUrl ?? VIDEOSDK_DEFAULT_BASE_URL }, source: 'saved' };
    }
    if (accountId) return undefined;
    if (fromEnvironment) return { key: fromEnvironment, source: 'environment' };
    if (fallback) return { key: fallback, source: 'demo' };
    return undefined;
  }

  return {
    views: () => records().map(view),

    async configure(args: { id?: string | undefined; apiKey: string; secret?: SealedSecret | undefined; baseUrl?: string | undefined }) {
      const secret = args.secret ? await ctx.opener.open(args.secret, 'videosdk.secret') : undefined;
      let record = args.id ? findAccount(ctx.doc, 'videosdk', args.id) : undefined;
      if (!record) {
        if (secret === undefined) throw new AppError('invalid-input', 'Enter the API secret of your VideoSDK account.');
        record = { kind: 'videosdk', id: newAccountId('videosdk'), apiKey: args.apiKey };
        ctx.doc.accounts.push(record);
      }
      record.apiKey = args.apiKey;
      // Only the non-default origin is stored, so a saved account follows VideoSDK if it ever moves.
      if (args.baseUrl === VIDEOSDK_DEFAULT_BASE_URL) delete record.baseUrl;
      else if (args.baseUrl !== undefined) record.baseUrl = args.baseUrl;
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

    /** The account VideoSDK requests go out with, if there is one; for main's VideoSDK feature only. */
    access(fallback?: VideoSdkEndpointKey): VideoSdkAccess | undefined {
      const found = keyFor(undefined, fallback);
      if (!found) return undefined;
      const { key, source } = found;
      return {
        baseUrl: key.baseUrl,
        source,
        ...(source === 'demo' && key.demo ? { demo: key.demo } : {}),
        mint: () => mintVideoSdkToken(key),
      };
    },

    /** A fresh short-lived token; for main's VideoSDK client only. */
    mint(opts: { accountId?: string; ttlSec?: number } = {}): string {
      const found = keyFor(opts.accountId, undefined);
      if (!found) throw new AppError('not-signed-in', NO_ACCOUNT);
      return mintVideoSdkToken(found.key, opts.ttlSec !== undefined ? { ttlSec: opts.ttlSec } : {});
    },
  };
}
