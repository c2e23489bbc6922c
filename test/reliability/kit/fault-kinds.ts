/**
 * The fault kinds of issue 14, each as the built-in line (or the gate in front of it) plays it,
 * with what CallDeck must show while it lasts. One entry per kind; the fault table crosses them
 * with every API surface.
 */
import type { ErrorCode, LineStatus } from '../../../preload/contract.js';
import type { FaultSpec } from '../../line-kit/index.js';
import { CLIENT_TIMEOUT_MS, type World } from './world.js';

export interface FaultKind {
  name: string;
  /** Arms the fault for every request whose path contains `path` (and has `method`, if given), until `disarm`. */
  arm(world: World, path: string, method?: 'GET' | 'POST' | 'PUT' | 'DELETE'): Promise<void>;
  disarm(world: World): Promise<void>;
  /** The line status a failing poll shows. */
  line: LineStatus['state'];
  /** The error code a failing one-off request (an action, a sign-in) answers with. */
  code: ErrorCode;
  /** Words the error must contain, when the kind has something specific to say. */
  says?: RegExp;
  /** While the fault lasts, polls are at least this far apart (the server asked us to wait). */
  minGapMs?: number;
  /** Needs real time longer than a product timeout; only surfaces with a short client deadline run it. */
  realTimeout?: boolean;
  /** Strikes every request at the network, whatever its path or method (nothing reaches the line). */
  atGate?: boolean;
}

type Unarmed<T> = T extends unknown ? Omit<T, 'path' | 'times'> : never;

function lineFault(spec: Unarmed<FaultSpec>): Pick<FaultKind, 'arm' | 'disarm'> {
  return {
    async arm(world, path, method) {
      world.line.control.injectFault({ ...spec, path, times: 'always', ...(method ? { method } : {}) } as FaultSpec);
    },
    async disarm(world) {
      world.line.control.clearFaults();
    },
  };
}

const status = (code: number, retryAfterSec?: number) =>
  lineFault({ kind: 'status', status: code, ...(retryAfterSec !== undefined ? { retryAfterSec } : {}) });

export const FAULT_KINDS: FaultKind[] = [
  { name: '429 with Retry-After: 7', ...status(429, 7), line: 'rate-limited', code: 'rate-limited', minGapMs: 7_000 },
  { name: '429 without Retry-After', ...status(429), line: 'rate-limited', code: 'rate-limited', minGapMs: 5_000 },
  { name: '500', ...status(500), line: 'error', code: 'provider' },
  { name: '502', ...status(502), line: 'error', code: 'provider' },
  { name: '503', ...status(503), line: 'error', code: 'provider' },
  { name: '504', ...status(504), line: 'error', code: 'provider' },
  { name: '401 (a token nothing can renew)', ...status(401), line: 'unauthorized', code: 'unauthorized' },
  {
    name: 'slower than the timeout',
    ...lineFault({ kind: 'slow', delayMs: CLIENT_TIMEOUT_MS * 3 }),
    line: 'offline',
    code: 'timeout',
    says: /did not answer within/,
    realTimeout: true,
  },
  { name: 'connection reset mid-body', ...lineFault({ kind: 'reset-mid-body' }), line: 'offline', code: 'network' },
  { name: 'malformed JSON', ...lineFault({ kind: 'bad-json' }), line: 'error', code: 'provider', says: /not valid JSON/ },
  {
    name: 'wrong content type (HTML)',
    ...lineFault({ kind: 'wrong-content-type' }),
    line: 'error',
    code: 'provider',
    says: /text\/html instead of JSON/,
  },
  { name: 'oversized body', ...lineFault({ kind: 'oversized' }), line: 'error', code: 'provider', says: /larger than 4 MB/ },
  {
    name: 'server gone (ECONNREFUSED), then back',
    async arm(world) {
      await world.gate.down();
    },
    async disarm(world) {
      await world.gate.up();
    },
    line: 'offline',
    code: 'network',
    // ECONNREFUSED for a new connection; a pooled one the server just dropped reads as a closed socket.
    says: /Could not reach Webex \((ECONNREFUSED|UND_ERR_SOCKET)\)/,
    atGate: true,
  },
];
