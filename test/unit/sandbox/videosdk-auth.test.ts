import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkVideoSdkToken } from '../../../main/sandbox/videosdk-auth.js';

const project = { apiKey: 'line-key', secret: 'line-secret' };
const NOW = Date.parse('2026-03-02T09:00:00Z');
const iat = NOW / 1000;

function jwt(payload: Record<string, unknown>, opts: { secret?: string; header?: Record<string, unknown> } = {}): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${enc(opts.header ?? { alg: 'HS256', typ: 'JWT' })}.${enc(payload)}`;
  return `${input}.${createHmac('sha256', opts.secret ?? project.secret).update(input).digest('base64url')}`;
}

const good = { apikey: 'line-key', permissions: ['allow_join'], version: 2, roles: ['crawler'], iat, exp: iat + 300 };
const check = (header: string | undefined) => checkVideoSdkToken(header, [project], NOW);

describe('the built-in line’s VideoSDK token check', () => {
  it('accepts a bare, well-signed crawler token', () => {
    expect(check(jwt(good))).toEqual({ ok: true, apiKey: 'line-key' });
  });

  it.each([
    ['no header', undefined, 'Authorization token is missing.'],
    ['an empty header', '', 'Authorization token is missing.'],
    ['a Bearer prefix', `Bearer ${jwt(good)}`, 'Invalid token: send the JWT itself in Authorization, without "Bearer ".'],
    ['a lower-case bearer prefix', `bearer ${jwt(good)}`, 'Invalid token: send the JWT itself in Authorization, without "Bearer ".'],
    ['not a JWT', 'sandbox_token', 'Invalid token: not a JWT.'],
    ['garbage parts', 'a.b.c', 'Invalid token: not a JWT.'],
    ['another algorithm', jwt(good, { header: { alg: 'none', typ: 'JWT' } }), 'Invalid token: only HS256 is accepted.'],
    ['an unknown apikey', jwt({ ...good, apikey: 'other' }), 'Invalid token: unknown apikey.'],
    ['the wrong secret', jwt(good, { secret: 'guess' }), 'Invalid token: signature does not match.'],
    ['version 1', jwt({ ...good, version: 1 }), 'Invalid token: version must be 2.'],
    ['no version', jwt({ ...good, version: undefined }), 'Invalid token: version must be 2.'],
    ['a participant role', jwt({ ...good, roles: ['rtc'] }), 'Invalid token: the crawler role is required for API calls.'],
    ['no expiry', jwt({ ...good, exp: undefined }), 'Invalid token: no expiry.'],
    ['an expired token', jwt({ ...good, exp: iat }), 'Token expired.'],
    ['a token from the future', jwt({ ...good, iat: iat + 3600, exp: iat + 7200 }), 'Invalid token: issued in the future.'],
  ])('refuses %s', (_, header, message) => {
    expect(check(header)).toEqual({ ok: false, message });
  });

  it('refuses a payload edited after signing', () => {
    const [h, , s] = jwt(good).split('.');
    const forged = Buffer.from(JSON.stringify({ ...good, apikey: 'line-key', exp: iat + 99_999 })).toString('base64url');
    expect(check(`${h}.${forged}.${s}`)).toEqual({ ok: false, message: 'Invalid token: signature does not match.' });
  });
});
