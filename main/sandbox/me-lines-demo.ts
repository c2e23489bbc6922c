/**
 * Demo mode's manager's line: the desk phone carries Emma Wilson's line as a secondary line, and
 * it rings now and then (first soon after start, then every 40–70 s) with callers who give up
 * after ~30 s, so a newcomer sees a call labelled with another person's line and can answer it.
 */
import type { Clock } from '../core/ports.js';
import { demoTimers } from './demo-timers.js';
import { MANAGER_ID } from './me-lines-state.js';
import type { SandboxLine } from './start-sandbox.js';

export interface ManagerLineDemoOptions {
  clock: Clock;
  /** Default 6000. */
  firstCallAfterMs?: number;
  /** Default [40000, 70000]. */
  everyMs?: [number, number];
  giveUpAfterMs?: number;
  random?: () => number;
}

const CALLERS = [
  { name: 'Olivia Davis', number: '4164' },
  { name: 'Northwind Legal', number: '+12125550177' },
  { name: 'Liam Brown', number: '4163' },
] as const;

export function startManagerLineDemo(sandbox: SandboxLine, opts: ManagerLineDemoOptions): { stop(): void } {
  const { clock } = opts;
  const control = sandbox.meLines.control(MANAGER_ID);
  const random = opts.random ?? Math.random;
  const [minGap, maxGap] = opts.everyMs ?? [40_000, 70_000];
  const { later, stop } = demoTimers(clock);
  let next = 0;

  function ring(): void {
    if (control && !control.state().calls.some((c) => c.state === 'alerting')) {
      const from = CALLERS[next % CALLERS.length]!;
      next += 1;
      // Calls to the executive the user assists: push can hand them back to her.
      const callId = control.incomingCall({ from: { ...from }, executive: { name: 'Emma Wilson', number: '4162' } });
      later(opts.giveUpAfterMs ?? 30_000, () => {
        if (control.state().calls.some((c) => c.id === callId && c.state === 'alerting')) control.remoteHangup(callId);
      });
    }
    later(minGap + Math.floor(random() * (maxGap - minGap + 1)), ring);
  }
  later(opts.firstCallAfterMs ?? 6_000, ring);

  return {
    stop() {
      stop();
    },
  };
}
