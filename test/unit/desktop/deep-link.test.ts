import { describe, expect, it } from 'vitest';
import { linkFromArgv } from '../../../main/desktop/argv-links.js';
import { MAX_LINK_LENGTH, parseLink, readLink } from '../../../main/desktop/deep-link.js';

type Valid = [link: string, dial: string, extension?: string];
type Invalid = [link: string, reason: RegExp];

// What a person would expect each link to dial, with US as the country for local numbers.
const valid: Valid[] = [
  ['tel:+1-201-555-0123', '+12015550123'],
  ['tel:+1-201-555-0123;ext=42', '+12015550123', '42'],
  ['tel:+1.201.555.0123', '+12015550123'],
  ['tel:+1(201)555-0123', '+12015550123'],
  ['TEL:+12015550123', '+12015550123'],
  ['tel:%2B1%20201%20555%200123', '+12015550123'],
  ['tel://+12015550123', '+12015550123'],
  ['tel:+44-20-7946-0958;ext=1-2-3', '+442079460958', '123'],
  ['tel:+12015550123;isub=1411', '+12015550123'],
  ['tel:+12015550123;unknown-param=x', '+12015550123'],
  ['tel:(201) 555-0123', '+12015550123'],
  ['tel:7042;phone-context=example.com', '7042'],
  ['tel:*73;phone-context=example.com', '*73'],
  ['tel:555-0123;phone-context=+1-201', '+12015550123'],
  ['tel:5550123;PHONE-CONTEXT=+1201', '+12015550123'],
  ['  tel:+12015550123\n', '+12015550123'],
  ['sip:alice@example.com', 'sip:alice@example.com'],
  ['sip:alice@example.com;transport=tls', 'sip:alice@example.com;transport=tls'],
  ['sips:bob@example.com:5061', 'sips:bob@example.com:5061'],
  ['SIP:alice@example.com', 'sip:alice@example.com'],
  ['sip:+12015550123@example.com;user=phone', 'sip:+12015550123@example.com;user=phone'],
  ['sip:alice@example.com?subject=hello&priority=urgent', 'sip:alice@example.com'],
  ['sip:alice%2Esmith@example.com', 'sip:alice.smith@example.com'],
  ['callto:+12015550123', '+12015550123'],
  ['callto://+1-201-555-0123', '+12015550123'],
  ['callto:alice@example.com', 'alice@example.com'],
];

const invalid: Invalid[] = [
  ['tel:javascript:alert(1)', /letters/],
  ['javascript:alert(1)', /not javascript: links/],
  ['http://example.com/tel:+12015550123', /not http: links/],
  ['file:///etc/passwd', /not file: links/],
  ['tel:', /no number/],
  ['tel:;ext=1', /no number/],
  ['tel:1-800-FLOWERS', /letters/],
  ['tel:+1-201-555-0123;ext=4a', /extension .* digits only/],
  ['tel:+1-201-555-0123;ext=1;ext=2', /names ;ext twice/],
  ['tel:+1-201-555-0123;;ext=1', /empty ;parameter/],
  ['tel:+1+2015550123', /only digits/],
  ['tel:+12015550123%', /broken %-encoding/],
  ['tel:+1201%zz5550123', /broken %-encoding/],
  ['tel:+1201%0A5550123', /control or invisible/],
  ['tel:+1201%005550123', /control or invisible/],
  ['tel:+1201\u202e5550123', /control or invisible/],
  ['tel:+1201\u200b5550123', /control or invisible/],
  ['tel:+1\t2015550123', /control or invisible/],
  ['tel:%2B1%3B2015550123', /only digits/],
  ['tel:5550123;phone-context=+1-2x1', /not a valid number prefix/],
  ['tel:5550123;phone-context=exa_mple..com', /neither a number prefix nor a domain/],
  ['tel:+1-201-555-0123;ext=%3Cscript%3E', /characters a phone link cannot use/],
  ['tel:1', /too short/],
  ['tel:+999123456', /country code does not exist/],
  [`tel:+1${'0'.repeat(MAX_LINK_LENGTH)}`, /too long/],
  ['sip:example.com', /user and a domain/],
  ['sip:alice:secret@example.com', /password/],
  ['sip:alice%40evil.com@example.com', /one @/],
  ['sip:alice@exa%6Dple.com', /cannot be %-encoded/],
  ['sip:alice@example', /not a valid domain/],
  ['sip:alice@example.com;transport=<tls>', /SIP address looks like/],
  ['sip:ali ce@example.com', /spaces/],
  ['callto:echo123', /letters/],
  ['callto:+12015550123;type=skype', /options/],
  ['callto:', /no number/],
  ['', /not a phone link/],
];

describe('reading tel:, sip:, sips: and callto: links', () => {
  it('has at least 30 vectors, valid and hostile', () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(30);
  });

  it.each(valid)('%s dials %s', (link, dial, extension) => {
    const result = readLink(link, 'US');
    expect(result).toMatchObject({ ok: true, dial });
    if (result.ok) expect(result.extension).toBe(extension);
  });

  it.each(invalid)('%s is refused (%s)', (link, reason) => {
    const result = readLink(link, 'US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('keeps the scheme and shows numbers the way a person reads them', () => {
    expect(readLink('tel:+1-201-555-0123', 'US')).toMatchObject({ scheme: 'tel', display: '(201) 555-0123' });
    expect(readLink('tel:+1-201-555-0123', 'GB')).toMatchObject({ display: '+1 201 555 0123' });
    expect(readLink('sips:bob@example.com', 'US')).toMatchObject({ scheme: 'sips', display: 'bob@example.com' });
  });

  it('refuses an overlong link before looking inside it', () => {
    expect(parseLink(`sip:${'a'.repeat(MAX_LINK_LENGTH)}@example.com`)).toEqual({ ok: false, reason: expect.stringMatching(/too long/) });
  });
});

describe('links on the command line', () => {
  it('finds the link after Chromium switches and the -- separator', () => {
    expect(linkFromArgv(['C:\\CallDeck\\CallDeck.exe', '--allow-file-access', '--', 'tel:+12015550123'])).toBe('tel:+12015550123');
    expect(linkFromArgv(['/opt/CallDeck/calldeck', 'SIP:alice@example.com'])).toBe('SIP:alice@example.com');
  });

  it('ignores switches that merely contain a scheme, and anything that is not a phone link', () => {
    expect(linkFromArgv(['calldeck', '--url=tel:+12015550123'])).toBeUndefined();
    expect(linkFromArgv(['calldeck', 'https://example.com', 'notes.txt'])).toBeUndefined();
    expect(linkFromArgv([])).toBeUndefined();
  });

  it('takes the first link when there are several', () => {
    expect(linkFromArgv(['calldeck', 'callto:+12015550123', 'tel:+442079460958'])).toBe('callto:+12015550123');
  });
});
