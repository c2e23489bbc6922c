/**
 * My devices, lines and queues for the line in use: loads them from Webex ("Call Settings For Me"
 * and People for the line owners' names), keeps the device chosen in "Use device", and changes
 * the preferred answer endpoint and queue availability on request. Reads are slow and few: the
 * endpoints every 10 minutes, queue state every 2 minutes, and each after a change.
 */
import { OWN_LINE_ID, type AgentState, type Device, type DevicesInfo, type LineQueues, type PhoneLine } from '../../../preload/contract.js';
import { AppError, isAppError } from '../../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../../core/ports.js';
import type { MeLinesProvider } from '../../providers/me-lines-provider.js';
import type { WebexEndpoint } from '../../providers/webex/me-lines-schemas.js';
import { deviceForLine, initialChoice, isPersonLine, secondaryLines, toDevices, toLineQueues, toLines } from './devices-model.js';

export const ENDPOINTS_REFRESH_MS = 10 * 60_000;
export const QUEUES_REFRESH_MS = 2 * 60_000;

export interface DevicesService {
  info(): DevicesInfo;
  onChange(listener: (info: DevicesInfo) => void): () => void;
  /** Resolves when the first load finished (never rejects). */
  ready(): Promise<void>;
  secondaryLineIds(): string[];
  chosen(): Device | undefined;
  deviceFor(lineId: string): Device | undefined;
  lineName(lineId: string): string | undefined;
  /** A person's line (the executive an assistant covers), as opposed to a workspace or virtual line. */
  isPersonLine(lineId: string): boolean;
  choose(endpointId: string, makePreferred: boolean): Promise<void>;
  setAgentState(lineId: string, state: AgentState): Promise<void>;
  setQueue(lineId: string, queueId: string, available: boolean): Promise<void>;
  stop(): void;
}

export function createDevicesService(deps: { provider: MeLinesProvider; clock: Clock; log: Logger }): DevicesService {
  const { provider, clock, log } = deps;
  const listeners = new Set<(info: DevicesInfo) => void>();
  let endpoints: WebexEndpoint[] = [];
  let devices: Device[] = [];
  let lines: PhoneLine[] = toLines([], new Map());
  let personLines = new Set<string>();
  let chosenId: string | null = null;
  let preferredId: string | null = null;
  const queues = new Map<string, LineQueues>();
  let loaded = false;
  let problem: string | undefined;
  let stopped = false;
  const timers = new Set<TimerHandle>();
  const abort = new AbortController();

  const info = (): DevicesInfo => ({
    loaded,
    devices,
    chosenId,
    preferredId,
    lines,
    queues: lines.flatMap((line) => {
      const q = queues.get(line.id);
      return q ? [{ ...q, lineName: line.name }] : [];
    }),
    ...(problem !== undefined ? { problem } : {}),
  });

  let lastSent = '';
  function emit(): void {
    const next = info();
    const text = JSON.stringify(next);
    if (text === lastSent) return;
    lastSent = text;
    for (const listener of listeners) listener(next);
  }

  function every(ms: number, run: () => Promise<void>): void {
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      if (stopped) return;
      void run().finally(() => {
        if (!stopped) every(ms, run);
      });
    }, ms);
    timers.add(handle);
  }

  const quiet = (what: string) => (error: unknown) => {
    if (!abort.signal.aborted) log.warn(`devices: ${what} failed`, isAppError(error) ? { code: error.code, status: error.status } : { error: String(error) });
  };

  async function loadEndpoints(): Promise<void> {
    try {
      const [list, preferred] = await Promise.all([provider.endpoints(abort.signal), provider.preferredAnswerEndpoint(abort.signal).catch(() => undefined)]);
      if (stopped) return;
      endpoints = list;
      devices = toDevices(list);
      preferredId = preferred ?? null;
      if (chosenId === null || !devices.some((d) => d.id === chosenId)) chosenId = initialChoice(devices, preferred);
      problem = undefined;
      const owners = secondaryLines(list);
      personLines = new Set(owners.filter(isPersonLine).map((l) => l.id));
      const names = personLines.size > 0 ? await provider.personNames([...personLines], abort.signal).catch((error: unknown) => {
        quiet('naming secondary lines')(error);
        return new Map<string, string>();
      }) : new Map<string, string>();
      if (stopped) return;
      lines = toLines(endpoints, names);
    } catch (error) {
      quiet('reading endpoints')(error);
      if (stopped) return;
      problem = isAppError(error) ? `Couldn't read your devices: ${error.message}` : "Couldn't read your devices.";
    }
  }

  async function loadQueues(lineIds: readonly string[] = lines.map((l) => l.id)): Promise<void> {
    await Promise.all(
      lineIds.map(async (lineId) => {
        const line = lines.find((l) => l.id === lineId);
        if (!line) return;
        try {
          const settings = await provider.queues(lineId === OWN_LINE_ID ? undefined : lineId, abort.signal);
          if (stopped) return;
          // No call center service (or no queues) on this line: nothing to show.
          if ((settings.queues ?? []).length === 0 && settings.agentACDState === undefined) queues.delete(lineId);
          else queues.set(lineId, toLineQueues(line, settings));
        } catch (error) {
          // 403/404: the call center service is not assigned on this line; anything else is logged.
          if (!(isAppError(error) && (error.code === 'forbidden' || error.code === 'not-found'))) quiet('reading queue settings')(error);
          if (isAppError(error) && (error.code === 'forbidden' || error.code === 'not-found')) queues.delete(lineId);
        }
      }),
    );
  }

  const first = (async () => {
    await loadEndpoints();
    await loadQueues();
    loaded = true;
    emit();
  })();
  every(ENDPOINTS_REFRESH_MS, async () => {
    await loadEndpoints();
    emit();
  });
  every(QUEUES_REFRESH_MS, async () => {
    await loadQueues();
    emit();
  });

  function lineOrThrow(lineId: string): PhoneLine {
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('invalid-input', 'That line is not one of yours.');
    return line;
  }

  return {
    info,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => first,
    secondaryLineIds: () => lines.filter((l) => !l.own).map((l) => l.id),
    chosen: () => devices.find((d) => d.id === chosenId),
    deviceFor: (lineId) => deviceForLine(devices, chosenId, lineId),
    lineName: (lineId) => lines.find((l) => l.id === lineId)?.name,
    isPersonLine: (lineId) => personLines.has(lineId),

    async choose(endpointId, makePreferred) {
      const device = devices.find((d) => d.id === endpointId);
      if (!device) throw new AppError('invalid-input', 'That device is not one of yours.');
      chosenId = device.id;
      emit();
      if (!makePreferred) return;
      await provider.setPreferredAnswerEndpoint(device.id);
      preferredId = device.id;
      emit();
    },

    async setAgentState(lineId, state) {
      lineOrThrow(lineId);
      try {
        await provider.setQueues({ agentACDState: state }, lineId === OWN_LINE_ID ? undefined : lineId);
      } finally {
        await loadQueues([lineId]);
        emit();
      }
    },

    async setQueue(lineId, queueId, available) {
      lineOrThrow(lineId);
      const queue = queues.get(lineId)?.queues.find((q) => q.id === queueId);
      if (!queue) throw new AppError('invalid-input', 'That queue is not one of yours.');
      if (!queue.canChange) throw new AppError('forbidden', `Queue ${queue.label} cannot be joined or left from here.`);
      try {
        await provider.setQueues({ queues: [{ id: queueId, available }] }, lineId === OWN_LINE_ID ? undefined : lineId);
      } finally {
        await loadQueues([lineId]);
        emit();
      }
    },

    stop() {
      stopped = true;
      abort.abort();
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
      listeners.clear();
    },
  };
}
