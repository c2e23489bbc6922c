/**
 * A CallsProvider over every line I have: my own and each secondary line on my devices. The sync
 * engine and the commands keep talking to one provider; this one lists each line with
 * `lineOwnerId`, remembers which line each call is on, and sends that call's `lineOwnerId` (and the
 * right device's `endpointId`) with every action on it, so the window, the tray and the hotkeys
 * act on a call on whatever line it is.
 */
import { OWN_LINE_ID, type Device } from '../../../preload/contract.js';
import { AppError, isAppError } from '../../core/app-error.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { CallTarget, CallsProvider } from '../../providers/calls-provider.js';
import type { WebexCall } from '../../providers/webex/schemas.js';
import { cannotAnswerMessage } from './devices-model.js';

/**
 * A secondary line with no calls is listed at most this often; one with calls (or just acted on)
 * on every poll. Idle, each extra line then costs half the own line's idle rate, not all of it.
 */
export const SECONDARY_IDLE_MS = 4_000;

export interface LineRoutingDeps {
  clock: Clock;
  log: Logger;
  /** Owner ids of my secondary lines. */
  secondaryLineIds(): readonly string[];
  /** The chosen device ("Use device"); undefined: let Webex pick. */
  chosen(): Device | undefined;
  /** The device that handles calls on this line (OWN_LINE_ID or an owner id). */
  deviceFor(lineId: string): Device | undefined;
  /** Resolves once the devices were first read (never rejects), so the first dial already names one. */
  ready(): Promise<void>;
  /**
   * While push is live, how often my own line needs listing by the poll alone (a push signal or an
   * action lists it at once, through listOwnNext or the call it acts on); undefined: every poll.
   */
  ownLineEveryMs?(): number | undefined;
}

export interface LineRouting extends CallsProvider {
  /** The line a listed call is on: OWN_LINE_ID or a secondary line's owner id. */
  lineOf(callId: string): string;
  /** Something may have changed on my own line (a push signal, a window asking): list it on the next poll. */
  listOwnNext(): void;
}

interface SecondaryMemory {
  calls: WebexCall[];
  lastListed: number;
  /** Acted on since the last listing: list it on the next poll whatever its cadence. */
  dirty: boolean;
}

export function createLineRouting(inner: CallsProvider, deps: LineRoutingDeps): LineRouting {
  const { clock, log } = deps;
  const callLine = new Map<string, string>();
  const secondary = new Map<string, SecondaryMemory>();
  const own: SecondaryMemory = { calls: [], lastListed: Number.NEGATIVE_INFINITY, dirty: true };

  const lineOf = (callId: string) => callLine.get(callId) ?? OWN_LINE_ID;
  const lineTarget = (lineId: string): CallTarget => (lineId === OWN_LINE_ID ? {} : { lineOwnerId: lineId });

  /** The lineOwnerId of this call's line, and marks that line to be listed on the next poll. */
  function onCall(callId: string): CallTarget {
    const lineId = lineOf(callId);
    const memory = lineId === OWN_LINE_ID ? own : secondary.get(lineId);
    if (memory) memory.dirty = true;
    return lineTarget(lineId);
  }

  /** For dial, retrieve, pickup, barge-in and pull: a new call appears on my own line. */
  async function chosenEndpoint(): Promise<CallTarget> {
    own.dirty = true;
    await deps.ready();
    const device = deps.chosen();
    return device ? { endpointId: device.id } : {};
  }

  async function listSecondary(lineId: string, signal: AbortSignal | undefined): Promise<WebexCall[]> {
    const memory = secondary.get(lineId) ?? { calls: [], lastListed: Number.NEGATIVE_INFINITY, dirty: true };
    secondary.set(lineId, memory);
    const due = memory.dirty || memory.calls.length > 0 || clock.now() - memory.lastListed >= SECONDARY_IDLE_MS;
    if (!due) return memory.calls;
    memory.dirty = false;
    memory.lastListed = clock.now();
    try {
      memory.calls = await inner.listCalls(signal, { lineOwnerId: lineId });
    } catch (error) {
      if (signal?.aborted) throw error;
      // One line failing must not blank the others: keep its last known calls, say so in the log.
      log.warn('calls: listing a secondary line failed', isAppError(error) ? { code: error.code, status: error.status } : { error: String(error) });
      memory.dirty = true;
    }
    return memory.calls;
  }

  async function listOwn(signal: AbortSignal | undefined): Promise<WebexCall[]> {
    const every = deps.ownLineEveryMs?.();
    // Polls come every SECONDARY_IDLE_MS meanwhile: take the one before the safety net runs out,
    // so my line is never listed later than the safety net promises.
    const due = every === undefined || own.dirty || own.calls.length > 0 || clock.now() - own.lastListed >= every - SECONDARY_IDLE_MS;
    if (!due) return own.calls;
    const listedAt = clock.now();
    // A failure still fails the poll, as before: my own line is the one a person relies on.
    own.calls = await inner.listCalls(signal);
    own.lastListed = listedAt;
    own.dirty = false;
    return own.calls;
  }

  return {
    lineOf,

    async listCalls(signal) {
      const lineIds = deps.secondaryLineIds();
      for (const id of secondary.keys()) if (!lineIds.includes(id)) secondary.delete(id);
      const [mine, ...others] = await Promise.all([listOwn(signal), ...lineIds.map((id) => listSecondary(id, signal))]);
      callLine.clear();
      for (const call of mine) callLine.set(call.id, OWN_LINE_ID);
      others.forEach((calls, i) => {
        for (const call of calls) callLine.set(call.id, lineIds[i]!);
      });
      return [...mine, ...others.flat()];
    },
    listOwnNext() {
      own.dirty = true;
    },
    getCall: (callId, signal) => inner.getCall(callId, signal, onCall(callId)),
    history: (type, signal) => inner.history(type, signal),

    dial: async (destination) => inner.dial(destination, await chosenEndpoint()),
    async answer(callId) {
      await deps.ready();
      const on = onCall(callId);
      const device = deps.deviceFor(lineOf(callId));
      // Webex refuses answer on a device "that does not support answer via API": say so before asking.
      if (device && !device.remoteAnswer) throw new AppError('conflict', cannotAnswerMessage(device));
      return inner.answer(callId, { ...on, ...(device ? { endpointId: device.id } : {}) });
    },
    reject: (callId, action) => inner.reject(callId, action, onCall(callId)),
    hangup: (callId) => inner.hangup(callId, onCall(callId)),
    hold: (callId) => inner.hold(callId, onCall(callId)),
    resume: (callId) => inner.resume(callId, onCall(callId)),
    mute: (callId) => inner.mute(callId, onCall(callId)),
    unmute: (callId) => inner.unmute(callId, onCall(callId)),
    divert: (callId, where) => inner.divert(callId, where, onCall(callId)),
    transfer: (args) => inner.transfer(args, onCall(args.callId1)),
    park: (callId, where) => inner.park(callId, where, onCall(callId)),
    retrieve: async (destination) => inner.retrieve(destination, await chosenEndpoint()),
    pickup: async (target) => inner.pickup(target, await chosenEndpoint()),
    bargeIn: async (target) => inner.bargeIn(target, await chosenEndpoint()),
    recording: (callId, op) => inner.recording(callId, op, onCall(callId)),
    transmitDtmf: (callId, dtmf) => inner.transmitDtmf(callId, dtmf, onCall(callId)),

    async push(callId) {
      if (!inner.push) throw new AppError('forbidden', 'This line cannot push calls to an executive.');
      return inner.push(callId, onCall(callId));
    },
    async pull() {
      if (!inner.pull) throw new AppError('forbidden', 'This line cannot pull calls between devices.');
      return inner.pull(await chosenEndpoint());
    },

    getDoNotDisturb: (signal) => inner.getDoNotDisturb(signal),
    setDoNotDisturb: (enabled) => inner.setDoNotDisturb(enabled),
  };
}
