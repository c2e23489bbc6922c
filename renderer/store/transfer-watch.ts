import type { Call } from '../../preload/contract';
import type { AppStore } from './types';

/**
 * A mute transfer is not done when Webex answers 201: "If the destination does not respond, the
 * call is not transferred." Webex answers with the new call to the destination; this watches the
 * live list for it and says which way it went:
 *   - the new call and the original both left: transferred;
 *   - the new call left and the original is still listed: nobody answered, the call is still yours.
 * Until the new call has been seen in the list it may simply not be listed yet, so only the
 * original's absence decides then.
 */
export interface MuteTransfer {
  originalId: string;
  legId: string;
  /** Who is being transferred and where to, as the window names them. */
  who: string;
  destination: string;
}

export type TransferOutcome = 'transferred' | 'still-yours';

export function decideTransfer(calls: readonly Call[], t: MuteTransfer, legSeen: boolean): TransferOutcome | 'waiting' {
  const legListed = calls.some((c) => c.id === t.legId);
  const originalListed = calls.some((c) => c.id === t.originalId);
  if (legListed) return 'waiting';
  if (!originalListed) return 'transferred';
  return legSeen ? 'still-yours' : 'waiting';
}

export function transferOutcomeText(outcome: TransferOutcome, t: MuteTransfer): string {
  return outcome === 'transferred'
    ? `Transferred ${t.who} to ${t.destination}.`
    : `${t.destination} didn't answer: the call with ${t.who} was not transferred and is still with you.`;
}

/** Shows "Transferring…" now and the outcome once the list tells; returns a disposer. */
export function watchMuteTransfer(store: AppStore, t: MuteTransfer): () => void {
  const ui = () => store.getState().ui;
  ui().pushNote({
    kind: 'transferring',
    text: `Transferring ${t.who} to ${t.destination}: waiting for an answer. If nobody answers, the call stays with you.`,
    transferLeg: t.legId,
  });
  let legSeen = false;
  let done = false;
  const check = (calls: readonly Call[]) => {
    if (done) return;
    const outcome = decideTransfer(calls, t, legSeen);
    if (calls.some((c) => c.id === t.legId)) legSeen = true;
    if (outcome === 'waiting') return;
    done = true;
    unsubscribe();
    for (const note of ui().notes) if (note.transferLeg === t.legId) ui().dismissNote(note.id);
    ui().pushNote({ kind: 'transfer', text: transferOutcomeText(outcome, t) });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.calls.list !== prev.calls.list) check(s.calls.list);
  });
  return () => {
    done = true;
    unsubscribe();
  };
}
