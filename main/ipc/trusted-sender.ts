/**
 * What main knows about the frame that sent an IPC message. Electron's `event.senderFrame` maps
 * onto this; keeping it a plain shape lets the rule be tested without Electron.
 */
export interface SenderFacts {
  /** The webContents id of the sender. */
  webContentsId: number;
  /** False for iframes, and for a frame Electron already disposed of (senderFrame null). */
  isMainFrame: boolean;
  url: string;
}

/**
 * A message is trusted only from the main frame of one of our own windows, showing our app
 * origin. An iframe, a navigated-away page, or a window we did not create is refused.
 */
export function isTrustedSender(sender: SenderFacts, ourWebContentsIds: ReadonlySet<number>, appOrigin: string): boolean {
  if (!sender.isMainFrame || !ourWebContentsIds.has(sender.webContentsId)) return false;
  return originOf(sender.url) === appOrigin;
}

/**
 * `URL.origin` is "null" for non-special schemes such as our `calldeck:` app scheme, so the
 * origin is rebuilt from scheme and host.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
