/**
 * Where a live source's requests go: the line's own exchange log, grouped by method and path,
 * so a per-minute figure above its target can be read as "which reads, how often" rather than a
 * bare number. Ids in paths are folded into {id}; the calls list is split by whether it asked
 * about my line or a secondary line (lineOwnerId), since those run on separate schedules.
 */
import type { SandboxExchange, TestLine } from './app-under-test.js';
import { now } from './clock.js';

export interface Breakdown {
  /** Webex REST (/v1) requests per minute, by "METHOD path". */
  rest: Record<string, number>;
  /** XSI requests per minute (channel, heartbeats, event responses, subscriptions), by "METHOD path". */
  xsi: Record<string, number>;
  windowSeconds: number;
}

/** A path segment that names one thing (a person, call, channel…) rather than a kind of thing. */
const ID_SEGMENT = /^(?=.*\d)[A-Za-z0-9_=%:.-]{16,}$/;

export function requestKey(exchange: Pick<SandboxExchange, 'method' | 'path' | 'query'>): string {
  const path = exchange.path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
    .join('/');
  const owner = exchange.path === '/v1/telephony/calls' ? (exchange.query.lineOwnerId !== undefined ? ' ?lineOwnerId' : ' (my line)') : '';
  return `${exchange.method} ${path}${owner}`;
}

export interface BreakdownRecorder {
  /** Starts a window; the returned function ends it and gives the per-minute breakdown. */
  window(): () => Breakdown;
  close(): void;
}

export function recordBreakdown(line: TestLine): BreakdownRecorder {
  const seen: Array<{ at: number; key: string; rest: boolean }> = [];
  const stop = line.control.onExchange((exchange) => {
    seen.push({ at: now(), key: requestKey(exchange), rest: exchange.path.startsWith('/v1/') });
  });
  return {
    window() {
      const start = now();
      return () => {
        const end = now();
        const perMinute = 60_000 / (end - start);
        const rest: Record<string, number> = {};
        const xsi: Record<string, number> = {};
        for (const entry of seen) {
          if (entry.at < start || entry.at > end) continue;
          const into = entry.rest ? rest : xsi;
          into[entry.key] = (into[entry.key] ?? 0) + perMinute;
        }
        const round = (book: Record<string, number>) =>
          Object.fromEntries(Object.entries(book).sort(([, a], [, b]) => b - a).map(([key, value]) => [key, Math.round(value * 100) / 100]));
        return { rest: round(rest), xsi: round(xsi), windowSeconds: Math.round((end - start) / 100) / 10 };
      };
    },
    close() {
      stop();
    },
  };
}

/** "GET /v1/telephony/calls (my line) 2, GET …/queues 1" for a row's note. */
export function breakdownNote(book: Record<string, number>, top = 4): string {
  return Object.entries(book)
    .slice(0, top)
    .map(([key, value]) => `${key} ${value.toFixed(1)}`)
    .join('; ');
}
