import { describe, expect, it } from 'vitest';
import { readSipTarget } from '../../../preload/common/sip-target.js';

describe('"Call to": a SIP address or a phone number', () => {
  it.each([
    ['+14155550123', '+14155550123', 'phone'],
    [' +1 (415) 555-0123 ', '+14155550123', 'phone'],
    ['(415) 555-0123', '+14155550123', 'phone'],
    ['+44 20 7946 0958', '+442079460958', 'phone'],
    ['\u202a+14155550123\u202c', '+14155550123', 'phone'],
    ['sip:+919099999999@sip.twilio.com', 'sip:+919099999999@sip.twilio.com', 'sip'],
    ['SIP:alice@example.com', 'sip:alice@example.com', 'sip'],
    ['sips:alice@example.com:5061;transport=tls', 'sips:alice@example.com:5061;transport=tls', 'sip'],
    ['alice@example.com', 'sip:alice@example.com', 'sip'],
    ['sip:bob@[2001:db8::1]', 'sip:bob@[2001:db8::1]', 'sip'],
  ])('%j goes out as %s', (input, value, kind) => {
    expect(readSipTarget(input, 'US')).toEqual({ ok: true, value, kind });
  });

  it.each([
    ['', 'Enter a phone number or a SIP address.'],
    ['   ', 'Enter a phone number or a SIP address.'],
    ['call bob', 'A phone number cannot contain letters'],
    ['12', 'not a valid phone number'],
    ['+1 415 555 01234567', 'not a valid phone number'],
    ['1+4155550123', 'not a phone number'],
    ['415;555', 'not a phone number'],
    ['sip:@example.com', 'not a SIP address'],
    ['sip:alice@', 'not a SIP address'],
    ['sip:alice@exa mple.com', 'not a SIP address'],
    ['sip:alice@-bad-.com', 'not a SIP address'],
    ['+14155550123\nrm -rf', 'line break or tab'],
    ['9'.repeat(300), 'too long'],
  ])('refuses %j', (input, reason) => {
    const read = readSipTarget(input, 'US');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(reason);
  });
});
