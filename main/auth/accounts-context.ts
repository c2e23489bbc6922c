import { randomBytes } from 'node:crypto';
import type { AccountsSnapshot } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import type { Line } from '../providers/line.js';
import type { Clock, Logger } from '../core/ports.js';
import type { AccountRecord, AccountsDocument } from './accounts-document.js';
import type { SecretOpener } from './sealed-input.js';
import type { Vault } from './vault.js';

/** How the accounts feature changes the phone line the calls feature drives. */
export interface LineSwitch {
  use(line: Line): Promise<void>;
  /** Back to the line CallDeck uses without an account: the demo line (or the developer's). */
  useDefault(): Promise<void>;
}

/** What the Webex and VideoSDK halves of the feature share. */
export interface AccountsContext {
  doc: AccountsDocument;
  vault: Vault;
  opener: SecretOpener;
  clock: Clock;
  log: Logger;
  /** Writes the non-secret document. */
  save(): void;
  /** Tells listeners (the renderer) that something they show changed. */
  changed(): void;
  snapshot(): AccountsSnapshot;
}

export const secretKeys = {
  webexTokens: (id: string) => `webex:${id}:tokens`,
  webexClientSecret: (id: string) => `webex:${id}:clientSecret`,
  videoSdkSecret: (id: string) => `videosdk:${id}:secret`,
};

export function newAccountId(kind: AccountRecord['kind']): string {
  return `${kind}-${randomBytes(6).toString('base64url')}`;
}

export function findAccount<K extends AccountRecord['kind']>(doc: AccountsDocument, kind: K, id: string): Extract<AccountRecord, { kind: K }> {
  const record = doc.accounts.find((a): a is Extract<AccountRecord, { kind: K }> => a.kind === kind && a.id === id);
  if (!record) throw new AppError('not-found', 'That account no longer exists. Close and reopen Settings.');
  return record;
}
