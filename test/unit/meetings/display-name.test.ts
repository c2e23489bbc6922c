import { describe, expect, it } from 'vitest';
import { CALLOUT_DISPLAY_NAME_MAX, cleanDisplayName, displayNameLength, meetingNumberDigits } from '../../../preload/common/meetings.js';

describe('the 32-character display name rule counts characters, not bytes', () => {
  it.each([
    ['plain ASCII', 'Boardroom', 9],
    ['accent typed as e + combining acute (NFD)', 'Ze\u0301lie', 5],
    ['precomposed accent (NFC)', 'Zélie', 5],
    ['emoji with a skin tone', '👍🏽', 1],
    ['ZWJ family emoji', '👨‍👩‍👧‍👦', 1],
    ['flag (two regional indicators)', '🇫🇷', 1],
    ['CJK', '会议室', 3],
    ['Hangul jamo sequence', '\u1100\u1161\u11A8', 1],
  ])('%s', (_what, name, expected) => {
    expect(displayNameLength(name)).toBe(expected);
  });

  it('32 emoji fit although they are 128 UTF-8 bytes and 64 UTF-16 units', () => {
    const name = '😀'.repeat(32);
    expect(new TextEncoder().encode(name).length).toBe(128);
    expect(name.length).toBe(64);
    expect(displayNameLength(name)).toBe(CALLOUT_DISPLAY_NAME_MAX);
    expect(displayNameLength(`${name}😀`)).toBe(33);
  });

  it('32 letters with combining accents are 32, and NFC is what is sent', () => {
    const name = 'e\u0301'.repeat(32);
    expect(displayNameLength(name)).toBe(32);
    expect(cleanDisplayName(`  ${name} `)).toBe('é'.repeat(32));
  });
});

describe('meeting numbers', () => {
  it('accept the spaced and dashed forms people read out', () => {
    expect(meetingNumberDigits('2634 555 1234')).toBe('26345551234');
    expect(meetingNumberDigits('2634-555-1234')).toBe('26345551234');
    expect(meetingNumberDigits('\u00a02634\u00a0555\u00a01234 ')).toBe('26345551234');
  });
  it('refuse what is not a meeting number', () => {
    expect(meetingNumberDigits('12345')).toBeUndefined();
    expect(meetingNumberDigits('2634 555 12a4')).toBeUndefined();
    expect(meetingNumberDigits('d8c3347d7ec04242ba9b856184b334ac')).toBeUndefined();
  });
});
