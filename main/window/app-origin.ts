/**
 * The UI is served from a privileged custom scheme, never over http: `calldeck://app/…`.
 * A standard, secure scheme gives the page a real origin (needed for the IPC sender check and
 * CSP 'self') without opening a local port any other process could reach.
 */
export const APP_SCHEME = 'calldeck';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent as a header by the protocol handler and repeated as a meta tag in index.html, so the
 * policy holds even if one of the two is lost. No inline script or style, no remote anything.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
