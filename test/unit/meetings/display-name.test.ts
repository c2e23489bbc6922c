import { describe, expect, it } from 'vitest';
import { CALLOUT_DISPLAY_NAME_MAX, cleanDisplayName, displayNameLength, meetingNumberDigits, WEBEX_MEETING_ID } from '../../../preload/common/meetings.js';

describe('[MTG-11] the 32-character display name rule counts UTF-16 code units, the strictest likely count', () => {
  it.each([
    ['plain ASCII', 'Boardroom', 9],
    ['accent typed as e + combining acute (NFD), composed by NFC', 'Ze\u0301lie', 5],
    ['precomposed accent (NFC)', 'Zélie', 5],
    ['emoji with a skin tone: two code points, two units each', '👍🏽', 4],
    ['ZWJ family emoji', '👨‍👩‍👧‍👦', 11],
    ['flag (two regional indicators)', '🇫🇷', 4],
    ['CJK', '会议室', 3],
    ['Hangul jamo sequence, composed by NFC', '\u1100\u1161\u11A8', 1],
  ])('%s', (_what, name, expected) => {
    expect(displayNameLength(name)).toBe(expected);
  });

  it('16 emoji fit (32 units); 17 do not, although a person counts 17', () => {
    expect(displayNameLength('😀'.repeat(16))).toBe(CALLOUT_DISPLAY_NAME_MAX);
    expect(displayNameLength('😀'.repeat(17))).toBe(34);
  });

  it('32 letters with combining accents are 32 once NFC composes them, and NFC is what is sent', () => {
    const name = 'e\u0301'.repeat(32);
    expect(displayNameLength(name)).toBe(32);
    expect(cleanDisplayName(`  ${name} `)).toBe('é'.repeat(32));
  });
});

describe('meeting numbers and ids', () => {
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
  it('[MTG-04] a Webex meeting id is 32 hex, optionally _I_<digits> or _<yyyymmdd>T<hhmmss>Z', () => {
    for (const id of ['d8c3347d7ec04242ba9b856184b334ac', '560d7b784f5143e3be2fc3064a5c4999_I_204252993233618782', 'dfb45ece33264639a7bc3dd9535d53f7_20200516T230000Z']) {
      expect(WEBEX_MEETING_ID.test(id)).toBe(true);
    }
    for (const id of ['d8c3347d7ec04242ba9b856184b334a', 'd8c3347d7ec04242ba9b856184b334ag', 'dfb45ece33264639a7bc3dd9535d53f7_20200516T2300Z', 'dfb45ece33264639a7bc3dd9535d53f7_I_']) {
      expect(WEBEX_MEETING_ID.test(id)).toBe(false);
    }
  });
});
