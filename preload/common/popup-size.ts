/**
 * The incoming-call popup's geometry. Main sizes the window from it before the page has drawn
 * anything; the page lays its cards out from the same numbers (as CSS variables), so they fit.
 */
export const POPUP_WIDTH = 360;
export const POPUP_CARD_HEIGHT = 148;
export const POPUP_MORE_HEIGHT = 32;
export const POPUP_GAP = 8;

/** The window size for `cards` cards (at least one) and a "+N more" line when `more` > 0. */
export function popupSize(cards: number, more: number): { width: number; height: number } {
  const shown = Math.max(1, cards);
  return {
    width: POPUP_WIDTH,
    height: POPUP_GAP + shown * (POPUP_CARD_HEIGHT + POPUP_GAP) + (more > 0 ? POPUP_MORE_HEIGHT : 0),
  };
}

/** The same numbers as CSS custom properties for the popup page. */
export function popupCssVariables(): Record<string, string> {
  return {
    '--popup-width': `${POPUP_WIDTH}px`,
    '--popup-card-height': `${POPUP_CARD_HEIGHT}px`,
    '--popup-more-height': `${POPUP_MORE_HEIGHT}px`,
    '--popup-gap': `${POPUP_GAP}px`,
  };
}
