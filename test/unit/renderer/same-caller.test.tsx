import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { toCall } from '../../../main/calls/to-call';
import { popupState } from '../../../main/desktop/popup-model';
import { buildTrayMenu } from '../../../main/desktop/tray-menu';
import { trayToolTip } from '../../../main/desktop/tray-status';
import type { Call } from '../../../preload/contract';
import type { WebexParty } from '../../../main/providers/webex/schemas';
import { PopupCardView } from '../../../renderer/popup/popup-card';
import { party, webexCall } from '../../fakes/webex-call-fixtures';
import { desk, T0 } from '../desktop/desk-fixtures';
import { FakeCallDeckApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

/**
 * The tray (main), the popup card (main's text in the popup page) and the window (the renderer)
 * each name a ringing caller. They must read the same, because a person glances from one to the
 * other: "Ringing: X" in the tray must be the X on the card and in the call list.
 */
const CALLERS: ReadonlyArray<{ kind: string; remote: WebexParty; name: string; detail: string | undefined }> = [
  { kind: 'named', remote: party({ name: 'Ana Silva', number: '+12015550123' }), name: 'Ana Silva', detail: '+1 201 555 0123' },
  { kind: 'number only', remote: party({ number: '+442071838750' }), name: '+44 20 7183 8750', detail: undefined },
  // The "min" and "max" metadata sets disagree on this one; both sides must use the same set.
  { kind: 'number only, short German mobile', remote: party({ number: '+491512345' }), name: '+49 1512345', detail: undefined },
  { kind: 'private, anonymous', remote: party({ privacyEnabled: true, number: '+12015550123' }), name: 'Private number', detail: undefined },
  { kind: 'SIP URI', remote: party({ number: 'sip:desk@example.com' }), name: 'sip:desk@example.com', detail: undefined },
  { kind: 'extension', remote: party({ name: 'Reception', number: '4102', callType: 'location' }), name: 'Reception', detail: '4102' },
  { kind: 'bare extension', remote: party({ number: '4102', callType: 'location' }), name: '4102', detail: undefined },
  { kind: 'nothing known', remote: party(), name: 'Unknown caller', detail: undefined },
];

describe('tray, popup and window name a caller the same way', () => {
  test.each(CALLERS)('$kind', async ({ remote, name, detail }) => {
    const call = toCall(webexCall({ id: 'c1', remoteParty: remote }));
    await showsTheSame(call, name, detail);
  });

  // Webex withholds a private caller's name too, but the domain allows one; the rule must hold then.
  test('private, named', async () => {
    const call = { ...toCall(webexCall({ id: 'c1' })), remote: { name: 'Bo Chen', number: '+12015550123', privacy: true } };
    await showsTheSame(call, 'Bo Chen', 'Private number');
  });
});

async function showsTheSame(call: Call, name: string, detail: string | undefined) {
    const model = desk([call]);

    expect(trayToolTip(model, T0)).toBe(`Ringing: ${name}`);
    expect(buildTrayMenu(model).map((item) => item.label)).toContain(`Answer ${name}`);

    const [card] = popupState(model, new Set()).cards;
    if (card === undefined) throw new Error('no popup card for a ringing call');
    const popup = render(
      <ul>
        <PopupCardView api={new FakeCallDeckApi()} card={card} />
      </ul>,
    );
    const popupCard = within(popup.container).getByRole('listitem', { name });
    expect(within(popupCard).getByRole('heading').textContent).toBe(name);
    expect(popupCard.querySelector('.popup-detail')?.textContent?.trim() || undefined).toBe(detail);
    popup.unmount();

    await renderApp([call]);
    const windowItem = screen.getByRole('listitem', { name: `Call with ${name}` });
    expect(windowItem.querySelector('.call-name')?.textContent).toBe(name);
    expect(windowItem.querySelector('.call-number')?.textContent ?? undefined).toBe(detail);
}
