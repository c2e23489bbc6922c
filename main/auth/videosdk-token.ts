import { generateToken } from '@videosdk.live/server-sdk';

/** Minutes, not the SDK's default day: a token is minted per request and only has to outlive it. */
export const VIDEOSDK_TOKEN_TTL_SEC = 5 * 60;

export interface VideoSdkKey {
  apiKey: string;
  secret: string;
}

/**
 * A short-lived server token, signed by VideoSDK's own SDK: HS256 with the API secret over
 * `{ apikey, permissions, version: 2, roles: ["crawler"], iat, exp }`. VideoSDK wants it as the bare
 * Authorization value, without "Bearer". Minted per request in main; neither the secret nor a
 * token ever crosses the bridge.
 */
export function mintVideoSdkToken(key: VideoSdkKey, opts: { ttlSec?: number } = {}): string {
  return generateToken({
    apiKey: key.apiKey,
    secretKey: key.secret,
    version: 2,
    roles: ['crawler'],
    expiresIn: opts.ttlSec ?? VIDEOSDK_TOKEN_TTL_SEC,
  });
}
