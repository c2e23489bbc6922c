/** The built-in line's public surface; everything else in this folder is its inside. */
export {
  startSandbox,
  DEFAULT_PARK_RECALL_MS,
  DEFAULT_NO_ANSWER_MS,
  type SandboxExtension,
  type SandboxLine,
  type SandboxOptions,
  type SandboxRequest,
  type SandboxVideoSdk,
  type SandboxXsi,
} from './start-sandbox.js';
export type { XsiControl, XsiSeen, XsiTimings as XsiLineTimings } from './xsi-state.js';
export type { VideoSdkProject, SipAnswerBehaviour, SandboxSipCall, VideoSdkTimings } from './videosdk-state.js';
export type { LineControl, LineSnapshot, IncomingCallInput, GroupCallInput, SandboxPartyInput, VoicemailInput, ColleagueCallInput } from './control.js';
export { RECORDING_MODES, type RecordingMode } from './recording-rules.js';
export type { DialBehavior } from './line.js';
export type { WireCall, WireHistoryRecord } from './line-model.js';
export type { Responder, SandboxExchange } from './http-io.js';
export { RequestError, parseJsonBody } from './routes.js';
export { TokenBook, bearerToken } from './tokens.js';
export { startDemoScenario, DEMO_CAST, DEMO_VOICEMAILS, type DemoScenario, type DemoScenarioOptions } from './demo-scenario.js';
export type {
  MeetingsControl,
  MeetingInput,
  ParticipantInput,
  CalloutBehavior,
  SandboxMeeting,
  SandboxParticipant,
  PendingCallout,
} from './meetings-state.js';
export { seedDemoMeeting, DEMO_MEETING_NUMBER } from './demo-meeting.js';
export type { WebhooksControl, SandboxWebhook, DeliveryScript, DeliveryRecord } from './webhooks-state.js';
export { FAILURES_BEFORE_INACTIVE } from './webhooks-state.js';
export { startManagerLineDemo, type ManagerLineDemoOptions } from './me-lines-demo.js';
export { DESK_PHONE_ID, WEBEX_APP_ID, MOBILE_ID, MANAGER_ID, type MeLines } from './me-lines-state.js';
