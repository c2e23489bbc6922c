/** Notes ("Answered elsewhere: …", "Parked on …") are news: they expire, and only a few show. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../renderer/store/app-store';
import { MAX_NOTES, NOTE_TTL_MS } from '../../../renderer/store/ui-slice';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('notes', () => {
  it('expire after their time, each on its own clock', () => {
    const store = createAppStore();
    const ui = () => store.getState().ui;
    ui().pushNote({ kind: 'answered-elsewhere', text: 'Answered elsewhere: Chen Wei' });
    vi.advanceTimersByTime(5_000);
    ui().pushNote({ kind: 'parked', text: 'Parked on 4102: Ana Silva', parkedOn: '4102' });
    vi.advanceTimersByTime(NOTE_TTL_MS['answered-elsewhere'] - 5_000 - 1);
    expect(ui().notes.map((n) => n.text)).toEqual(['Parked on 4102: Ana Silva', 'Answered elsewhere: Chen Wei']);
    vi.advanceTimersByTime(1);
    expect(ui().notes.map((n) => n.text)).toEqual(['Parked on 4102: Ana Silva']);
    vi.advanceTimersByTime(NOTE_TTL_MS.parked);
    expect(ui().notes).toEqual([]);
  });

  it('never pile up beyond a few, newest first; dismissed or dropped ones leave no timer behind', () => {
    const store = createAppStore();
    const ui = () => store.getState().ui;
    for (let i = 1; i <= 6; i++) ui().pushNote({ kind: 'missed', text: `Missed call: caller ${i}` });
    expect(ui().notes.map((n) => n.text)).toEqual(['Missed call: caller 6', 'Missed call: caller 5', 'Missed call: caller 4']);
    expect(ui().notes).toHaveLength(MAX_NOTES);
    ui().dismissNote(ui().notes[0]?.id ?? -1);
    expect(vi.getTimerCount()).toBe(MAX_NOTES - 1);
    vi.advanceTimersByTime(NOTE_TTL_MS.missed);
    expect(ui().notes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
