/**
 * What "Use device", the "Line" filter and "Queue availability" show, as pure functions of what
 * Webex answered: my endpoints with their secondary lines, person names, and queue settings.
 */
import { OWN_LINE_ID, type Device, type LineQueues, type PhoneLine } from '../../../preload/contract.js';
import type { WebexEndpoint, WebexQueueSettings, WebexSecondaryLine } from '../../providers/webex/me-lines-schemas.js';

export const OWN_LINE_NAME = 'My line';

export function toDevices(endpoints: readonly WebexEndpoint[]): Device[] {
  return endpoints.map((e) => ({
    id: e.id,
    name: e.name,
    remoteAnswer: e.autoAndForcedAnswerEnabled,
    lines: (e.secondaryLines ?? []).map((line) => line.id),
  }));
}

/** Every secondary line on any of my endpoints, once each, in the order the endpoints list them. */
export function secondaryLines(endpoints: readonly WebexEndpoint[]): WebexSecondaryLine[] {
  const seen = new Map<string, WebexSecondaryLine>();
  for (const e of endpoints) for (const line of e.secondaryLines ?? []) if (!seen.has(line.id)) seen.set(line.id, line);
  return [...seen.values()];
}

/** Only a person's line can be named with People; a workspace or virtual line (or any other kind) gets a generic name. */
export function isPersonLine(line: WebexSecondaryLine): boolean {
  return line.memberType === 'PEOPLE';
}

const KIND_NAMES: Record<string, string> = { PLACE: 'Workspace line', VIRTUAL_LINE: 'Virtual line' };

export function toLines(endpoints: readonly WebexEndpoint[], names: ReadonlyMap<string, string>): PhoneLine[] {
  const others = secondaryLines(endpoints);
  const counts = new Map<string, number>();
  return [
    { id: OWN_LINE_ID, name: OWN_LINE_NAME, own: true },
    ...others.map((line) => {
      const named = names.get(line.id);
      if (named !== undefined) return { id: line.id, name: named, own: false };
      const kind = KIND_NAMES[line.memberType] ?? 'Shared line';
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      return { id: line.id, name: n === 1 ? kind : `${kind} ${n}`, own: false };
    }),
  ];
}

export function toLineQueues(line: PhoneLine, settings: WebexQueueSettings): LineQueues {
  return {
    lineId: line.id,
    lineName: line.name,
    state: settings.agentACDState ?? null,
    queues: (settings.queues ?? []).map((q) => ({
      id: q.id,
      label: q.extension ?? q.phoneNumber ?? q.id,
      available: q.available ?? false,
      canChange: q.allowLogOffEnabled,
    })),
  };
}

/**
 * The device a request about a call on `lineId` should name. My own line rings on every device of
 * mine; a secondary line only on the devices that carry it, so the chosen device is used when it
 * carries the line, else the first one that does and can be answered remotely.
 */
export function deviceForLine(devices: readonly Device[], chosenId: string | null, lineId: string): Device | undefined {
  const chosen = devices.find((d) => d.id === chosenId);
  if (lineId === OWN_LINE_ID) return chosen;
  if (chosen?.lines.includes(lineId)) return chosen;
  const carriers = devices.filter((d) => d.lines.includes(lineId));
  return carriers.find((d) => d.remoteAnswer) ?? carriers[0];
}

/** The device to start on: Webex's preferred answer endpoint, else the first that can answer remotely. */
export function initialChoice(devices: readonly Device[], preferredId: string | undefined): string | null {
  if (preferredId !== undefined && devices.some((d) => d.id === preferredId)) return preferredId;
  return (devices.find((d) => d.remoteAnswer) ?? devices[0])?.id ?? null;
}

export function cannotAnswerMessage(device: Device): string {
  return `${device.name} cannot be answered from CallDeck. Answer on the phone itself.`;
}
