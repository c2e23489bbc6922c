import type { PopupState } from '../../preload/contract.js';
import type { PopupView } from '../core/ports.js';
import type { DeskModel } from './desk-model.js';
import { EMPTY_POPUP, popupState } from './popup-model.js';

export interface PopupController {
  render(model: DeskModel): void;
  dismiss(callId: string, model: DeskModel): void;
  state(): PopupState;
}

/**
 * Keeps the incoming-call popup in step with the calls: it appears when a call starts ringing,
 * stacks, and loses a card the moment that call stops alerting (answered here or elsewhere,
 * declined, missed). The page and the window are told only when something changed.
 */
export function createPopupController(deps: { view: PopupView; onChange(state: PopupState): void }): PopupController {
  const dismissed = new Set<string>();
  let current: PopupState = EMPTY_POPUP;
  let serialized = JSON.stringify(current);

  function render(model: DeskModel): void {
    // A dismissed call that stopped ringing is forgotten, so its id can never hide another card.
    const ringing = new Set(model.calls.filter((call) => call.state === 'alerting').map((call) => call.id));
    for (const id of dismissed) if (!ringing.has(id)) dismissed.delete(id);
    const next = popupState(model, dismissed);
    const text = JSON.stringify(next);
    if (text === serialized) return;
    current = next;
    serialized = text;
    deps.view.update(next);
    deps.onChange(next);
  }

  return {
    render,
    dismiss(callId, model) {
      dismissed.add(callId);
      render(model);
    },
    state: () => current,
  };
}
