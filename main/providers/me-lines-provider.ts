import type { QueueSettingsPut, WebexEndpoint, WebexQueueSettings } from './webex/me-lines-schemas.js';

/**
 * The user's devices, secondary lines and call-queue agent state (Webex "Call Settings For Me").
 * Throws AppError like CallsProvider. `lineOwnerId` absent: the user's own line.
 */
export interface MeLinesProvider {
  endpoints(signal?: AbortSignal): Promise<WebexEndpoint[]>;
  /** undefined when none is set (Webex then answers empty). */
  preferredAnswerEndpoint(signal?: AbortSignal): Promise<string | undefined>;
  setPreferredAnswerEndpoint(endpointId: string | null): Promise<void>;
  queues(lineOwnerId?: string, signal?: AbortSignal): Promise<WebexQueueSettings>;
  setQueues(body: QueueSettingsPut, lineOwnerId?: string): Promise<void>;
  /** Display names by person id (GET /people?id=, up to 85 per request); unknown ids are left out. */
  personNames(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, string>>;
}
