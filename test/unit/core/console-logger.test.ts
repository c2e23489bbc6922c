import { describe, expect, it } from 'vitest';
import { createConsoleLogger, redact } from '../../../main/core/console-logger.js';
import { mintVideoSdkToken } from '../../../main/auth/videosdk-token.js';

describe('log redaction', () => {
  it('hides secret-named fields and bearer tokens anywhere in a line', () => {
    const lines: string[] = [];
    const log = createConsoleLogger((line) => lines.push(line));
    log.info('calling with Bearer abc.def.ghi', { headers: { Authorization: 'Bearer abc.def.ghi' }, refresh_token: 'r1', nested: [{ clientSecret: 's' }] });
    expect(lines[0]).not.toMatch(/abc\.def\.ghi|r1|"s"/);
    expect(lines[0]).toContain('[redacted]');
  });

  it('leaves ordinary values alone', () => {
    expect(redact({ callId: 'c1', count: 2 })).toEqual({ callId: 'c1', count: 2 });
  });

  it('hides Authorization headers, bearer tokens and bare JWTs', () => {
    const jwt = mintVideoSdkToken({ apiKey: 'k', secret: 's' });
    const out = JSON.stringify(
      redact({
        headers: { Authorization: jwt, authorization: 'Bearer sandbox_at_abc' },
        note: `sent Authorization: ${jwt}`,
        other: 'Bearer sandbox_at_abc',
      }),
    );
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('sandbox_at_abc');
    expect(out).toContain('[redacted jwt]');
  });
});
