import { describe, expect, test } from 'vitest';
import { formatNumber, partyDetail, partyName } from '../../../preload/common/party-text';

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

describe('partyDetail', () => {
  test('shows the number under a name, says a named private caller withheld it, and repeats nothing', () => {
    expect(partyDetail({ name: 'Ana Silva', number: '+12015550123', privacy: false })).toBe('+1 201 555 0123');
    expect(partyDetail({ name: 'Ana Silva', number: '+12015550123', privacy: true })).toBe('Private number');
    expect(partyDetail({ number: '+12015550123', privacy: true })).toBeUndefined();
    expect(partyDetail({ number: '+12015550123', privacy: false })).toBeUndefined();
    expect(partyDetail({ name: 'Reception', privacy: false })).toBeUndefined();
  });
});
