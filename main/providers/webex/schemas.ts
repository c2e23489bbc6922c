/**
 * Webex Call Controls payloads as ../shared/contracts/webex-call-controls.openapi.json defines
 * them. Responses are parsed with these at the edge, so the rest of main works with checked data.
 * Objects are `loose` where Webex may add fields in future: unknown fields are kept, not rejected.
 */
import { z } from 'zod';
import { tolerantEnum, unrecognizedValues, type Unrecognized } from './tolerant-enum.js';

export const WebexCallState = z.enum(['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected']);
export const WebexPersonality = z.enum(['originator', 'terminator', 'clickToDial']);
export const WebexRecordingState = z.enum(['pending', 'started', 'paused', 'stopped', 'failed']);
export const WebexRedirectionReason = z.enum([
  'busy',
  'noAnswer',
  'unavailable',
  'unconditional',
  'timeOfDay',
  'divert',
  'followMe',
  'huntGroup',
  'callQueue',
  'unknown',
]);

export const WebexParty = z.looseObject({
  name: z.string().optional(),
  number: z.string().optional(),
  personId: z.string().optional(),
  placeId: z.string().optional(),
  privacyEnabled: z.boolean(),
  callType: z.string(),
});
export type WebexParty = z.infer<typeof WebexParty>;

const ENUM_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  state: new Set(WebexCallState.options),
  personality: new Set(WebexPersonality.options),
  recordingState: new Set(WebexRecordingState.options),
  'redirections.*.reason': new Set(WebexRedirectionReason.options),
};

/**
 * Read tolerantly: an enum value this build does not know reads as 'unknown' (a redirection reason
 * as the contract's own 'unknown'), listed in `unrecognized` with the value Webex sent.
 */
export const WebexCall = z.preprocess(
  (raw) => {
    const unrecognized = unrecognizedValues(raw, ENUM_FIELDS);
    return unrecognized.length > 0 && raw !== null && typeof raw === 'object' ? { ...raw, unrecognized } : raw;
  },
  z.looseObject({
    id: z.string(),
    callSessionId: z.string(),
    personality: tolerantEnum(WebexPersonality),
    state: tolerantEnum(WebexCallState),
    remoteParty: WebexParty,
    appearance: z.number().optional(),
    created: z.string(),
    answered: z.string().optional(),
    redirections: z
      .array(
        z.looseObject({
          // The contract has its own 'unknown' reason: an unrecognised one reads as that.
          reason: tolerantEnum(WebexRedirectionReason),
          redirectingParty: WebexParty,
        }),
      )
      .optional(),
    recall: z.looseObject({ type: z.string(), party: WebexParty.optional() }).optional(),
    recordingState: tolerantEnum(WebexRecordingState).optional(),
    muteCapable: z.boolean(),
    muted: z.boolean(),
    unrecognized: z.array(z.object({ field: z.string(), value: z.string() })).optional(),
  }),
);
export type WebexCall = z.output<typeof WebexCall> & { unrecognized?: Unrecognized[] };

export const WebexCallList = z.looseObject({ items: z.array(WebexCall) });

export const WebexHistoryRecord = z.looseObject({
  type: z.enum(['placed', 'missed', 'received']),
  name: z.string().optional(),
  number: z.string().optional(),
  privacyEnabled: z.boolean(),
  time: z.string(),
});
export type WebexHistoryRecord = z.infer<typeof WebexHistoryRecord>;

export const WebexHistoryList = z.looseObject({ items: z.array(WebexHistoryRecord) });

/** dial, retrieve, pickup, bargeIn, pull and mute-transfer answer with this (201). */
export const WebexCallRef = z.looseObject({ callId: z.string(), callSessionId: z.string() });
export type WebexCallRef = z.infer<typeof WebexCallRef>;

export const WebexParkResult = z.looseObject({ parkedAgainst: WebexParty });

export const WebexDoNotDisturb = z.looseObject({
  enabled: z.boolean().optional(),
  ringSplashEnabled: z.boolean().optional(),
  webexGoOverrideEnabled: z.boolean().optional(),
});
export type WebexDoNotDisturb = z.infer<typeof WebexDoNotDisturb>;

/** Webex's error body: `{ message, errors: [{ description, errorCode? }], trackingId }`. */
export const WebexErrorBody = z.looseObject({
  message: z.string().optional(),
  errors: z.array(z.looseObject({ description: z.string().optional(), errorCode: z.number().optional() })).optional(),
  trackingId: z.string().optional(),
});
