/** A stable place for focus when the element a keyboard user was on goes away. */
export const ACTIVE_CALLS_HEADING_ID = 'active-calls-heading';

export function activeCallsHeading(): HTMLElement | null {
  return document.getElementById(ACTIVE_CALLS_HEADING_ID);
}
