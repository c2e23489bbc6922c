/**
 * 3. Event to screen: something happens on the line (a call rings; the far end holds) until
 * Chromium's DOM shows it.
 * - raw: the app's own polling finds it. The change is made at a random moment of the poll
 *   cycle (idle cadence for a ringing call on an idle line, active cadence for a hold), so the
 *   figure includes the poll wait a person really sees.
 * - beyond the poll wait: the poll is triggered at once (as focus/resume/an action do), so what
 *   remains is list request → sync → event → bridge → store → React → DOM.
 */
import { clockOffset, type Browser } from '../browser.js';
import { armShown, openAppSession, shownAt } from '../app-session.js';
import { now, sleep } from '../clock.js';
import { latencyRow, type Row } from '../report.js';
import { summarize } from '../stats.js';

const QUIET_MS = 150;

export interface EventToScreenOptions {
  rawSamples: number;
  immediateSamples: number;
}

export async function measureEventToScreen(browser: Browser, rendererDir: string, options: EventToScreenOptions): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const session = await openAppSession(browser, rendererDir);
  try {
    const { line, harness, page } = session;
    const core = harness.core;
    const sync = await clockOffset(page);
    const settings = core.settings.get();
    let serial = 0;

    /** Makes `change` happen, returns ms until the window showed `want`. */
    const timeToScreen = async (change: () => void, want: Parameters<typeof armShown>[1], triggerPoll: boolean) => {
      await armShown(page, want);
      const start = now();
      change();
      if (triggerPoll) void core.calls.refresh();
      return (await shownAt(page)) - sync.offset - start;
    };
    /** Brings the window to a state (unmeasured): change, re-sync at once, wait until shown. */
    const settle = async (change: () => void, want: Parameters<typeof armShown>[1]) => {
      await armShown(page, want);
      change();
      await core.calls.refresh();
      await shownAt(page);
    };

    const incoming = async (raw: boolean) => {
      const name = `Caller ${serial++}`;
      // Starts from a just-finished poll; waiting a random part of the cycle makes the phase random.
      if (raw) await sleep(Math.random() * settings.pollIdleMs);
      let callId = '';
      const ms = await timeToScreen(() => (callId = line.control.incomingCall({ from: { name, number: '+12015550124' } })), { name }, !raw);
      await settle(() => line.control.answeredElsewhere(callId), { name, gone: true });
      // A call that ended sends the window for history and main for the missed-call list; let
      // that pass, or the next sample measures it too.
      await sleep(QUIET_MS);
      return ms;
    };

    // A connected call for the hold samples.
    const heldName = 'Far End';
    const heldId = line.control.incomingCall({ from: { name: heldName, number: '+12015550125' } });
    const remoteHold = async (raw: boolean) => {
      if (raw) await sleep(Math.random() * settings.pollActiveMs);
      const ms = await timeToScreen(() => line.control.remoteHold(heldId), { name: heldName, stateClass: 'call-remoteHeld' }, !raw);
      await settle(() => line.control.remoteResume(heldId), { name: heldName, stateClass: 'call-remoteHeld', without: true });
      await sleep(QUIET_MS);
      return ms;
    };

    const run = async (count: number, sample: () => Promise<number>) => {
      const out: number[] = [];
      await sample(); // warm-up
      for (let i = 0; i < count; i++) out.push(await sample());
      return out;
    };

    const incomingNow = await run(options.immediateSamples, () => incoming(false));
    const incomingRaw = await run(options.rawSamples, () => incoming(true));
    await core.calls.refresh();
    await core.calls.commands.answer({ callId: heldId });
    await settle(() => undefined, { name: heldName, stateClass: 'call-connected' });
    const holdNow = await run(options.immediateSamples, () => remoteHold(false));
    const holdRaw = await run(options.rawSamples, () => remoteHold(true));

    const s = {
      incomingRaw: summarize(incomingRaw),
      incomingNow: summarize(incomingNow),
      holdRaw: summarize(holdRaw),
      holdNow: summarize(holdNow),
    };
    return {
      rows: [
        latencyRow('screen.incoming.raw.ms', `Incoming call → on screen, raw (idle poll ${settings.pollIdleMs} ms)`, 'ms', s.incomingRaw),
        latencyRow('screen.incoming.polled.ms', 'Incoming call → on screen, poll triggered at once', 'ms', s.incomingNow, { stat: 'p95', max: 50 }),
        latencyRow('screen.remoteHold.raw.ms', `Remote hold → on screen, raw (active poll ${settings.pollActiveMs} ms)`, 'ms', s.holdRaw),
        latencyRow('screen.remoteHold.polled.ms', 'Remote hold → on screen, poll triggered at once', 'ms', s.holdNow, { stat: 'p95', max: 50 }),
      ],
      details: { ...s, clockSync: sync },
    };
  } finally {
    await session.close();
  }
}
