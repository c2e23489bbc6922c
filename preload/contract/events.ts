import { z } from 'zod';
import { channel, None } from './channel.js';

/**
 * Which source keeps the calls live: a push source (XSI events or webhooks, with a slow poll as the
 * safety net) or polling alone. `problem` says why push is not in use when it was meant to be.
 */
export const LiveSource = z.object({
  source: z.enum(['xsi', 'webhooks', 'poll']),
  problem: z.string().max(300).optional(),
});
export type LiveSource = z.infer<typeof LiveSource>;

export const eventsChannels = {
  'events:status': channel(None, LiveSource),
} as const;

export const eventsEvents = {
  'events:changed': LiveSource,
} as const;
