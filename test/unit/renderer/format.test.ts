import { describe, expect, test } from 'vitest';
import { formatDuration } from '../../../renderer/format/duration';
import { formatNumber, partyName } from '../../../renderer/format/phone';

describe('formatNumber', () => {
  test.each([
    ['+12015550123', '+1 201 555 0123'],
    ['+442071838750', '+44 20 7183 8750'],
    ['4102', '4102'],
    ['sip:desk@example.com', 'sip:desk@example.com'],
    ['desk@example.com', 'desk@example.com'],
    ['+1 201 555 0123 x12', '+1 201 555 0123 x12'],
    ['12', '12'],
  ])('%s → %s', (raw, shown) => {
    expect(formatNumber(raw)).toBe(shown);
  });
});

describe('partyName', () => {
  test('prefers the name, then the formatted number, and respects privacy', () => {
    expect(partyName({ name: 'Ana Silva', number: '+12015550123', privacy: false })).toBe('Ana Silva');
    expect(partyName({ number: '+12015550123', privacy: false })).toBe('+1 201 555 0123');
    expect(partyName({ number: '+12015550123', privacy: true })).toBe('Private number');
    expect(partyName({ privacy: false })).toBe('Unknown caller');
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '00:00'],
    [-5, '00:00'],
    [59.9, '00:59'],
    [61, '01:01'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [36_061, '10:01:01'],
  ])('%s s → %s', (seconds, shown) => {
    expect(formatDuration(seconds)).toBe(shown);
  });
});
