/**
 * VideoSDK's answers as CallDeck reads them. Lenient where VideoSDK adds fields (loose objects),
 * strict where CallDeck depends on a value (a call without an id or status is no call to show).
 */
import { z } from 'zod';

export const WireSipCall = z.looseObject({
  id: z.string().min(1),
  roomId: z.string().optional(),
  to: z.string().optional(),
  from: z.string().optional(),
  status: z.string().min(1),
  start: z.string().optional(),
  end: z.string().nullable().optional(),
  participantId: z.string().optional(),
  gatewayId: z.string().optional(),
  trunkId: z.string().optional(),
});
export type WireSipCall = z.infer<typeof WireSipCall>;

/** The legacy trunk call's answer (seed 001). */
export const WireOutboundCallAnswer = z.looseObject({
  statusCode: z.number().optional(),
  message: z.string().optional(),
  participantId: z.string().min(1),
});
