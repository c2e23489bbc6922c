import { describe, expect, test } from 'vitest';
import { formatDuration, secondsOnCall } from '../../../preload/common/duration';

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

describe('secondsOnCall', () => {
  test('counts from the answer, or from creation when never answered', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    expect(secondsOnCall({ createdAt: '2026-01-01T00:00:00Z', answeredAt: '2026-01-01T00:00:30Z' }, now)).toBe(30);
    expect(secondsOnCall({ createdAt: '2026-01-01T00:00:00Z' }, now)).toBe(60);
    expect(secondsOnCall({ createdAt: 'garbage' }, now)).toBe(0);
  });
});
