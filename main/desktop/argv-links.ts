import { looksLikeLink } from './deep-link.js';

/**
 * The phone link in a command line, as Windows and Linux hand one over (`CallDeck.exe -- "tel:…"`,
 * `calldeck %U`), on a cold start or in `second-instance`. Switches are skipped, so a crafted
 * "--flag" is never mistaken for a link; only the first link counts, as a browser sends one.
 */
export function linkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => !arg.startsWith('-') && looksLikeLink(arg));
}
