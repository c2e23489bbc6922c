import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mintVideoSdkToken } from '../../../main/auth/videosdk-token.js';

describe('VideoSDK tokens', () => {
  const secret = 'vsdk-secret-0123456789abcdef';
  const token = mintVideoSdkToken({ apiKey: 'key-1', secret, now: Date.parse('2026-03-02T09:00:00Z') });
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

  it('is an HS256 JWT signed with the API secret', () => {
    expect(json(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(signature).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
    expect(createHmac('sha256', 'another-secret').update(`${header}.${payload}`).digest('base64url')).not.toBe(signature);
  });

  it('carries apikey, permissions, version 2 and a short life', () => {
    const iat = Date.parse('2026-03-02T09:00:00Z') / 1000;
    expect(json(payload)).toEqual({ apikey: 'key-1', permissions: ['allow_join'], version: 2, iat, exp: iat + 300 });
    const custom = mintVideoSdkToken({ apiKey: 'k', secret, now: 0, ttlSec: 60, permissions: ['allow_mod'] });
    expect(json(custom.split('.')[1]!)).toEqual({ apikey: 'k', permissions: ['allow_mod'], version: 2, iat: 0, exp: 60 });
  });

  it('is bare (no Bearer prefix) and does not contain the secret', () => {
    expect(token).toMatch(/^eyJ/);
    expect(token).not.toContain(secret);
    expect(token).not.toContain(Buffer.from(secret).toString('base64url'));
  });
});
