/**
 * The test kit's control surface: the product line's control (callers, colleagues) plus what only
 * tests steer: injected faults, expired and reissued tokens, and the request log. Tests call it
 * in-process; the browser harness and raw-HTTP tests call it at /__sandbox (control-routes.ts).
 */
import type { LineControl, LineSnapshot, SandboxExchange, TokenBook } from '../../main/sandbox/index.js';
import type { FaultQueue, FaultSpec } from './faults.js';

export interface SandboxRequestSummary {
  method: string;
  path: string;
  status?: number;
  fault?: string;
}

export interface SandboxState extends LineSnapshot {
  pendingFaults: FaultSpec[];
  /** The most recent Webex API requests (not /__sandbox ones), oldest first. */
  requests: SandboxRequestSummary[];
}

export interface SandboxControl extends LineControl {
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Requests with the current token get 401 from now on. */
  expireToken(): void;
  /** Issues a fresh valid token (what a refresh would obtain) and makes it the line's token. */
  issueToken(): string;
  /** Issues a token of an organisation administrator (accepted beside the line's token); the line's own user is not an admin. */
  issueAdminToken(): string;
  state(): SandboxState;
  /** Back to an idle line: no calls, history, faults or timers; the current token is valid again. */
  reset(): void;
  /** Observes every request/response pair on the Webex API; returns the unsubscribe function. */
  onExchange(listener: (exchange: SandboxExchange) => void): () => void;
}

const REQUEST_LOG_SIZE = 500;

export interface TestControlDeps {
  line: LineControl;
  faults: FaultQueue;
  tokens: TokenBook;
}

export interface TestControl {
  control: SandboxControl;
  /** The line reports each logged Webex API exchange here. */
  record(exchange: SandboxExchange): void;
}

export function createTestControl({ line, faults, tokens }: TestControlDeps): TestControl {
  const listeners = new Set<(exchange: SandboxExchange) => void>();
  let requests: SandboxRequestSummary[] = [];

  const control: SandboxControl = {
    incomingCall: (input) => line.incomingCall(input),
    ringInGroup: (input) => line.ringInGroup(input),
    remoteAnswer: (callId) => line.remoteAnswer(callId),
    setDialBehavior: (behavior) => line.setDialBehavior(behavior),
    setRecordingMode: (mode) => line.setRecordingMode(mode),
    colleagueOnCall: (input) => line.colleagueOnCall(input),
    colleagueCallEnded: (id) => line.colleagueCallEnded(id),
    remoteHold: (callId) => line.remoteHold(callId),
    remoteResume: (callId) => line.remoteResume(callId),
    remoteHangup: (callId) => line.remoteHangup(callId),
    answeredElsewhere: (callId) => line.answeredElsewhere(callId),
    leaveVoicemail: (input) => line.leaveVoicemail(input),
    hearVoicemail: () => line.hearVoicemail(),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    expireToken: () => tokens.expireCurrent(),
    issueToken: () => tokens.issue(),
    issueAdminToken: () => tokens.issueAdmin(),
    state: () => ({ ...line.state(), pendingFaults: faults.pending(), requests: [...requests] }),
    reset: () => {
      line.reset();
      faults.clear();
      tokens.revive();
      requests = [];
    },
    onExchange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    control,
    record(exchange) {
      const summary: SandboxRequestSummary = { method: exchange.method, path: exchange.path };
      if (exchange.status !== undefined) summary.status = exchange.status;
      if (exchange.fault !== undefined) summary.fault = exchange.fault;
      requests = [...requests.slice(-(REQUEST_LOG_SIZE - 1)), summary];
      for (const listener of listeners) listener(exchange);
    },
  };
}
