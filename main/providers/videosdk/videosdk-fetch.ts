import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { AppError } from '../../core/app-error.js';
import { readCapped, readJsonBody, sharedAgent } from '../http.js';
import { codeForVideoSdkStatus } from './videosdk-errors.js';

/** The subset of fetch the VideoSDK SDK calls (its `FetchLike`). */
export type VideoSdkFetch = (input: string, init?: RequestInit) => Promise<Response>;

const SERVICE = 'VideoSDK';

/**
 * The fetch handed to VideoSDK's SDK: undici's, on main's own Agent (connect 5 s, headers and body
 * 10 s each), so a dead network is noticed as quickly for VideoSDK as for Webex. The global fetch
 * would use Node's default dispatcher, whose timeouts are 300 s.
 */
export function fetchOn(dispatcher: Dispatcher = sharedAgent()): VideoSdkFetch {
  return async (input, init) => {
    // undici's Response is the same class Node's global fetch returns; only its typings differ.
    const response = await undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
    return response as unknown as Response;
  };
}

/**
 * Seed 001: the answer carries its own `statusCode` ("HTTP response status code") and `message`
 * ("Success or error message"). A 2xx whose body says 4xx or 5xx is that error, in VideoSDK's words.
 */
function bodyStatus(json: unknown, trackingId: string | undefined): void {
  if (json === null || typeof json !== 'object') return;
  const { statusCode, message } = json as { statusCode?: unknown; message?: unknown };
  const code = typeof statusCode === 'number' ? statusCode : typeof statusCode === 'string' && /^\d{3}$/.test(statusCode) ? Number(statusCode) : undefined;
  if (code === undefined || code < 400 || code > 599) return;
  const words = typeof message === 'string' && message.trim() !== '' ? message.trim() : `VideoSDK reported error ${code}.`;
  throw new AppError(codeForVideoSdkStatus(code), words, { status: code, ...(trackingId !== undefined ? { trackingId } : {}) });
}

/**
 * Holds any fetch to what main/providers/http.ts holds Webex to, since the SDK reads bodies itself:
 * at most MAX_RESPONSE_BYTES is read, and a 2xx must be JSON (a sign-in page or a broken body is a
 * `provider` AppError saying what came, not the SDK's silent pass-through of text). The SDK wraps
 * what this throws as the `cause` of its own error; toAppError finds it there. `seen` is told of
 * every response (its headers), before the body is read.
 */
export function guardedFetch(inner: VideoSdkFetch, seen: (response: Response) => void = () => {}): VideoSdkFetch {
  return async (input, init) => {
    const response = await inner(input, init);
    seen(response);
    const { body, status } = response;
    const text = body
      ? await readCapped(body, response.headers.get('content-length'), SERVICE, () => void body.cancel().catch(() => undefined))
      : '';
    if (response.ok) {
      const trackingId = response.headers.get('x-request-id') ?? undefined;
      const json = readJsonBody(text, response.headers.get('content-type'), SERVICE, { status, trackingId });
      bodyStatus(json, trackingId);
    }
    const empty = text === '' || status === 204 || status === 304;
    return new Response(empty ? null : text, { status, statusText: response.statusText, headers: response.headers });
  };
}
