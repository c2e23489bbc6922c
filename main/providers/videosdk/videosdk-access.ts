/**
 * What VideoSDK requests need from an account: where to send them and a fresh token for each.
 * The accounts feature makes one (the secret stays inside `mint`); the VideoSDK feature uses it.
 */
export interface VideoSdkAccess {
  /** The API origin, e.g. https://api.videosdk.live. */
  baseUrl: string;
  /** A saved account, the developer's environment account, or the demo line's. */
  source: 'saved' | 'environment' | 'demo';
  /** On the demo line: a trunk and a gateway that exist there. */
  demo?: { trunkId: string; gatewayId: string; roomId?: string };
  /** A new short-lived token: the bare JWT. */
  mint(): string;
}
