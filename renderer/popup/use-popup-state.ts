import { useEffect, useState } from 'react';
import type { CallDeckApi, PopupState } from '../../preload/contract';

const EMPTY: PopupState = { cards: [], more: 0 };

/** The popup's cards as main decides them: the event first, then the initial state, then ready. */
export function usePopupState(api: CallDeckApi): PopupState {
  const [state, setState] = useState<PopupState>(EMPTY);
  useEffect(() => {
    let sawEvent = false;
    let active = true;
    const unsubscribe = api.popup.onChanged((next) => {
      sawEvent = true;
      if (active) setState(next);
    });
    void (async () => {
      const first = await api.popup.get().catch(() => null);
      if (active && !sawEvent && first?.ok) setState(first.value);
      await api.app.ready().catch(() => null);
    })();
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);
  return state;
}
