/**
 * What the window and the tray say while a Click to Dial call alerts the user's own phone (dial,
 * retrieve, pickup, barge-in, pull): the person has to pick up to place it. One wording, so the
 * tray, tooltip and window never disagree.
 */
export interface DialStage {
  readonly state: string;
  readonly personality: string;
}

export function awaitingPickUp(call: DialStage): boolean {
  return call.state === 'alerting' && call.personality === 'clickToDial';
}

export function pickUpText(who: string): string {
  return `Pick up your phone to call ${who}`;
}

/** The hang-up button's name while the call is still ours to cancel. */
export const CANCEL_CALL_LABEL = 'Cancel call';
