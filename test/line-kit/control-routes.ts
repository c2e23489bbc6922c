/**
 * The control API over HTTP, for the browser harness and anything outside this process:
 *
 *   POST   /__sandbox/incoming-call            {from, via?, line?, muteCapable?} → 201 {callId}
 *   POST   /__sandbox/ring-in-group            {from, colleague?}                → 201 {callId}
 *   POST   /__sandbox/calls/{callId}/pick-up | remote-answer | remote-hold | remote-resume
 *                                   | remote-hangup | answered-elsewhere        → 204
 *   POST   /__sandbox/voicemail                {from, urgent?}                   → 204
 *   POST   /__sandbox/voicemail/heard                                            → 204
 *   PUT    /__sandbox/dial-behavior   {answerAfterMs, pickUpAfterMs?, newCallOnPickUp?} → 204
 *   PUT    /__sandbox/recording-mode           {mode}                            → 204
 *          (mode: never | always | alwaysPauseResume | onDemand)
 *   POST   /__sandbox/colleague-call           {colleague, with}                 → 201 {id}
 *   DELETE /__sandbox/colleague-call/{id}                                        → 204
 *   POST   /__sandbox/admin-token                                                → 201 {token}
 *   POST   /__sandbox/faults                   FaultSpec                          → 204
 *   DELETE /__sandbox/faults                                                      → 204
 *   POST   /__sandbox/expire-token                                                → 204
 *   POST   /__sandbox/tokens                                                      → 201 {token}
 *   GET    /__sandbox/state                                                       → 200 SandboxState
 *   POST   /__sandbox/reset                                                       → 204
 *   GET    /__sandbox/xsi                      → 200 {enabled, channels, subscriptions, seen}
 *   PUT    /__sandbox/xsi                      {enabled}                          → 204
 *   POST   /__sandbox/xsi/drop-channels        (cut mid-stream)                   → 204
 *   POST   /__sandbox/xsi/forget-channels      (heartbeats answer 404)            → 204
 *   PUT    /__sandbox/xsi/refusing             {refusing} (XSI answers 401)       → 204
 *   POST   /__sandbox/xsi/terminate-channels   {reason?}                          → 204
 *   GET    /__sandbox/webhooks                 (secrets left out)                 → 200 [webhook]
 *   GET    /__sandbox/webhooks/deliveries                                         → 200 [delivery]
 *   PUT    /__sandbox/webhooks/script          {delayMs?, duplicate?, reorderBatch?} → 204
 *   POST   /__sandbox/webhooks/{id}/deactivate                                    → 204
 *   DELETE /__sandbox/webhooks/{id}                                               → 204
 */
import { z } from 'zod';
import {
  RequestError,
  type ColleagueCallInput,
  type DialBehavior,
  type GroupCallInput,
  type IncomingCallInput,
  type RecordingMode,
  type VoicemailInput,
  type WebhooksControl,
  type SandboxXsi,
} from '../../main/sandbox/index.js';
import type { SandboxControl } from './test-control.js';
import type { FaultSpec } from './faults.js';

export const CONTROL_PREFIX = '/__sandbox';

const DeliveryScriptSchema = z.strictObject({
  delayMs: z.number().int().min(0).max(120_000).optional(),
  duplicate: z.boolean().optional(),
  reorderBatch: z.number().int().min(2).max(50).optional(),
});

/**
 * The line's webhooks as tests steer them: what is registered (secrets never leave the line), what
 * was delivered, scripted delays, duplicates and reordering, and the two things others do to a
 * webhook: Webex turning it off, someone deleting it.
 */
function runWebhooksControl(webhooks: WebhooksControl, route: string, body: unknown): { status: number; body?: unknown } | undefined {
  if (route === 'GET /webhooks') {
    return { status: 200, body: webhooks.list().map(({ secret, ...rest }) => ({ ...rest, signed: secret !== undefined })) };
  }
  if (route === 'GET /webhooks/deliveries') {
    return { status: 200, body: webhooks.deliveries().map(({ body: _body, ...rest }) => rest) };
  }
  if (route === 'PUT /webhooks/script') {
    webhooks.script(DeliveryScriptSchema.parse(body));
    return { status: 204 };
  }
  const deactivate = /^POST \/webhooks\/([^/]+)\/deactivate$/.exec(route);
  if (deactivate) {
    webhooks.deactivate(decodeURIComponent(deactivate[1] ?? ''));
    return { status: 204 };
  }
  const remove = /^DELETE \/webhooks\/([^/]+)$/.exec(route);
  if (remove) {
    webhooks.remove(decodeURIComponent(remove[1] ?? ''));
    return { status: 204 };
  }
  return undefined;
}

const CALL_ACTIONS: Record<string, (control: SandboxControl, callId: string) => void> = {
  'pick-up': (c, id) => c.pickUp(id),
  'remote-answer': (c, id) => c.remoteAnswer(id),
  'remote-hold': (c, id) => c.remoteHold(id),
  'remote-resume': (c, id) => c.remoteResume(id),
  'remote-hangup': (c, id) => c.remoteHangup(id),
  'answered-elsewhere': (c, id) => c.answeredElsewhere(id),
};

/** Runs one control request; the bodies are validated by the control methods themselves. */
export function runControl(
  control: SandboxControl,
  method: string,
  path: string,
  body: unknown,
  webhooks?: WebhooksControl,
  xsi?: SandboxXsi,
): { status: number; body?: unknown } {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
  if (xsi && route.includes(' /xsi')) return runXsiControl(xsi, route, body);
  if (webhooks && route.includes(' /webhooks')) {
    const answer = runWebhooksControl(webhooks, route, body);
    if (answer) return answer;
  }
  switch (route) {
    case 'POST /incoming-call':
      return { status: 201, body: { callId: control.incomingCall(body as IncomingCallInput) } };
    case 'POST /ring-in-group':
      return { status: 201, body: { callId: control.ringInGroup(body as GroupCallInput) } };
    case 'POST /voicemail':
      control.leaveVoicemail(body as VoicemailInput);
      return { status: 204 };
    case 'POST /voicemail/heard':
      control.hearVoicemail();
      return { status: 204 };
    case 'PUT /dial-behavior':
      control.setDialBehavior(body as DialBehavior);
      return { status: 204 };
    case 'PUT /recording-mode':
      control.setRecordingMode((body as { mode: RecordingMode }).mode);
      return { status: 204 };
    case 'POST /colleague-call':
      return { status: 201, body: { id: control.colleagueOnCall(body as ColleagueCallInput) } };
    case 'POST /admin-token':
      return { status: 201, body: { token: control.issueAdminToken() } };
    case 'POST /faults':
      control.injectFault(body as FaultSpec);
      return { status: 204 };
    case 'DELETE /faults':
      control.clearFaults();
      return { status: 204 };
    case 'POST /expire-token':
      control.expireToken();
      return { status: 204 };
    case 'POST /tokens':
      return { status: 201, body: { token: control.issueToken() } };
    case 'GET /state':
      return { status: 200, body: control.state() };
    case 'POST /reset':
      control.reset();
      return { status: 204 };
  }
  const colleague = /^DELETE \/colleague-call\/([^/]+)$/.exec(route);
  if (colleague) {
    control.colleagueCallEnded(decodeURIComponent(colleague[1] ?? ''));
    return { status: 204 };
  }
  const callAction = /^POST \/calls\/([^/]+)\/([a-z-]+)$/.exec(route);
  const act = callAction ? CALL_ACTIONS[callAction[2] ?? ''] : undefined;
  if (callAction && act) {
    act(control, decodeURIComponent(callAction[1] ?? ''));
    return { status: 204 };
  }
  throw new RequestError(404, `No sandbox control operation ${route}.`);
}

const XsiEnabled = z.object({ enabled: z.boolean() });
const XsiRefusing = z.object({ refusing: z.boolean() });
const XsiTerminate = z.object({ reason: z.string().min(1).max(200).optional() });

function runXsiControl(xsi: SandboxXsi, route: string, body: unknown): { status: number; body?: unknown } {
  switch (route) {
    case 'GET /xsi':
      return { status: 200, body: { enabled: xsi.enabled(), hosts: xsi.hosts, channels: xsi.openChannels(), subscriptions: xsi.subscriptions(), seen: xsi.seen() } };
    case 'PUT /xsi':
      xsi.setEnabled(XsiEnabled.parse(body).enabled);
      return { status: 204 };
    case 'POST /xsi/drop-channels':
      xsi.dropChannels();
      return { status: 204 };
    case 'POST /xsi/forget-channels':
      xsi.forgetChannels();
      return { status: 204 };
    case 'PUT /xsi/refusing':
      xsi.setRefusing(XsiRefusing.parse(body).refusing);
      return { status: 204 };
    case 'POST /xsi/terminate-channels':
      xsi.terminateChannels(XsiTerminate.parse(body).reason);
      return { status: 204 };
  }
  throw new RequestError(404, `No sandbox control operation ${route}.`);
}
