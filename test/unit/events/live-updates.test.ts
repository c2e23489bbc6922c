/**
 * The orchestrator on a fake clock with push sources that implement the real port: which source is
 * live, what each signal refreshes, how late, doubled and out-of-order events are absorbed, and
 * how it falls back to polling and comes back.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import { createLiveUpdates, type PushSourceFactory } from '../../../main/events/live-updates.js';
import type { PushHealth, PushSignal, PushSource, PushSourceKind, PushTopic } from '../../../main/events/push-source.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

class ScriptedSource implements PushSource {
  readonly signals = new Set<(signal: PushSignal) => void>();
  readonly healths = new Set<(health: PushHealth) => void>();
  started = 0;
  stopped = 0;
  readonly topics: readonly PushTopic[] = ['calls', 'voicemail'];
  /** What followRoster was told, in order. */
  readonly roster: boolean[] = [];
  constructor(
    readonly kind: PushSourceKind,
    private readonly fails?: string,
  ) {}
  async start() {
    this.started += 1;
    if (this.fails) throw new AppError('forbidden', this.fails);
  }
  async stop() {
    this.stopped += 1;
  }
  async followRoster(on: boolean) {
    this.roster.push(on);
  }
  onSignal(listener: (signal: PushSignal) => void) {
    this.signals.add(listener);
    return () => this.signals.delete(listener);
  }
  onHealth(listener: (health: PushHealth) => void) {
    this.healths.add(listener);
    return () => this.healths.delete(listener);
  }
  send(signal: PushSignal) {
    for (const l of this.signals) l(signal);
  }
  health(h: PushHealth) {
    for (const l of this.healths) l(h);
  }
}

function setup(sources: PushSourceFactory[]) {
  const clock = new FakeClock(0);
  const refreshed: string[] = [];
  const nets: Array<number | undefined> = [];
  const live = createLiveUpdates({
    sources,
    clock,
    log: new MemoryLogger(),
    refresh: { calls: () => refreshed.push('calls'), voicemail: () => refreshed.push('voicemail'), roster: () => refreshed.push('roster') },
    setSafetyNet: (ms) => nets.push(ms),
    timings: { safetyNetMs: 30_000, silenceGraceMs: 20_000, retryMs: 60_000 },
  });
  return { clock, refreshed, nets, live };
}

describe('live updates', () => {
  it('prefers the first source that starts; polling slows to the safety net while it is live', async () => {
    const xsi = new ScriptedSource('xsi', 'XSI is not enabled for this organisation.');
    const hooks = new ScriptedSource('webhooks');
    const { live, nets } = setup([() => xsi, () => hooks]);
    await live.start();
    expect(live.status()).toEqual({ source: 'webhooks' });
    expect(nets.at(-1)).toBe(30_000);
    expect(xsi.started).toBe(1);
  });

  it('with no source that works, stays on polling and says why', async () => {
    const { live, nets } = setup([() => new ScriptedSource('webhooks', 'no scope'), () => undefined]);
    await live.start();
    expect(live.status()).toEqual({ source: 'poll', problem: 'Webhooks: no scope' });
    expect(nets.at(-1)).toBeUndefined();
  });

  it('[EVT-07] refreshes per topic, once per newer event: late, repeated and out-of-order events cost nothing', async () => {
    const hooks = new ScriptedSource('webhooks');
    const { live, refreshed } = setup([() => hooks]);
    await live.start();
    hooks.send({ topic: 'calls', id: 'c1', eventTime: 2_000 });
    hooks.send({ topic: 'calls', id: 'c1', eventTime: 2_000 }); // the same again
    hooks.send({ topic: 'calls', id: 'c1', eventTime: 1_000 }); // older, arriving late
    hooks.send({ topic: 'calls', id: 'c2', eventTime: 1_000 }); // another call
    hooks.send({ topic: 'calls', id: 'c1', eventTime: 3_000 }); // newer
    hooks.send({ topic: 'voicemail' });
    hooks.send({ topic: 'roster', id: 'm1' });
    expect(refreshed).toEqual(['calls', 'calls', 'calls', 'voicemail', 'roster']);
  });

  it('[EVT-06] a source that says it is down falls back to polling at once; a signal brings it back', async () => {
    const hooks = new ScriptedSource('webhooks');
    const { live, refreshed, nets } = setup([() => hooks]);
    await live.start();
    hooks.health({ state: 'down', reason: 'Webex turned the webhooks off' });
    expect(live.status()).toEqual({ source: 'poll', problem: 'Webex turned the webhooks off' });
    expect(nets.at(-1)).toBeUndefined();
    expect(refreshed).toEqual(['calls']);
    hooks.health({ state: 'live' });
    hooks.send({ topic: 'calls' });
    expect(live.status()).toEqual({ source: 'webhooks' });
  });

  it('a change the poll saw that no signal announced means the source went quiet: polling, then restarts until a signal proves it', async () => {
    const made: ScriptedSource[] = [];
    const { live, clock } = setup([() => (made.push(new ScriptedSource('webhooks')), made.at(-1))]);
    await live.start();
    await clock.advanceAsync(25_000);
    live.pollSawChange();
    await clock.advanceAsync(19_000);
    expect(live.status().source).toBe('webhooks');
    await clock.advanceAsync(1_000);
    expect(live.status()).toMatchObject({ source: 'poll', problem: expect.stringMatching(/relay/) });
    // A minute later it starts afresh (new webhooks), still on polling until something arrives.
    await clock.advanceAsync(60_000);
    expect(made).toHaveLength(2);
    expect(made[0]!.stopped).toBe(1);
    expect(live.status().source).toBe('poll');
    made[1]!.send({ topic: 'calls', id: 'c9', eventTime: 1 });
    expect(live.status()).toEqual({ source: 'webhooks' });
  });

  it('a change shortly after a signal is taken as announced', async () => {
    const hooks = new ScriptedSource('webhooks');
    const { live, clock } = setup([() => hooks]);
    await live.start();
    await clock.advanceAsync(40_000);
    hooks.send({ topic: 'calls', id: 'c1', eventTime: 1 });
    live.pollSawChange();
    await clock.advanceAsync(60_000);
    expect(live.status()).toEqual({ source: 'webhooks' });
  });

  it('stop removes what the source made and goes back to polling', async () => {
    const hooks = new ScriptedSource('webhooks');
    const { live } = setup([() => hooks]);
    await live.start();
    await live.stop();
    expect(hooks.stopped).toBe(1);
    expect(live.status()).toEqual({ source: 'poll' });
  });

  it('[EVT-10] roster signals follow the meeting I host: asked of the live source at once, of a source started later when it starts, and never twice for the same', async () => {
    const first = new ScriptedSource('webhooks');
    const second = new ScriptedSource('webhooks');
    const made = [first, second];
    const { live } = setup([() => made.shift()]);
    // Hosting before any source is live: the source hears it when it starts.
    live.followRoster(true);
    await live.start();
    expect(first.roster).toEqual([true]);
    live.followRoster(true);
    live.followRoster(false);
    await live.restart();
    expect(first.roster).toEqual([true, false]);
    // A fresh source after a restart is told nothing while nobody hosts.
    expect(second.roster).toEqual([]);
    live.followRoster(true);
    await live.stop();
    expect(second.roster).toEqual([true]);
  });

  it('[EVT-05] says what the live source announces, and nothing while polling', async () => {
    const hooks = new ScriptedSource('webhooks');
    const { live } = setup([() => hooks]);
    expect(live.carries('calls')).toBe(false);
    await live.start();
    expect(live.carries('voicemail')).toBe(true);
    expect(live.carries('roster')).toBe(false);
    hooks.health({ state: 'down', reason: 'relay gone' });
    expect(live.carries('voicemail')).toBe(false);
    await live.stop();
  });
});
