/**
 * Logs are redacted by construction: the core wraps whatever logger it is given, so the
 * Authorization header, token and secret fields, JWTs and credentials in URLs never reach a log,
 * from any line of code, on any path (the fault table's paths included).
 */
import { describe, expect, it } from 'vitest';
import { createConsoleLogger, redact, redactingLogger } from '../../main/core/console-logger.js';
import { mintVideoSdkToken } from '../../main/auth/videosdk-token.js';
import { MemoryLogger } from '../fakes/in-memory-ports.js';
import { FAULT_KINDS } from './kit/fault-kinds.js';
import { createWorld } from './kit/world.js';

const JWT = mintVideoSdkToken({ apiKey: 'k', secret: 's' });

describe('redact', () => {
  it.each([
    ['an Authorization header', { headers: { Authorization: 'Bearer tok_live_123' } }, 'tok_live_123'],
    ['a lower-case authorization field', { authorization: 'Basic dXNlcjpwYXNz' }, 'dXNlcjpwYXNz'],
    ['a bare VideoSDK JWT as a header value', { headers: { authorization: JWT } }, JWT],
    ['a JWT inside free text', { note: `sent ${JWT} to the API` }, JWT],
    ['token fields by name', { accessToken: 'at_1', refresh_token: 'rt_1', idToken: 'id_1' }, 'at_1'],
    ['secret fields by name', { clientSecret: 'cs_1', apiSecret: 'as_1', password: 'pw_1' }, 'cs_1'],
    ['a token in a URL query', { url: 'http://127.0.0.1:6001/callback?code=auth_code_9&state=s' }, 'auth_code_9'],
    ['an access_token in a URL', { url: 'https://x/cb#a?access_token=at_2&x=1' }, 'at_2'],
    ['a bearer token in an Error message', { error: new Error('request with Bearer tok_err_1 failed') }, 'tok_err_1'],
    ['deeply nested', { a: [{ b: { c: { authorization: 'Bearer deep_1' } } }] }, 'deep_1'],
  ])('%s', (_name, fields, secret) => {
    expect(JSON.stringify(redact(fields))).not.toContain(secret);
  });

  it('keeps an Error readable (name and message), minus the secret', () => {
    expect(redact(new Error('refused Bearer x1'))).toMatchObject({ name: 'Error', message: 'refused Bearer [redacted]' });
  });

  it('leaves ordinary values, trackingIds and call ids alone', () => {
    const fields = { callId: 'Y2lzY29zcGFyazovL3VzL0NBTEwv', trackingId: 'CALLDECK_8c1b7f7e-0a55-4a3b-9d9f-1e2f3a4b5c6d', status: 503, count: 2 };
    expect(redact(fields)).toEqual(fields);
  });
});

describe('by construction', () => {
  it('redactingLogger cleans message and fields before the inner logger sees them', () => {
    const inner = new MemoryLogger();
    redactingLogger(inner).warn(`token is Bearer tok_msg_1 and ${JWT}`, { token: 'tok_field_1' });
    expect(JSON.stringify(inner.lines)).not.toMatch(/tok_msg_1|tok_field_1|eyJ/);
  });

  it('the console logger redacts too', () => {
    const lines: string[] = [];
    createConsoleLogger((l) => lines.push(l)).error('x', { clientSecret: 'cs_console' });
    expect(lines.join('')).not.toContain('cs_console');
  });

  it('a core given a plain logger still never logs a secret: every fault kind on polls and actions, sign-in and refresh included', async () => {
    const world = await createWorld();
    try {
      await world.signInWithOAuth();
      world.line.control.incomingCall({ from: { number: '+14155550100' } });
      await world.run(3_000);
      for (const kind of FAULT_KINDS) {
        await kind.arm(world, '/telephony/calls');
        await world.run(4_000);
        await world.call('calls:dial', { destination: '+14155550123' });
        await kind.disarm(world);
        await world.run(16_000);
      }
      world.line.oauth.expireAccessTokens();
      await world.run(3_000);
      world.line.oauth.revokeRefreshTokens();
      world.line.oauth.expireAccessTokens();
      await world.run(3_000);
      const { accessTokens, refreshTokens } = world.line.oauth.issued();
      const secrets = [...accessTokens, ...refreshTokens, world.line.oauth.client.secret, world.line.token];
      expect(refreshTokens.length).toBeGreaterThan(0);
      const logged = JSON.stringify(world.log.lines);
      // The search can see: failures were logged.
      expect(logged).toContain('http request failed');
      expect(secrets.filter((s) => logged.includes(s))).toEqual([]);
    } finally {
      await world.close();
    }
  }, 30_000);
});
