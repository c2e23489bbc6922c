import { useRef } from 'react';
import type { CallDeckApi } from '../../preload/contract';
import { useFocusRescue } from '../hooks/use-focus-rescue';
import { PopupCardView } from './popup-card';
import { usePopupState } from './use-popup-state';

/**
 * The incoming-call popup: a small always-on-top window near the tray that shows without taking
 * focus. One card per ringing call; main removes a card as soon as its call stops alerting.
 */
export function PopupApp({ api }: { api: CallDeckApi }) {
  const { cards, more } = usePopupState(api);
  const ref = useRef<HTMLElement>(null);
  // A card that vanishes under the keyboard hands focus to the next one.
  useFocusRescue(ref, cards.map((card) => card.callId).join(','), () => ref.current?.querySelector<HTMLElement>('.popup-card button') ?? null);

  return (
    <main ref={ref} className="popup">
      <ul className="popup-cards" aria-label="Incoming calls">
        {cards.map((card) => (
          <PopupCardView key={card.callId} api={api} card={card} />
        ))}
      </ul>
      {more > 0 && (
        <p className="popup-more">
          {more === 1 ? '1 more call ringing' : `${more} more calls ringing`}: see the CallDeck window or tray.
        </p>
      )}
    </main>
  );
}
