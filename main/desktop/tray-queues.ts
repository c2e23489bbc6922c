/**
 * Queue availability in the tray: per line with call queues, "Available" and "Unavailable" as
 * checkbox items (the one that is the agent's state is checked), under a header naming the line.
 */
import { AgentState, OWN_LINE_ID, type LineQueues } from '../../preload/contract.js';
import type { TrayMenuItem } from '../core/ports.js';

const CHOICES = [
  { state: 'AVAILABLE', label: 'Available' },
  { state: 'UNAVAILABLE', label: 'Unavailable' },
] as const;

export function queueItemId(lineId: string, state: AgentState): string {
  return `queue:${state}:${lineId}`;
}

export function parseQueueItemId(id: string): { lineId: string; state: AgentState } | undefined {
  const match = /^queue:([A-Z_]+):(.+)$/s.exec(id);
  const state = AgentState.safeParse(match?.[1]);
  if (!match?.[2] || !state.success) return undefined;
  return { lineId: match[2], state: state.data };
}

export function queueSections(queues: readonly LineQueues[] | undefined): TrayMenuItem[][] {
  return (queues ?? []).map((line) => {
    const title = line.lineId === OWN_LINE_ID ? 'Queue availability' : `Queue availability (${line.lineName})`;
    return [
      { id: `about:queues:${line.lineId}`, label: title, enabled: false },
      ...CHOICES.map((choice) => ({
        id: queueItemId(line.lineId, choice.state),
        label: choice.label,
        type: 'checkbox' as const,
        checked: line.state === choice.state,
      })),
    ];
  });
}
