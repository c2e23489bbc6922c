import type { Logger } from './ports.js';

const SECRET_KEY = /authorization|token|secret|password|cookie|jwt|apikey|api_key|client_secret/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** VideoSDK sends its JWT bare, without a scheme to recognise it by. */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Replaces secret-looking values before anything reaches a log line. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return value.replace(BEARER, '$1 [redacted]').replace(JWT, '[redacted jwt]');
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
