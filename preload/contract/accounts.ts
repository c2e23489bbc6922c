import { z } from 'zod';
import { VIDEOSDK_DEFAULT_BASE_URL, WEBEX_DEFAULT_BASE_URL, WEBEX_DEFAULT_REDIRECT_URI, WEBEX_SCOPES } from '../common/accounts.js';
import { channel, Done, None } from './channel.js';

/**
 * Accounts: Webex (OAuth integration or a personal access token) and VideoSDK keys.
 *
 * Nothing here ever carries a secret from main to the renderer: the views say whether a secret is
 * stored (`hasClientSecret`), never any part of it. Secrets typed by the user travel the other way
 * sealed (see SealedSecret), so no bridge message ever contains one in the clear.
 */

export { VIDEOSDK_DEFAULT_BASE_URL, WEBEX_DEFAULT_BASE_URL, WEBEX_DEFAULT_REDIRECT_URI, WEBEX_SCOPES };

const AccountId = z.string().regex(/^[a-z]+-[A-Za-z0-9_-]{4,40}$/, 'Not an account id');

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/** One loopback http URI with an explicit port, as registered with the Webex integration. */
export const RedirectUri = z
  .string()
  .trim()
  .max(256)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'http:' &&
        LOOPBACK_HOSTS.has(url.hostname) &&
        url.port !== '' &&
        url.search === '' &&
        url.hash === '' &&
        url.username === '' &&
        url.password === ''
      );
    } catch {
      return false;
    }
  }, 'Use http://localhost:PORT/path or http://127.0.0.1:PORT/path (an explicit port, no query)');

/** https, or http on loopback for the built-in line. */
export const ApiBaseUrl = z
  .string()
  .trim()
  .max(256)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'Use an https:// address (http:// only for 127.0.0.1 or localhost)')
  .transform((value) => value.replace(/\/+$/, ''));

const ClientId = z.string().trim().min(1, 'Enter the client ID').max(256).regex(/^[A-Za-z0-9._~-]+$/, 'A client ID has only letters, digits and . _ ~ -');
const ApiKey = z.string().trim().min(1, 'Enter the API key').max(256).regex(/^[A-Za-z0-9._~-]+$/, 'An API key has only letters, digits and . _ ~ -');

/** Which field a sealed secret was typed into; bound into the seal so it cannot be replayed elsewhere. */
export const SecretPurpose = z.enum(['webex.clientSecret', 'webex.pat', 'videosdk.secret']);
export type SecretPurpose = z.infer<typeof SecretPurpose>;

const Base64 = z.string().max(8192).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

/**
 * A secret typed in the renderer, encrypted to main's per-run sealing key: an AES-256-GCM payload
 * (purpose as associated data) whose key is wrapped with RSA-OAEP-256.
 */
export const SealedSecret = z.object({
  keyId: z.string().min(1).max(64),
  wrappedKey: Base64,
  iv: Base64,
  data: Base64,
});
export type SealedSecret = z.infer<typeof SealedSecret>;

export const SealingKey = z.object({
  keyId: z.string(),
  /** RSA-OAEP (SHA-256) public key, SPKI DER in base64. */
  publicKey: z.string(),
});
export type SealingKey = z.infer<typeof SealingKey>;

export const MissingScope = z.object({
  scope: z.string(),
  /** What does not work without it, in words. */
  neededFor: z.string(),
});
export type MissingScope = z.infer<typeof MissingScope>;

export const WebexAccount = z.object({
  kind: z.literal('webex'),
  id: AccountId,
  baseUrl: z.string(),
  clientId: z.string(),
  /** Whether a client secret is stored; never any part of it. */
  hasClientSecret: z.boolean(),
  redirectUri: z.string(),
  status: z.enum(['signed-out', 'signing-in', 'signed-in', 'expired']),
  method: z.enum(['oauth', 'pat']).optional(),
  user: z.object({ displayName: z.string(), email: z.string().optional() }).optional(),
  /** A personal access token's end of life; OAuth tokens renew themselves and have none to show. */
  expiresAt: z.string().optional(),
  /** While signing in: when CallDeck stops waiting for the browser. */
  signInDeadline: z.string().optional(),
  missingScopes: z.array(MissingScope),
  /** "Use Webex Meetings": sign-in also asks for the meeting scopes. */
  useMeetings: z.boolean(),
  /** "Use XSI events": sign-in also asks for spark:xsi. */
  useXsi: z.boolean(),
  /** Something the user must know or do, in words (refresh failed, token expired, keychain changed …). */
  problem: z.string().optional(),
  /** This account's line is the one CallDeck is controlling. */
  inUse: z.boolean(),
});
export type WebexAccount = z.infer<typeof WebexAccount>;

export const VideoSdkAccount = z.object({
  kind: z.literal('videosdk'),
  id: AccountId,
  apiKey: z.string(),
  /** The API origin, e.g. https://api.videosdk.live (or a built-in line). */
  baseUrl: z.string(),
  hasSecret: z.boolean(),
  problem: z.string().optional(),
});
export type VideoSdkAccount = z.infer<typeof VideoSdkAccount>;

export const Account = z.discriminatedUnion('kind', [WebexAccount, VideoSdkAccount]);
export type Account = z.infer<typeof Account>;

export const SecretStorage = z.object({
  /**
   * keychain: encrypted by the OS keychain. obfuscated: Linux "basic_text", a fixed key anyone can
   * undo. unavailable: no encryption at all, so secrets stay in memory.
   */
  protection: z.enum(['keychain', 'obfuscated', 'unavailable']),
  /** e.g. "gnome_libsecret", "basic_text", "macOS Keychain". */
  backend: z.string(),
  /** Whether secrets are written to disk (encrypted) or kept for this session only. */
  persist: z.boolean(),
});
export type SecretStorage = z.infer<typeof SecretStorage>;

export const AccountsSnapshot = z.object({
  accounts: z.array(Account),
  storage: SecretStorage,
});
export type AccountsSnapshot = z.infer<typeof AccountsSnapshot>;

export const ConfigureWebexArgs = z.object({
  /** Absent: create the account. */
  id: AccountId.optional(),
  clientId: ClientId,
  /** Absent: keep the stored one. */
  clientSecret: SealedSecret.optional(),
  redirectUri: RedirectUri.default(WEBEX_DEFAULT_REDIRECT_URI),
  baseUrl: ApiBaseUrl.default(WEBEX_DEFAULT_BASE_URL),
  /** "Use Webex Meetings"; absent keeps the stored choice. Applies from the next sign-in. */
  useMeetings: z.boolean().optional(),
  /** "Use XSI events"; absent keeps the stored choice. Applies from the next sign-in. */
  useXsi: z.boolean().optional(),
});
export type ConfigureWebexArgs = z.infer<typeof ConfigureWebexArgs>;

export const UsePatArgs = z.object({
  /** Absent: the first Webex account, created if there is none. */
  id: AccountId.optional(),
  token: SealedSecret,
  baseUrl: ApiBaseUrl.optional(),
});

export const ConfigureVideoSdkArgs = z.object({
  id: AccountId.optional(),
  apiKey: ApiKey,
  /** Required for a new account; absent keeps the stored one. */
  secret: SealedSecret.optional(),
  /** The API origin; absent: VideoSDK's own. */
  baseUrl: ApiBaseUrl.optional(),
});

const AccountRef = z.object({ id: AccountId });

export const accountsChannels = {
  'accounts:list': channel(None, AccountsSnapshot),
  'accounts:sealingKey': channel(None, SealingKey),
  'accounts:configureWebex': channel(ConfigureWebexArgs, AccountsSnapshot),
  /** Resolves once the browser came back (or the wait failed); progress shows in accounts:changed. */
  'accounts:signIn': channel(AccountRef, AccountsSnapshot),
  'accounts:cancelSignIn': channel(AccountRef, Done),
  'accounts:usePat': channel(UsePatArgs, AccountsSnapshot),
  'accounts:signOut': channel(AccountRef, AccountsSnapshot),
  'accounts:configureVideoSdk': channel(ConfigureVideoSdkArgs, AccountsSnapshot),
  'accounts:removeVideoSdk': channel(AccountRef, AccountsSnapshot),
  'accounts:setPersistence': channel(z.object({ persist: z.boolean() }), AccountsSnapshot),
} as const;

export const accountsEvents = {
  'accounts:changed': AccountsSnapshot,
} as const;
