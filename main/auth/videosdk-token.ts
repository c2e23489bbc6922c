import { createHmac } from 'node:crypto';

const VIDEOSDK_TOKEN_TTL_SEC = 300;

export interface VideoSdkTokenOptions {
  apiKey: string;
  secret: string;
  /** Epoch ms. */
  now: number;
  permissions?: string[];
  ttlSec?: number;
}

/**
 * A short-lived VideoSDK token: HS256 over `{ apikey, permissions, version: 2, iat, exp }`, signed
 * with the API secret. VideoSDK wants it as the bare Authorization value, without "Bearer".
 * Minted per use in main; neither the secret nor a token ever crosses the bridge.
 */
export function mintVideoSdkToken(opts: VideoSdkTokenOptions): string {
  const iat = Math.floor(opts.now / 1000);
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = {
    apikey: opts.apiKey,
    permissions: opts.permissions ?? ['allow_join'],
    version: 2,
    iat,
    exp: iat + (opts.ttlSec ?? VIDEOSDK_TOKEN_TTL_SEC),
  };
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = createHmac('sha256', opts.secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
