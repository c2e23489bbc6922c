/**
 * A scriptable phone line for the call engine's tests. It `implements` the same CallsProvider
 * port the Webex client does, answers from an in-memory list of calls, and records every request
 * so a test can assert exactly what would have been sent to Webex.
 */
import type { CallsProvider, RecordingOp, RejectAction } from '../../main/providers/calls-provider.js';
import { AppError } from '../../main/core/app-error.js';
import type { Clock } from '../../main/core/ports.js';
import type { WebexCall, WebexCallRef, WebexDoNotDisturb, WebexHistoryRecord, WebexParty } from '../../main/providers/webex/schemas.js';

export type ProviderMethod = Exclude<keyof CallsProvider, 'listCalls' | 'getCall' | 'history' | 'getDoNotDisturb'>;
export interface SentRequest {
  method: ProviderMethod;
  args: unknown[];
}
type HistoryType = 'placed' | 'missed' | 'received';

export class FakeCallsProvider implements CallsProvider {
  /** What Webex would list right now. A list response is taken when the request starts. */
  calls: WebexCall[] = [];
  readonly historyRecords: Record<HistoryType, WebexHistoryRecord[]> = { placed: [], missed: [], received: [] };
  /** How long each list request takes, on the injected clock (0 = answers on the next microtask). */
  listLatencyMs = 0;
  listRequests = 0;
  listInFlight = 0;
  maxListInFlight = 0;
  /** Clock time at which each list request started. */
  readonly listStartedAt: number[] = [];
  readonly historyRequests: (HistoryType | undefined)[] = [];
  readonly sent: SentRequest[] = [];
  /** When set, every history request fails with it. */
  historyError: Error | undefined;
  dnd = false;

  private readonly listScript: (WebexCall[] | Error)[] = [];
  private readonly failures = new Map<ProviderMethod, Error>();

  constructor(private readonly clock?: Clock) {}

  /** The next list requests answer with these, in order (an Error is thrown), then the live list again. */
  scriptList(...responses: (WebexCall[] | Error)[]): void {
    this.listScript.push(...responses);
  }

  /** The next request of `method` fails with `error` (once). */
  failNext(method: ProviderMethod, error: Error): void {
    this.failures.set(method, error);
  }

  methodsSent(): ProviderMethod[] {
    return this.sent.map((request) => request.method);
  }

  async listCalls(signal?: AbortSignal): Promise<WebexCall[]> {
    this.listRequests += 1;
    this.listInFlight += 1;
    this.maxListInFlight = Math.max(this.maxListInFlight, this.listInFlight);
    this.listStartedAt.push(this.clock?.now() ?? 0);
    const response = this.listScript.shift() ?? structuredClone(this.calls);
    try {
      await this.latency(signal);
      if (response instanceof Error) throw response;
      return response;
    } finally {
      this.listInFlight -= 1;
    }
  }

  async getCall(callId: string): Promise<WebexCall> {
    const call = this.calls.find((candidate) => candidate.id === callId);
    if (call === undefined) throw new AppError('not-found', 'Call not found', { status: 404 });
    return structuredClone(call);
  }

  async history(type?: HistoryType): Promise<WebexHistoryRecord[]> {
    this.historyRequests.push(type);
    if (this.historyError !== undefined) throw this.historyError;
    const types: HistoryType[] = type === undefined ? ['placed', 'missed', 'received'] : [type];
    return structuredClone(types.flatMap((t) => this.historyRecords[t]));
  }

  async dial(destination: string): Promise<WebexCallRef> {
    this.record('dial', [destination]);
    return { callId: `dialled-${this.sent.length}`, callSessionId: 'session-dialled' };
  }
  async answer(callId: string): Promise<void> {
    this.record('answer', [callId]);
  }
  async reject(callId: string, action?: RejectAction): Promise<void> {
    this.record('reject', action === undefined ? [callId] : [callId, action]);
  }
  async hangup(callId: string): Promise<void> {
    this.record('hangup', [callId]);
  }
  async hold(callId: string): Promise<void> {
    this.record('hold', [callId]);
  }
  async resume(callId: string): Promise<void> {
    this.record('resume', [callId]);
  }
  async mute(callId: string): Promise<void> {
    this.record('mute', [callId]);
  }
  async unmute(callId: string): Promise<void> {
    this.record('unmute', [callId]);
  }
  async divert(callId: string, target: Parameters<CallsProvider['divert']>[1]): Promise<void> {
    this.record('divert', [callId, target]);
  }
  async transfer(
    args: { callId1: string; callId2: string } | { callId1: string; destination: string },
  ): Promise<WebexCallRef | undefined> {
    this.record('transfer', [args]);
    return 'destination' in args ? { callId: 'transferred', callSessionId: 'session-transferred' } : undefined;
  }
  /** What the next park answers it was parked against; by default the destination, else 4102. */
  parkedAgainst: WebexParty | undefined;
  async park(callId: string, where?: { destination?: string; isGroupPark?: boolean }): Promise<{ parkedAgainst: WebexParty }> {
    this.record('park', where === undefined ? [callId] : [callId, where]);
    const against = this.parkedAgainst ?? { name: 'Park 1', number: where?.destination ?? '4102', privacyEnabled: false, callType: 'location' };
    return { parkedAgainst: against };
  }
  async retrieve(destination?: string): Promise<WebexCallRef> {
    this.record('retrieve', destination === undefined ? [] : [destination]);
    return { callId: 'retrieved', callSessionId: 'session-retrieved' };
  }
  async pickup(target?: string): Promise<WebexCallRef> {
    this.record('pickup', target === undefined ? [] : [target]);
    return { callId: 'picked-up', callSessionId: 'session-picked-up' };
  }
  async bargeIn(target: string): Promise<WebexCallRef> {
    this.record('bargeIn', [target]);
    return { callId: 'barged', callSessionId: 'session-barged' };
  }
  async recording(callId: string, op: RecordingOp): Promise<void> {
    this.record('recording', [callId, op]);
  }
  async transmitDtmf(callId: string, dtmf: string): Promise<void> {
    this.record('transmitDtmf', [callId, dtmf]);
  }
  async getDoNotDisturb(): Promise<WebexDoNotDisturb> {
    return { enabled: this.dnd };
  }
  async setDoNotDisturb(enabled: boolean): Promise<void> {
    this.record('setDoNotDisturb', [enabled]);
    this.dnd = enabled;
  }

  private record(method: ProviderMethod, args: unknown[]): void {
    this.sent.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private latency(signal: AbortSignal | undefined): Promise<void> {
    const clock = this.clock;
    if (this.listLatencyMs <= 0 || clock === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const handle = clock.setTimeout(resolve, this.listLatencyMs);
      signal?.addEventListener('abort', () => {
        clock.clearTimeout(handle);
        reject(new AppError('network', 'aborted'));
      });
    });
  }
}
