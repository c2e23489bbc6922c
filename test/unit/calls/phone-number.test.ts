import { describe, expect, it } from 'vitest';
import { formatForDisplay, normalizeDestination } from '../../../main/calls/phone-number.js';

type Valid = [input: string, country: string, dial: string, display: string];
const valid: Valid[] = [
  ['+1 (201) 555-0123', 'US', '+12015550123', '(201) 555-0123'],
  ['+12015550123', 'US', '+12015550123', '(201) 555-0123'],
  ['(201) 555-0123', 'US', '+12015550123', '(201) 555-0123'],
  ['201.555.0123', 'US', '+12015550123', '(201) 555-0123'],
  ['1-201-555-0123', 'US', '+12015550123', '(201) 555-0123'],
  ['020 7946 0958', 'GB', '+442079460958', '020 7946 0958'],
  ['+44 20 7946 0958', 'US', '+442079460958', '+44 20 7946 0958'],
  ['011 44 20 7946 0958', 'US', '+442079460958', '+44 20 7946 0958'],
  ['00 49 30 901820', 'GB', '+4930901820', '+49 30 901820'],
  ['+49 (0)30 901820', 'DE', '+4930901820', '030 901820'],
  ['  +1 201 555 0123\n', 'US', '+12015550123', '(201) 555-0123'],
  ['\u202A+1 201 555 0123\u202C', 'US', '+12015550123', '(201) 555-0123'],
  ['+1\u00A0201\u2013555\u20130123', 'US', '+12015550123', '(201) 555-0123'],
  ['＋１ ２０１ ５５５ ０１２３', 'US', '+12015550123', '(201) 555-0123'],
  ['tel:+1-201-555-0123', 'US', '+12015550123', '(201) 555-0123'],
  ['4102', 'US', '4102', '4102'],
  ['41', 'US', '41', '41'],
  ['12345678', 'GB', '12345678', '12345678'],
  ['41-02', 'US', '4102', '4102'],
  ['*73', 'US', '*73', '*73'],
  ['*72 2015550123', 'US', '*722015550123', '*722015550123'],
  ['#31', 'US', '#31', '#31'],
  ['sip:alice@example.com', 'US', 'sip:alice@example.com', 'alice@example.com'],
  ['SIP:alice@example.com', 'US', 'sip:alice@example.com', 'alice@example.com'],
  ['sips:alice@example.com:5061;transport=tls', 'US', 'sips:alice@example.com:5061;transport=tls', 'alice@example.com:5061;transport=tls'],
  ['sip:+12015550123@sip.example.com', 'US', 'sip:+12015550123@sip.example.com', '+12015550123@sip.example.com'],
  ['alice@example.com', 'US', 'alice@example.com', 'alice@example.com'],
  ['alice.silva@eu.example.co.uk', 'US', 'alice.silva@eu.example.co.uk', 'alice.silva@eu.example.co.uk'],
  ['sip:alice@[2001:db8::1]', 'US', 'sip:alice@[2001:db8::1]', 'alice@[2001:db8::1]'],
];

type Invalid = [input: string, country: string, reason: RegExp];
const invalid: Invalid[] = [
  ['call me', 'US', /letters/],
  ['1-800-FLOWERS', 'US', /letters/],
  ['+1 201 555 0123 ext 45', 'US', /letters/],
  ['', 'US', /Enter a number/],
  ['   ', 'US', /Enter a number/],
  ['---', 'US', /Enter a number/],
  ['+1-555', 'US', /too short/],
  ['7', 'US', /too short/],
  ['+1 201 555 0123 4567', 'US', /too long/],
  ['123456789012345678', 'US', /too long/],
  ['+1 555 555 5555', 'US', /not a valid number for that country code/],
  ['555 555 5555', 'US', /not a valid number for your country \(United States\)/],
  ['020 7946 095', 'GB', /United Kingdom/],
  ['+999 1234 5678', 'US', /country code does not exist/],
  ['4102\u0000', 'US', /control characters/],
  ['41\n02', 'US', /control characters/],
  ['+1 201\t555 0123', 'US', /control characters/],
  ['\u0007', 'US', /control characters/],
  ['4'.repeat(257), 'US', /too long: .*256/],
  ['201-555-0123!', 'US', /"!" is not allowed/],
  ['201_555_0123', 'US', /"_" is not allowed/],
  ['1+2015550123', 'US', /\+ can only be the first/],
  ['2015*550123', 'US', /only go at the start of a feature code/],
  ['*', 'US', /feature code is/],
  ['*7a3', 'US', /letters/],
  ['sip:alice', 'US', /looks like sip:name@example.com/],
  ['sip:@example.com', 'US', /before @ is missing/],
  ['alice@', 'US', /after @ is missing/],
  ['alice@example', 'US', /not a valid domain/],
  ['alice@exa mple.com', 'US', /cannot contain spaces/],
  ['al"ice@example.com', 'US', /before @ has characters/],
  ['alice@example.com;transport=tls', 'US', /looks like sip:/],
  ['alice@-example.com', 'US', /not a valid domain/],
  ['sip:alice@example.com:99999', 'US', /not a valid domain/],
  ['2015550123', 'XX', /choose yours in Settings/],
];

describe('normalizeDestination', () => {
  it.each(valid)('accepts %j (%s)', (input, country, dial, display) => {
    expect(normalizeDestination(input, country)).toMatchObject({ ok: true, dial, display });
  });

  it.each(invalid)('rejects %j (%s)', (input, country, reason) => {
    const result = normalizeDestination(input, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('has at least 25 vectors each way', () => {
    expect(valid.length).toBeGreaterThanOrEqual(25);
    expect(invalid.length).toBeGreaterThanOrEqual(25);
  });

  it('says what kind of destination it read', () => {
    expect(normalizeDestination('+12015550123', 'US')).toMatchObject({ kind: 'phone' });
    expect(normalizeDestination('4102', 'US')).toMatchObject({ kind: 'extension' });
    expect(normalizeDestination('*73', 'US')).toMatchObject({ kind: 'feature-code' });
    expect(normalizeDestination('alice@example.com', 'US')).toMatchObject({ kind: 'sip' });
  });

  it('a number with + does not depend on the default country', () => {
    expect(normalizeDestination('+44 20 7946 0958', 'XX')).toMatchObject({ ok: true, dial: '+442079460958' });
  });

  it('accepts exactly 256 characters of a valid address but not 257', () => {
    const host = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.com`;
    const user = 'u'.repeat(256 - 'sip:@'.length - host.length);
    expect(normalizeDestination(`sip:${user}@${host}`, 'US').ok).toBe(true);
    expect(normalizeDestination(`sip:${user}x@${host}`, 'US').ok).toBe(false);
  });
});

describe('formatForDisplay', () => {
  it.each([
    ['+12015550123', 'US', '(201) 555-0123'],
    ['+442079460958', 'US', '+44 20 7946 0958'],
    ['+442079460958', 'GB', '020 7946 0958'],
    ['4102', 'US', '4102'],
    ['*73', 'US', '*73'],
    ['alice@example.com', 'US', 'alice@example.com'],
    ['+1555', 'US', '+1555'],
  ])('%s in %s reads %s', (number, country, expected) => {
    expect(formatForDisplay(number, country)).toBe(expected);
  });
});
