import { z } from 'zod';

/** A webhook as Webex answers it (webex-webhooks.openapi.json `Webhook`); CallDeck reads only these. */
export const WebexWebhook = z.object({
  id: z.string().min(1),
  name: z.string(),
  targetUrl: z.string(),
  resource: z.string(),
  event: z.string(),
  /** "A webhook whose deliveries fail can become inactive." Absent reads as active. */
  status: z.enum(['active', 'inactive']).optional(),
});
export type WebexWebhook = z.infer<typeof WebexWebhook>;

export const WebexWebhookList = z.object({ items: z.array(WebexWebhook) });
