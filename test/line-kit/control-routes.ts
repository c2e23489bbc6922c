/**
 * The control API over HTTP, for the browser harness and anything outside this process:
 *
 *   POST   /__sandbox/incoming-call            {from, via?, line?, muteCapable?} → 201 {callId}
 *   POST   /__sandbox/ring-in-group            {from, colleague?}                → 201 {callId}
 *   POST   /__sandbox/calls/{callId}/remote-answer | remote-hold | remote-resume
 *                                   | remote-hangup | answered-elsewhere        → 204
 *   POST   /__sandbox/voicemail                {from, urgent?}                   → 204
 *   POST   /__sandbox/voicemail/heard                                            → 204
 *   PUT    /__sandbox/dial-behavior            {answerAfterMs, clickToDial?}     → 204
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
 */
import {
  RequestError,
  type ColleagueCallInput,
  type DialBehavior,
  type GroupCallInput,
  type IncomingCallInput,
  type RecordingMode,
  type VoicemailInput,
} from '../../main/sandbox/index.js';
import type { SandboxControl } from './test-control.js';
import type { FaultSpec } from './faults.js';

export const CONTROL_PREFIX = '/__sandbox';

const CALL_ACTIONS: Record<string, (control: SandboxControl, callId: string) => void> = {
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
): { status: number; body?: unknown } {
  const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
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
