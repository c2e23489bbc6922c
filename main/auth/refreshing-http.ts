import { AppError } from '../core/app-error.js';
import type { HttpClient } from '../providers/http.js';
import type { TokenSession } from './token-session.js';

/**
 * Retries a request once after a 401, with a renewed token. Any request may be retried, POSTs
 * included: a 401 means Webex did not act on it. The inner client asks the session for its token
 * itself, so the one read here is only to know which token a 401 was about.
 */
export function withTokenRenewal(inner: HttpClient, session: TokenSession): HttpClient {
  return {
    async request(req) {
      const used = await session.accessToken();
      try {
        return await inner.request(req);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'unauthorized') throw error;
        if (!(await session.refreshAfterRejection(used))) throw error;
        return inner.request(req);
      }
    },
    close: () => inner.close(),
  };
}
