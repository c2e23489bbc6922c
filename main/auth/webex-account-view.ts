/**
 * What the renderer sees of a Webex account: its settings, where its sign-in stands, and any
 * problem, in words. Built from the stored record and the in-memory state; never from a secret,
 * only from whether one is stored.
 */
import type { WebexAccount } from '../../preload/contract.js';
import type { WebexRecord } from './accounts-document.js';
import type { TokenSession } from './token-session.js';
import { missingScopes, optInsOf } from './webex-scopes.js';
import type { SignInAttempt } from './webex-sign-in.js';

export const MESSAGES = {
  patExpired: 'Your personal access token has expired (they last 12 hours). Paste a new one to control calls again.',
  patRejected: 'Webex no longer accepts your personal access token. Paste a new one to control calls again.',
  patRefused: 'Webex did not accept this personal access token. Copy a fresh one from developer.webex.com (they last 12 hours) and paste it again.',
  oauthExpired: 'Your Webex sign-in has expired.',
  oauthRejected: 'Webex no longer accepts your sign-in.',
  unreadable:
    'CallDeck could not read your saved sign-in: the system keychain changed or the saved data is damaged. Sign in again; your settings are kept.',
  needClientId: 'Enter the client ID of your Webex integration first.',
  needClientSecret: 'Enter the client secret of your Webex integration first.',
  signOutFirst: 'Sign out before changing the client ID or the API address.',
};

/** One account's state that lives only as long as the app runs. */
export interface Runtime {
  session?: TokenSession;
  attempt?: SignInAttempt;
  /** Something that happened without the user asking (renewal refused, keychain changed …). */
  problem?: string;
}

export function patHasExpired(record: WebexRecord, now: number): boolean {
  const end = record.session?.method === 'pat' ? record.session.expiresAt : undefined;
  return end !== undefined && Date.parse(end) <= now;
}

export function webexAccountView(
  record: WebexRecord,
  facts: { runtime: Runtime | undefined; hasClientSecret: boolean; inUse: boolean; now: number },
): WebexAccount {
  const rt = facts.runtime;
  const status: WebexAccount['status'] = rt?.attempt
    ? 'signing-in'
    : rt?.session
      ? 'signed-in'
      : record.session && patHasExpired(record, facts.now)
        ? 'expired'
        : 'signed-out';
  const shown = rt?.session || status === 'expired' ? record.session : undefined;
  const problem = rt?.problem ?? (status === 'expired' ? MESSAGES.patExpired : undefined);
  return {
    kind: 'webex',
    id: record.id,
    baseUrl: record.baseUrl,
    clientId: record.clientId,
    hasClientSecret: facts.hasClientSecret,
    redirectUri: record.redirectUri,
    status,
    ...(shown ? { method: shown.method } : {}),
    ...(shown?.user ? { user: shown.user } : {}),
    ...(shown?.method === 'pat' && shown.expiresAt ? { expiresAt: shown.expiresAt } : {}),
    ...(rt?.attempt ? { signInDeadline: new Date(rt.attempt.deadline).toISOString() } : {}),
    missingScopes: rt?.session ? missingScopes(record.session?.grantedScopes, optInsOf(record)) : [],
    useMeetings: record.useMeetings === true,
    useXsi: record.useXsi === true,
    ...(problem ? { problem } : {}),
    inUse: rt?.session !== undefined && facts.inUse,
  };
}
