import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_CAST,
  DEMO_VOICEMAILS,
  startDemoScenario,
  startTestLine,
  type DemoScenario,
  type IncomingCallInput,
  type TestLine,
} from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { raw, testAgent } from './raw-http.js';

let clock: FakeClock;
let line: TestLine;
let scenario: DemoScenario | undefined;

beforeEach(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock });
});
afterEach(async () => {
  scenario?.stop();
  scenario = undefined;
  await line.close();
});

const alerting = () => line.control.state().calls.filter((c) => c.state === 'alerting');

describe('demo scenario', () => {
  it('first rings a named caller via a hunt group, whatever the randomness', () => {
    for (const value of [0, 0.5, 0.999999]) {
      line.control.reset();
      scenario?.stop();
      scenario = startDemoScenario(line, { clock, random: () => value });
      clock.advance(3_000);
      const [first] = alerting() as Array<{ remoteParty: { name?: string }; redirections?: Array<{ reason: string }> }>;
      expect(first?.remoteParty.name).toBeTruthy();
      expect(first?.redirections?.[0]?.reason).toBe('huntGroup');
    }
  });

  it('rings about 3 s after start, then every 25–45 s', () => {
    scenario = startDemoScenario(line, { clock, random: () => 0 });
    clock.advance(2_999);
    expect(alerting()).toHaveLength(0);
    clock.advance(1);
    expect(alerting()).toHaveLength(1);
    const first = alerting()[0]?.id;
    line.control.answeredElsewhere(first ?? '');
    // random() = 0 picks the shortest gap.
    clock.advance(24_999);
    expect(alerting()).toHaveLength(0);
    clock.advance(1);
    expect(alerting()).toHaveLength(1);
  });

  it('uses the longest gap when random() is at the top of its range', () => {
    scenario = startDemoScenario(line, { clock, random: () => 0.999999 });
    clock.advance(3_000);
    line.control.answeredElsewhere(alerting()[0]?.id ?? '');
    clock.advance(44_999);
    expect(alerting()).toHaveLength(0);
    clock.advance(1);
    expect(alerting()).toHaveLength(1);
  });

  it('callers give up after ~30 s unanswered, leaving missed calls', () => {
    scenario = startDemoScenario(line, { clock, random: () => 0.5 });
    clock.advance(3_000);
    expect(alerting()).toHaveLength(1);
    clock.advance(30_000);
    expect(alerting()).toHaveLength(0);
    expect(line.control.state().history).toEqual([expect.objectContaining({ type: 'missed' })]);
  });

  it('an answered call is not hung up by the caller giving up', async () => {
    scenario = startDemoScenario(line, { clock, random: () => 0.5 });
    clock.advance(3_000);
    const id = alerting()[0]?.id ?? '';
    const agent = testAgent();
    try {
      const res = await raw(agent, `${line.baseUrl}/telephony/calls/answer`, { token: line.token, body: { callId: id } });
      expect(res.status).toBe(204);
    } finally {
      await agent.close();
    }
    clock.advance(30_000);
    expect(line.control.state().calls).toEqual([expect.objectContaining({ id, state: 'connected' })]);
  });

  it('[CC-01] a dial rings the demo user\'s phone, which picks itself up; the dialled party then answers', async () => {
    scenario = startDemoScenario(line, { clock, random: () => 0.5, firstCallAfterMs: 60 * 60_000 });
    const agent = testAgent();
    let callId = '';
    try {
      const res = await raw(agent, `${line.baseUrl}/telephony/calls/dial`, { token: line.token, body: { destination: '1002' } });
      callId = (res.json as { callId: string }).callId;
    } finally {
      await agent.close();
    }
    const call = () => line.control.state().calls.find((c) => c.id === callId);
    expect(call()).toMatchObject({ state: 'alerting', personality: 'clickToDial' });
    clock.advance(1_500);
    expect(call()).toMatchObject({ state: 'connecting', personality: 'originator' });
    clock.advance(2_000);
    expect(call()).toMatchObject({ state: 'connected' });
  });

  it('never lets more than two calls ring, over a long unanswered stretch', () => {
    // Callers never give up within the test, so calls would pile up if the cap were missing.
    scenario = startDemoScenario(line, { clock, random: () => 0, giveUpAfterMs: 10 * 60_000 });
    let most = 0;
    for (let t = 0; t < 5 * 60_000; t += 1_000) {
      clock.advance(1_000);
      most = Math.max(most, alerting().length);
    }
    expect(most).toBe(2);
  });

  it('varies its callers, some via the Sales hunt group and the Support call queue', () => {
    const rung: IncomingCallInput[] = [];
    const spied: TestLine = {
      ...line,
      baseUrl: line.baseUrl,
      token: line.token,
      control: {
        ...line.control,
        incomingCall: (input) => {
          rung.push(input);
          return line.control.incomingCall(input);
        },
      },
    };
    scenario = startDemoScenario(spied, { clock, random: () => 0, giveUpAfterMs: 1_000 });
    clock.advance(10 * 60_000);
    expect(rung.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rung.map((r) => r.from.number)).size).toBe(DEMO_CAST.length);
    expect(rung).toContainEqual(expect.objectContaining({ via: expect.objectContaining({ reason: 'huntGroup', name: 'Sales' }) }));
    expect(rung).toContainEqual(expect.objectContaining({ via: expect.objectContaining({ reason: 'callQueue', name: 'Support' }) }));
  });

  it('makes dialled parties answer after ~2 s', () => {
    scenario = startDemoScenario(line, { clock });
    expect(line.control.state().dialBehavior).toEqual({ answerAfterMs: 2_000 });
  });

  it('stop() cancels everything it scheduled', () => {
    scenario = startDemoScenario(line, { clock });
    scenario.stop();
    clock.advance(10 * 60_000);
    expect(line.control.state().calls).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('demo voicemails', () => {
  it('start with two new messages, are heard every few minutes, and some missed callers leave one', () => {
    scenario = startDemoScenario(line, { clock, random: () => 0, hearVoicemailEveryMs: 180_000, everyMs: [60_000, 60_000] });
    {
      expect(line.control.state().voicemail.newMessages).toBe(DEMO_VOICEMAILS.length);
      // The first caller rings at 3 s and gives up at 33 s, leaving a message (random() < 0.5).
      clock.advance(33_000);
      expect(line.control.state().voicemail.newMessages).toBe(DEMO_VOICEMAILS.length + 1);
      // Two more give up (93 s, 153 s) before everything is heard at 180 s.
      clock.advance(180_000 - 33_000);
      expect(line.control.state().voicemail).toMatchObject({ newMessages: 0, oldMessages: DEMO_VOICEMAILS.length + 3 });
    }
  });
});
