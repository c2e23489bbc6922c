/**
 * What CallDeck may hand to the operating system to open (shell.openExternal). The only URL it
 * ever opens is the Webex sign-in page, so the rule is narrow: https, or http to this machine
 * (a Webex-compatible server on loopback, such as the built-in line's sign-in page). Anything
 * else — file:, javascript:, smb:, custom schemes, credentials in the URL — is refused, since
 * the OS would run whatever handler is registered for it.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_LENGTH = 8 * 1024;

/** Why `raw` may not be opened, or undefined when it may. */
export function externalUrlProblem(raw: string): string | undefined {
  if (raw.length > MAX_LENGTH) return 'That address is too long to open.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'That is not a web address.';
  }
  if (url.username !== '' || url.password !== '') return 'CallDeck does not open addresses with a user name or password in them.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return undefined;
  return 'CallDeck only opens https:// addresses in your browser.';
}

/** Wraps the OS's open so a refused URL never reaches it; the refusal is an Error with the reason. */
export function guardedOpenExternal(open: (url: string) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    const problem = externalUrlProblem(url);
    if (problem !== undefined) throw new Error(problem);
    await open(url);
  };
}
