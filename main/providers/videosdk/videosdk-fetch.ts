import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { sharedAgent } from '../http.js';

/** The subset of fetch the VideoSDK SDK calls (its `FetchLike`). */
export type VideoSdkFetch = (input: string, init?: RequestInit) => Promise<Response>;

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
