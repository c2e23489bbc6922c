import type { Logger } from './ports.js';

const SECRET_KEY = /authorization|token|secret|password|cookie|jwt|apikey|api_key|client_secret/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** VideoSDK sends its JWT bare, without a scheme to recognise it by. */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** A credential in a URL's query (an OAuth redirect, a token endpoint echoed in an error). */
const QUERY_SECRET = /([?&](?:access_token|refresh_token|id_token|token|code|code_verifier|client_secret)=)[^&#\s"']+/gi;

/** Replaces secret-looking values before anything reaches a log line. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return value.replace(BEARER, '$1 [redacted]').replace(JWT, '[redacted jwt]').replace(QUERY_SECRET, '$1[redacted]');
  // An Error's message and stack are not own enumerable properties; without this they would log as {}.
  if (value instanceof Error) {
    return redact({ ...Object.fromEntries(Object.entries(value)), name: value.name, message: value.message, ...(value.stack ? { stack: value.stack } : {}) }, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * Any logger, with every message and field passed through `redact` first. The core wraps the
 * logger it is given in this, so whatever a port's logger does with a line, it never sees a secret.
 */
export function redactingLogger(inner: Logger): Logger {
  const clean = (fields?: Record<string, unknown>) => (fields ? (redact(fields) as Record<string, unknown>) : undefined);
  const line =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      const cleaned = clean(fields);
      if (cleaned) inner[level](redact(message) as string, cleaned);
      else inner[level](redact(message) as string);
    };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}

/** Structured log lines on stderr; every field passes through `redact`. */
export function createConsoleLogger(sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const extra = fields ? ` ${JSON.stringify(redact(fields))}` : '';
    sink(`${new Date().toISOString()} ${level} ${redact(message) as string}${extra}`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
