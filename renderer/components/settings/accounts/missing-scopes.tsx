import type { MissingScope } from '../../../../preload/contract';

const CALL_CONTROL = new Set(['spark:calls_read', 'spark:calls_write']);

/** Names each scope Webex did not grant and what stops working without it. */
export function MissingScopes({ missing }: { missing: MissingScope[] }) {
  if (missing.length === 0) return null;
  const blocking = missing.some((m) => CALL_CONTROL.has(m.scope));
  const lead = missing.some((m) => m.scope === 'spark:calls_read')
    ? 'CallDeck cannot see or control your calls: '
    : blocking
      ? 'CallDeck can show your calls but not control them: '
      : 'Some features are unavailable: ';
  return (
    <div role={blocking ? 'alert' : 'status'} className="missing-scopes">
      <p>
        {lead}
        Webex did not grant {missing.length === 1 ? 'this scope' : 'these scopes'}. Add {missing.length === 1 ? 'it' : 'them'} to your
        integration on developer.webex.com, then sign in again.
      </p>
      <ul>
        {missing.map((m) => (
          <li key={m.scope}>
            <code>{m.scope}</code>, needed for {m.neededFor}
          </li>
        ))}
      </ul>
    </div>
  );
}
