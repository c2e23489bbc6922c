/**
 * Demo mode's script: the built-in line rings now and then with plausible callers, so a newcomer
 * without an account sees the app doing its job. Calls arrive soon after start and then every
 * 25–45 s; unanswered callers give up after ~30 s (a missed call); people the user dials pick up
 * after ~2 s. Never more than two calls ring at once: a receptionist's demo, not a stress test.
 * The voicemail box starts with two new messages; some callers who give up leave one, and every
 * few minutes the messages are "heard" (as if on the desk phone), so the waiting count comes and goes.
 */
import type { Clock } from '../core/ports.js';
import { demoTimers } from './demo-timers.js';
import type { IncomingCallInput } from './control.js';
import type { SandboxLine } from './start-sandbox.js';

export interface DemoScenarioOptions {
  clock: Clock;
  /** Delay before the first call; default 3000. */
  firstCallAfterMs?: number;
  /** Gap between calls, chosen uniformly in [min, max]; default [25000, 45000]. */
  everyMs?: [number, number];
  /** How long an unanswered caller waits before hanging up; default 30000. */
  giveUpAfterMs?: number;
  /** How soon a dialled party answers; default 2000. */
  dialAnswerAfterMs?: number;
  /** How often the waiting messages are marked heard; default 180000. */
  hearVoicemailEveryMs?: number;
  /** Injected for deterministic tests; default Math.random. */
  random?: () => number;
}

export interface DemoScenario {
  stop(): void;
}

export const MAX_RINGING = 2;

/** Fictional callers (555-01xx numbers are reserved for fiction). */
export const DEMO_CAST: readonly IncomingCallInput[] = [
  { from: { name: 'Priya Natarajan', number: '+12125550142' } },
  { from: { name: 'Marcus Webb', number: '+13125550187' }, via: { reason: 'huntGroup', name: 'Sales', number: '2100' } },
  { from: { name: 'Elena García', number: '+34915550123' }, via: { reason: 'callQueue', name: 'Support', number: '2200' } },
  { from: { name: 'Jordan Lee', number: '1002' } },
  { from: { number: '+14155550110' }, via: { reason: 'huntGroup', name: 'Sales', number: '2100' } },
  { from: { name: 'Tom Okafor', number: '+442075550164' }, via: { reason: 'callQueue', name: 'Support', number: '2200' } },
  { from: { number: '+16175550199', privacy: true } },
  { from: { name: 'Hannah Schmidt', number: '1007' }, line: 2 },
];

export const FIRST_DEMO_CALLER = 1;

/** Messages waiting when the demo starts. */
export const DEMO_VOICEMAILS: readonly IncomingCallInput['from'][] = [
  { name: 'Priya Natarajan', number: '+12125550142' },
  { name: 'Tom Okafor', number: '+442075550164' },
];

export function startDemoScenario(line: SandboxLine, opts: DemoScenarioOptions): DemoScenario {
  const { clock } = opts;
  const random = opts.random ?? Math.random;
  const [minGap, maxGap] = opts.everyMs ?? [25_000, 45_000];
  const giveUpAfterMs = opts.giveUpAfterMs ?? 30_000;
  const { later, stop } = demoTimers(clock);
  // The first call a newcomer sees is a named caller ringing via a hunt group: it shows at once
  // who is calling and why it rings. The cast then rotates from there.
  let next = FIRST_DEMO_CALLER;

  line.control.setDialBehavior({ answerAfterMs: opts.dialAnswerAfterMs ?? 2_000 });
  // On Demand lets a newcomer try every recording control; a colleague on a call gives barge-in something to join.
  line.control.setRecordingMode('onDemand');
  line.control.colleagueOnCall({ colleague: { name: 'Sam Rivera', number: '1002' }, with: { name: 'Priya Natarajan', number: '+12125550142' } });

  function ringingCount(): number {
    // The user's own phone alerting for a dial is not a caller ringing.
    return line.control.state().calls.filter((c) => c.state === 'alerting' && c.personality === 'terminator').length;
  }

  function ring(): void {
    if (ringingCount() < MAX_RINGING) {
      const caller = DEMO_CAST[next % DEMO_CAST.length];
      next += 1;
      if (caller) {
        const callId = line.control.incomingCall(caller);
        later(giveUpAfterMs, () => {
          const still = line.control.state().calls.some((c) => c.id === callId && c.state === 'alerting');
          if (!still) return;
          line.control.remoteHangup(callId);
          if (random() < 0.5) line.control.leaveVoicemail({ from: caller.from });
        });
      }
    }
    later(minGap + Math.floor(random() * (maxGap - minGap + 1)), ring);
  }

  later(opts.firstCallAfterMs ?? 3_000, ring);

  for (const from of DEMO_VOICEMAILS) line.control.leaveVoicemail({ from });
  const hearEvery = opts.hearVoicemailEveryMs ?? 180_000;
  function hear(): void {
    line.control.hearVoicemail();
    later(hearEvery, hear);
  }
  later(hearEvery, hear);

  return {
    stop() {
      stop();
    },
  };
}
