import type { Call, DndState, LineQueues, LineStatus, VoicemailWaiting } from '../../preload/contract.js';

/** Everything the tray and popup show is a function of this. */
export interface DeskModel {
  calls: readonly Call[];
  line: LineStatus;
  dnd: DndState;
  /** For reading and showing numbers without a + prefix. */
  country: string;
  /** Messages waiting in the user's voicemail; null when not known. */
  voicemail?: VoicemailWaiting | null;
  /** Call-queue agent state per line with queues; absent or empty: no queue items. */
  queues?: readonly LineQueues[];
}

export const dndOn = (model: Pick<DeskModel, 'dnd'>): boolean => model.dnd.status === 'on';
