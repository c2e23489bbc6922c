/**
 * Devices and lines for one line in use: the routing provider the sync and commands drive, the
 * decoration that names each call's line, and the devices:* handlers. A line without the devices
 * API (a test's fake provider) gets the plain provider and an empty device list.
 */
import { OWN_LINE_ID, type Call, type CallsSnapshot, type DevicesInfo } from '../../../preload/contract.js';
import { AppError, isAppError } from '../../core/app-error.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { HandlersOf, ChannelsOf } from '../../ipc/handlers.js';
import type { CallsProvider } from '../../providers/calls-provider.js';
import type { Line } from '../../providers/line.js';
import { createDevicesService, type DevicesService } from './devices-service.js';
import { createLineRouting, type LineRouting } from './line-routing.js';

export const NO_DEVICES: DevicesInfo = { loaded: false, devices: [], chosenId: null, preferredId: null, lines: [], queues: [] };
/** Calls Webex refused to push stay remembered this long (ids are never reused). */
const REFUSED_MAX = 200;

export interface LinesBinding {
  provider: CallsProvider;
  devices: DevicesService | undefined;
  decorate(snapshot: CallsSnapshot): CallsSnapshot;
  /** Handlers; `refresh` re-syncs calls after an action, `redecorate` re-sends the current snapshot. */
  handlers(ctx: { refresh(): void; redecorate(): void }): HandlersOf<ChannelsOf<'devices'>>;
  stop(): void;
  /** A push signal or a window asked: list my own line on the next poll whatever its cadence. */
  listOwnNext(): void;
}

export function bindLines(line: Line, deps: { clock: Clock; log: Logger; ownLineEveryMs?: () => number | undefined }): LinesBinding {
  const devices = line.meLines ? createDevicesService({ provider: line.meLines, clock: deps.clock, log: deps.log }) : undefined;
  const routing: LineRouting | undefined = devices
    ? createLineRouting(line.provider, {
        clock: deps.clock,
        log: deps.log,
        secondaryLineIds: () => devices.secondaryLineIds(),
        chosen: () => devices.chosen(),
        deviceFor: (lineId) => devices.deviceFor(lineId),
        ready: () => devices.ready(),
        ...(deps.ownLineEveryMs ? { ownLineEveryMs: deps.ownLineEveryMs } : {}),
      })
    : undefined;
  const refused = new Set<string>();

  function decorateCall(call: Call): Call {
    if (!routing || !devices) return call;
    const lineId = routing.lineOf(call.id);
    if (lineId === OWN_LINE_ID) return call;
    const answered = call.state === 'connected' || call.state === 'held' || call.state === 'remoteHeld';
    // "Only valid when the assistant's call is associated with an executive": a call that came in on a person's line.
    const pushable = devices.isPersonLine(lineId) && call.personality === 'terminator' && answered && !refused.has(call.id);
    return { ...call, line: { id: lineId, name: devices.lineName(lineId) ?? 'Shared line' }, ...(pushable ? { pushable: true } : {}) };
  }

  function requireDevices(): DevicesService {
    if (!devices || !routing) throw new AppError('forbidden', 'This line has no devices to choose from.');
    return devices;
  }

  return {
    provider: routing ?? line.provider,
    devices,
    decorate: (snapshot) =>
      routing
        ? { ...snapshot, calls: snapshot.calls.map(decorateCall), ended: snapshot.ended.map((e) => ({ ...e, call: decorateCall(e.call) })) }
        : snapshot,
    handlers: (ctx) => ({
      'devices:get': async () => devices?.info() ?? NO_DEVICES,
      'devices:choose': async ({ endpointId, makePreferred }) => {
        await requireDevices().choose(endpointId, makePreferred ?? false);
        return null;
      },
      'devices:pull': async () => {
        requireDevices();
        try {
          const ref = await routing!.pull!();
          return { callId: ref.callId };
        } finally {
          ctx.refresh();
        }
      },
      'devices:push': async ({ callId }) => {
        requireDevices();
        try {
          await routing!.push!(callId);
          return null;
        } catch (error) {
          if (isAppError(error) && error.status !== undefined && error.status >= 400 && error.status < 500) {
            // Webex said no: the offer goes, and the user is told why in plain words.
            refused.add(callId);
            if (refused.size > REFUSED_MAX) refused.delete(refused.values().next().value!);
            ctx.redecorate();
            throw new AppError(error.code, `Webex would not push this call to the executive: ${error.message}`, {
              ...(error.status !== undefined ? { status: error.status } : {}),
              ...(error.trackingId !== undefined ? { trackingId: error.trackingId } : {}),
            });
          }
          throw error;
        } finally {
          ctx.refresh();
        }
      },
      'devices:setAgentState': async ({ lineId, state }) => {
        await requireDevices().setAgentState(lineId ?? OWN_LINE_ID, state);
        return null;
      },
      'devices:setQueue': async ({ lineId, queueId, available }) => {
        await requireDevices().setQueue(lineId ?? OWN_LINE_ID, queueId, available);
        return null;
      },
    }),
    stop: () => devices?.stop(),
    listOwnNext: () => routing?.listOwnNext(),
  };
}
