/**
 * One signed-in Webex account's tokens. Every request asks `accessToken()`; with under five minutes
 * left it renews first. A 401 renews once (`refreshAfterRejection`). Renewal is single-flight: any
 * number of callers that need it at the same moment share one request to Webex.
 *
 * A refusal from Webex (or a personal access token running out) ends the session: the owner hears
 * it once through `onEnded` and signs the account out. A network failure does not end anything.
 */
import { AppError } from '../core/app-error.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';

const REFRESH_MARGIN_MS = 5 * 60_000;

export interface SessionTokens {
  accessToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

export interface TokenSessionDeps {
  tokens: SessionTokens;
  clock: Clock;
  log: Logger;
  /** Absent for a personal access token, which cannot be renewed. */
  refresh?: (refreshToken: string) => Promise<SessionTokens>;
  /** Stores renewed tokens (in the vault). */
  save(tokens: SessionTokens): Promise<void>;
  /** Called once, when the session can no longer work; `reason` says why in words. */
  onEnded(reason: AppError): void;
  messages: { expired: string; rejected: string };
}

export interface TokenSession {
  accessToken(): Promise<string>;
  /** After a 401 with `rejected`: true when a newer token is ready and the request is worth one retry. */
  refreshAfterRejection(rejected: string): Promise<boolean>;
  expiresAt(): number;
  /** Ends the session without telling the owner (sign-out is the owner's own doing). */
  close(): void;
}

/** Webex's answer settles it: the refresh token (or the client) is no good. */
function isRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'unauthorized' || error.code === 'invalid-input' || error.code === 'forbidden');
}

export function createTokenSession(deps: TokenSessionDeps): TokenSession {
  const { clock, log } = deps;
  let current = deps.tokens;
  let inflight: Promise<void> | undefined;
  let ended: AppError | undefined;
  let expiryTimer: TimerHandle | undefined;

  function end(reason: AppError, notify = true): void {
    if (ended) return;
    ended = reason;
    if (expiryTimer !== undefined) clock.clearTimeout(expiryTimer);
    if (notify) deps.onEnded(reason);
  }

  const canRefresh = () => deps.refresh !== undefined && current.refreshToken !== undefined;

  // Without a way to renew, the end is known in advance: say so on time, not at the next request.
  if (!canRefresh()) {
    expiryTimer = clock.setTimeout(
      () => end(new AppError('unauthorized', deps.messages.expired)),
      Math.max(0, current.accessExpiresAt - clock.now()),
    );
  }

  function refreshOnce(): Promise<void> {
    inflight ??= (async () => {
      try {
        const refreshToken = current.refreshToken;
        if (!deps.refresh || refreshToken === undefined) throw new AppError('unauthorized', deps.messages.rejected);
        if (current.refreshExpiresAt !== undefined && clock.now() >= current.refreshExpiresAt) {
          throw new AppError('unauthorized', deps.messages.expired);
        }
        const next = await deps.refresh(refreshToken);
        if (ended) return;
        // Webex may answer a refresh without a new refresh token: the old one stays valid.
        const refreshExpiresAt = next.refreshExpiresAt ?? current.refreshExpiresAt;
        current = {
          accessToken: next.accessToken,
          accessExpiresAt: next.accessExpiresAt,
          refreshToken: next.refreshToken ?? refreshToken,
          ...(refreshExpiresAt !== undefined ? { refreshExpiresAt } : {}),
        };
        // Keeps working on the new token even if storing it fails; the next start signs in again.
        await deps.save(current).catch((error: unknown) =>
          log.warn('could not store the renewed webex sign-in', { error: error instanceof Error ? error.message : String(error) }),
        );
        log.info('webex sign-in renewed', { expiresAt: new Date(current.accessExpiresAt).toISOString() });
      } catch (error) {
        if (isRefusal(error)) end(error as AppError);
        else log.warn('webex sign-in renewal failed; will try again', { code: error instanceof AppError ? error.code : 'unknown' });
        throw error;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  return {
    async accessToken() {
      if (ended) throw ended;
      if (canRefresh() && current.accessExpiresAt - clock.now() < REFRESH_MARGIN_MS) {
        try {
          await refreshOnce();
        } catch (error) {
          // A blip while the old token still works is no reason to stop working.
          if (ended || clock.now() >= current.accessExpiresAt) throw ended ?? error;
        }
      }
      if (ended) throw ended;
      if (clock.now() >= current.accessExpiresAt) {
        end(new AppError('unauthorized', deps.messages.expired));
        throw ended;
      }
      return current.accessToken;
    },
    async refreshAfterRejection(rejected) {
      if (ended) return false;
      if (rejected !== current.accessToken) return true;
      if (!canRefresh()) {
        end(new AppError('unauthorized', deps.messages.rejected));
        return false;
      }
      try {
        await refreshOnce();
      } catch {
        return false;
      }
      return !ended && current.accessToken !== rejected;
    },
    expiresAt: () => current.accessExpiresAt,
    close() {
      end(new AppError('not-signed-in', 'Signed out.'), false);
    },
  };
}
