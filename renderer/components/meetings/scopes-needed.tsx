/** Shown instead of the meeting tools when the signed-in token cannot use Webex Meetings. */
export function ScopesNeeded({ scopes, howTo }: { scopes: string[]; howTo: string }) {
  return (
    <div className="meetings-scopes">
      <p>CallDeck cannot use Webex Meetings with this sign-in.</p>
      {scopes.length > 0 && (
        <>
          <p>It needs these scopes:</p>
          <ul aria-label="Scopes to add">
            {scopes.map((scope) => (
              <li key={scope}>
                <code>{scope}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{howTo}</p>
    </div>
  );
}
