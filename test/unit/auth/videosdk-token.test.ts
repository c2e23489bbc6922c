import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mintVideoSdkToken, VIDEOSDK_TOKEN_TTL_SEC } from '../../../main/auth/videosdk-token.js';
import { checkVideoSdkToken } from '../../../main/sandbox/videosdk-auth.js';

const key = { apiKey: 'key-1', secret: 'vsdk-secret-0123456789abcdef' };
const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

afterEach(() => vi.useRealTimers());

describe('VideoSDK tokens (minted with the SDK)', () => {
  it('are HS256 JWTs signed with the API secret', () => {
    const [header, payload, signature] = mintVideoSdkToken(key).split('.') as [string, string, string];
    expect(json(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(signature).toBe(createHmac('sha256', key.secret).update(`${header}.${payload}`).digest('base64url'));
    expect(createHmac('sha256', 'another-secret').update(`${header}.${payload}`).digest('base64url')).not.toBe(signature);
  });

  it('carry apikey, version 2, the crawler role, and live minutes, not a day', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-02T09:00:00Z'));
    const iat = Date.parse('2026-03-02T09:00:00Z') / 1000;
    const claims = json(mintVideoSdkToken(key).split('.')[1]!);
    expect(claims).toMatchObject({ apikey: 'key-1', version: 2, roles: ['crawler'], iat, exp: iat + VIDEOSDK_TOKEN_TTL_SEC });
    expect(VIDEOSDK_TOKEN_TTL_SEC).toBeLessThanOrEqual(15 * 60);
    expect(json(mintVideoSdkToken(key, { ttlSec: 60 }).split('.')[1]!)).toMatchObject({ exp: iat + 60 });
  });

  it('are bare: no "Bearer", and nothing of the secret', () => {
    const token = mintVideoSdkToken(key);
    expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token).not.toMatch(/bearer/i);
    expect(token).not.toContain(key.secret);
    expect(token).not.toContain(Buffer.from(key.secret).toString('base64url'));
  });

  it('pass the built-in line’s check as they are, and fail it with a "Bearer " prefix', () => {
    const token = mintVideoSdkToken(key);
    expect(checkVideoSdkToken(token, [key], Date.now())).toEqual({ ok: true, apiKey: 'key-1' });
    expect(checkVideoSdkToken(`Bearer ${token}`, [key], Date.now())).toMatchObject({ ok: false });
  });
});
