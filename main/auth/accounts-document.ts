/**
 * The accounts' non-secret settings on disk (accounts.json): which integrations and keys the user
 * configured, who signed in, and when a personal access token runs out. Secrets live in the vault.
 * Like the settings file, it is read leniently: a damaged entry is dropped, the rest is kept, and
 * the original file is kept aside.
 */
import { z } from 'zod';
import type { Logger, SettingsStore } from '../core/ports.js';
import { isRecord } from '../core/is-record.js';

const WebexUser = z.object({ displayName: z.string(), email: z.string().optional() });

export const WebexRecord = z.object({
  kind: z.literal('webex'),
  id: z.string(),
  baseUrl: z.string(),
  clientId: z.string(),
  redirectUri: z.string(),
  /** "Use Webex Meetings": sign-in asks for the meeting scopes only when this is on. */
  useMeetings: z.boolean().optional(),
  /** "Use XSI events": sign-in asks for spark:xsi only when this is on. Absent (older files): off. */
  useXsi: z.boolean().optional(),
  /** Present while signed in, and kept for an expired personal access token so its end can be shown. */
  session: z
    .object({
      method: z.enum(['oauth', 'pat']),
      user: WebexUser.optional(),
      grantedScopes: z.array(z.string()).optional(),
      /** ISO; a personal access token's end of life. */
      expiresAt: z.string().optional(),
    })
    .optional(),
});
export type WebexRecord = z.infer<typeof WebexRecord>;

export const VideoSdkRecord = z.object({
  kind: z.literal('videosdk'),
  id: z.string(),
  apiKey: z.string(),
  /** Absent: VideoSDK's own API origin. */
  baseUrl: z.string().optional(),
});
export type VideoSdkRecord = z.infer<typeof VideoSdkRecord>;

const AccountRecord = z.discriminatedUnion('kind', [WebexRecord, VideoSdkRecord]);
export type AccountRecord = z.infer<typeof AccountRecord>;

export interface AccountsDocument {
  version: 1;
  accounts: AccountRecord[];
  /** The Webex account whose line CallDeck controls. */
  lineAccountId?: string;
}

export function readAccountsDocument(store: SettingsStore, log: Logger): AccountsDocument {
  const empty: AccountsDocument = { version: 1, accounts: [] };
  const read = store.read();
  if (!read.ok) {
    const keptAt = store.keepAside();
    if (keptAt !== undefined) store.write(empty);
    log.warn('the accounts file was damaged; starting without accounts', { reason: read.reason, keptAt });
    return empty;
  }
  const data = isRecord(read.data) ? read.data : {};
  const rawAccounts = Array.isArray(data.accounts) ? (data.accounts as unknown[]) : [];
  const accounts: AccountRecord[] = [];
  let dropped = 0;
  for (const raw of rawAccounts) {
    const parsed = AccountRecord.safeParse(raw);
    if (parsed.success && !accounts.some((a) => a.id === parsed.data.id)) accounts.push(parsed.data);
    else dropped += 1;
  }
  const doc: AccountsDocument = {
    version: 1,
    accounts,
    ...(typeof data.lineAccountId === 'string' ? { lineAccountId: data.lineAccountId } : {}),
  };
  // A version we do not know is kept aside too, so a newer CallDeck's file is never overwritten unseen.
  const unknownVersion = Object.keys(data).length > 0 && data.version !== 1;
  if (dropped > 0 || unknownVersion || ('accounts' in data && !Array.isArray(data.accounts))) {
    const keptAt = store.keepAside();
    if (keptAt !== undefined) store.write(doc);
    log.warn('some saved accounts were damaged and were dropped', { dropped, keptAt, version: data.version });
  }
  return doc;
}

