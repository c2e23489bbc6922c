/**
 * How the built-in line checks a VideoSDK token, as strictly as VideoSDK: the Authorization header
 * is the bare JWT (a "Bearer " prefix is refused), HS256 over header and payload with the secret of
 * the project named by `apikey`, `version: 2`, the `crawler` role for server calls, and an expiry
 * that has not passed. Written independently of the SDK that mints the tokens, so a test of one
 * against the other proves something.
 */
import { createHmac } from 'node:crypto';
import { isRecord } from '../core/is-record.js';
import { sameSecret } from '../core/same-secret.js';
import type { VideoSdkProject } from './videosdk-state.js';

export type TokenCheck = { ok: true; apiKey: string } | { ok: false; message: string };

/** Tolerated clock skew for `iat` in the future. */
const SKEW_SEC = 60;

function decodePart(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function checkVideoSdkToken(header: string | string[] | undefined, projects: readonly VideoSdkProject[], nowMs: number): TokenCheck {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return { ok: false, message: 'Authorization token is missing.' };
  if (/^bearer\s/i.test(value)) return { ok: false, message: 'Invalid token: send the JWT itself in Authorization, without "Bearer ".' };
  const parts = value.split('.');
  if (parts.length !== 3) return { ok: false, message: 'Invalid token: not a JWT.' };
  const [encodedHeader, encodedPayload, signature] = parts as [string, string, string];
  const head = decodePart(encodedHeader);
  const payload = decodePart(encodedPayload);
  if (!isRecord(head) || !isRecord(payload)) return { ok: false, message: 'Invalid token: not a JWT.' };
  if (head.alg !== 'HS256') return { ok: false, message: 'Invalid token: only HS256 is accepted.' };
  const project = projects.find((p) => p.apiKey === payload.apikey);
  if (!project) return { ok: false, message: 'Invalid token: unknown apikey.' };
  const expected = createHmac('sha256', project.secret).update(`${encodedHeader}.${encodedPayload}`).digest('base64url');
  if (!sameSecret(signature, expected)) return { ok: false, message: 'Invalid token: signature does not match.' };
  if (payload.version !== 2) return { ok: false, message: 'Invalid token: version must be 2.' };
  if (!Array.isArray(payload.roles) || !payload.roles.includes('crawler')) {
    return { ok: false, message: 'Invalid token: the crawler role is required for API calls.' };
  }
  const nowSec = Math.floor(nowMs / 1000);
  if (typeof payload.exp !== 'number') return { ok: false, message: 'Invalid token: no expiry.' };
  if (payload.exp <= nowSec) return { ok: false, message: 'Token expired.' };
  if (typeof payload.iat === 'number' && payload.iat > nowSec + SKEW_SEC) return { ok: false, message: 'Invalid token: issued in the future.' };
  return { ok: true, apiKey: project.apiKey };
}
