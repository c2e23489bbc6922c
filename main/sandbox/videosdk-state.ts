/**
 * The VideoSDK side of the built-in line: the project's keys, its SIP trunks (each with the numbers
 * it may call from), outbound gateways and routing rules, and the SIP calls placed through them.
 *
 * A call's status is derived from the clock rather than driven by timers: initiated, then ringing,
 * then answered (or not-answered when the destination never picks up). Nothing needs stopping, and
 * a fake clock moves every call forward deterministically.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/ports.js';

export interface VideoSdkProject {
  apiKey: string;
  secret: string;
}

export interface SandboxTrunk {
  id: string;
  name: string;
  /** The numbers a call through this trunk may show; the first is used when none is given. */
  numbers: string[];
}

export interface SandboxGateway {
  id: string;
  name: string;
  number: string;
}

export interface SandboxRoutingRule {
  id: string;
  gatewayId: string;
  /** The numbers a call placed through this rule may come from. */
  numbers: string[];
}

/** What the far end does when called. */
export type SipAnswerBehaviour = 'answer' | 'no-answer';

export type SipWireStatus = 'initiated' | 'ringing' | 'answered' | 'not-answered' | 'ended';

/** Who a SIP call is between and how it was routed: what the line stores and what it answers alike. */
interface SipCallParties {
  callId: string;
  roomId: string;
  to: string;
  from: string;
  participantId: string;
  displayName?: string;
  trunkId?: string;
  gatewayId?: string;
  ruleId?: string;
}

export interface SandboxSipCall extends SipCallParties {
  type: 'outbound';
  status: SipWireStatus;
  start: string;
  end: string | null;
  timelog: { status: SipWireStatus; time: string }[];
}

export interface VideoSdkTimings {
  /** From creation until the far end rings. */
  ringingAfterMs: number;
  /** From creation until an answering destination picks up. */
  answerAfterMs: number;
  /** From creation until an unanswered call gives up. */
  noAnswerAfterMs: number;
}

export const DEFAULT_VIDEOSDK_TIMINGS: VideoSdkTimings = { ringingAfterMs: 800, answerAfterMs: 2_500, noAnswerAfterMs: 30_000 };

/** A refusal with the HTTP status VideoSDK answers it with. */
export class VideoSdkRequestError extends Error {
  readonly status: 400 | 401 | 404 | 409;
  constructor(status: 400 | 401 | 404 | 409, message: string) {
    super(message);
    this.name = 'VideoSdkRequestError';
    this.status = status;
  }
}

interface StoredCall extends SipCallParties {
  /** Placed through the legacy /v2/sip/outbound-call. */
  legacy?: boolean;
  createdAt: number;
  behaviour: SipAnswerBehaviour;
  endedAt?: number;
}

/** The line's one room to begin with, in VideoSDK's own id style. */
export const SANDBOX_ROOM_ID = 'abcd-efgh-ijkl';

export interface VideoSdkState {
  readonly projects: readonly VideoSdkProject[];
  /** Rooms that exist; a call into any other is refused, as VideoSDK refuses an unknown room. */
  readonly rooms: ReadonlySet<string>;
  addRoom(roomId: string): void;
  readonly trunks: readonly SandboxTrunk[];
  readonly gateways: readonly SandboxGateway[];
  readonly routingRules: readonly SandboxRoutingRule[];
  /** Another project whose tokens the line accepts, e.g. keys a test typed into Settings. */
  addProject(project: VideoSdkProject): void;
  /** What the far end at `to` does from now on; the default is to answer. */
  setBehaviour(to: string, behaviour: SipAnswerBehaviour): void;
  outboundCall(input: { to: string; from?: string | undefined; displayName: string; meetingId: string; trunkId: string; participantId?: string | undefined }): SandboxSipCall;
  startCall(input: { to: string; roomId: string; gatewayId?: string | undefined; routingRuleId?: string | undefined; from?: string | undefined }): SandboxSipCall;
  endCall(callId: string): SandboxSipCall;
  /** Newest first, every call placed (for tests). */
  calls(): SandboxSipCall[];
  /**
   * What GET /v2/sip/call lists, newest first: only calls placed through /v2/sip/call. Seed 001 does
   * not say that the legacy trunk call shows there; the line takes the less convenient side.
   */
  listed(): SandboxSipCall[];
}

function id(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

export function createVideoSdkState(opts: { clock: Clock; project?: VideoSdkProject; timings?: Partial<VideoSdkTimings> }): VideoSdkState {
  const { clock } = opts;
  const timings = { ...DEFAULT_VIDEOSDK_TIMINGS, ...opts.timings };
  const projects: VideoSdkProject[] = [
    opts.project ?? { apiKey: `sandbox-vsdk-${randomBytes(6).toString('hex')}`, secret: randomBytes(32).toString('base64url') },
  ];
  const trunks: SandboxTrunk[] = [{ id: 'trunk_sandbox_1', name: 'Sandbox trunk', numbers: ['+14155550100', '+14155550101'] }];
  const gateways: SandboxGateway[] = [{ id: 'gw_sandbox_1', name: 'Sandbox gateway', number: '+14155550102' }];
  const routingRules: SandboxRoutingRule[] = [{ id: 'rule_sandbox_1', gatewayId: 'gw_sandbox_1', numbers: ['+14155550102', '+14155550103'] }];
  const behaviours = new Map<string, SipAnswerBehaviour>();
  const rooms = new Set<string>([SANDBOX_ROOM_ID]);
  const requireRoom = (roomId: string) => {
    if (!rooms.has(roomId)) throw new VideoSdkRequestError(404, `Room ${roomId} not found.`);
  };
  const stored: StoredCall[] = [];

  const iso = (ms: number) => new Date(ms).toISOString();

  function view(call: StoredCall): SandboxSipCall {
    const now = clock.now();
    const timelog: SandboxSipCall['timelog'] = [{ status: 'initiated', time: iso(call.createdAt) }];
    const reached = (offset: number) => call.createdAt + offset <= now && (call.endedAt === undefined || call.createdAt + offset <= call.endedAt);
    if (reached(timings.ringingAfterMs)) timelog.push({ status: 'ringing', time: iso(call.createdAt + timings.ringingAfterMs) });
    let end: number | undefined = call.endedAt;
    if (call.behaviour === 'answer' && reached(timings.answerAfterMs)) {
      timelog.push({ status: 'answered', time: iso(call.createdAt + timings.answerAfterMs) });
    } else if (call.behaviour === 'no-answer' && reached(timings.noAnswerAfterMs)) {
      end = call.createdAt + timings.noAnswerAfterMs;
      timelog.push({ status: 'not-answered', time: iso(end) });
    }
    if (call.endedAt !== undefined && end === call.endedAt) timelog.push({ status: 'ended', time: iso(call.endedAt) });
    const last = timelog[timelog.length - 1]!;
    return {
      callId: call.callId,
      type: 'outbound',
      roomId: call.roomId,
      to: call.to,
      from: call.from,
      participantId: call.participantId,
      ...(call.displayName !== undefined ? { displayName: call.displayName } : {}),
      ...(call.trunkId !== undefined ? { trunkId: call.trunkId } : {}),
      ...(call.gatewayId !== undefined ? { gatewayId: call.gatewayId } : {}),
      ...(call.ruleId !== undefined ? { ruleId: call.ruleId } : {}),
      status: last.status,
      start: iso(call.createdAt),
      end: end !== undefined ? iso(end) : null,
      timelog,
    };
  }

  function place(call: Omit<StoredCall, 'callId' | 'createdAt' | 'behaviour'>): SandboxSipCall {
    requireRoom(call.roomId);
    const record: StoredCall = { ...call, callId: id('call_'), createdAt: clock.now(), behaviour: behaviours.get(call.to) ?? 'answer' };
    stored.push(record);
    return view(record);
  }

  return {
    projects,
    rooms,
    addRoom(roomId) {
      rooms.add(roomId);
    },
    trunks,
    gateways,
    routingRules,
    addProject(project) {
      projects.push(project);
    },
    setBehaviour(to, behaviour) {
      behaviours.set(to, behaviour);
    },
    outboundCall(input) {
      const trunk = trunks.find((t) => t.id === input.trunkId);
      if (!trunk) throw new VideoSdkRequestError(404, `SIP trunk ${input.trunkId} not found.`);
      if (input.from !== undefined && !trunk.numbers.includes(input.from)) {
        throw new VideoSdkRequestError(400, `"from" must be one of the trunk's numbers (${trunk.numbers.join(', ')}).`);
      }
      return place({
        roomId: input.meetingId,
        to: input.to,
        from: input.from ?? trunk.numbers[0]!,
        participantId: input.participantId ?? id('sip_'),
        displayName: input.displayName,
        trunkId: trunk.id,
        legacy: true,
      });
    },
    startCall(input) {
      if (input.gatewayId !== undefined) {
        const gateway = gateways.find((g) => g.id === input.gatewayId);
        if (!gateway) throw new VideoSdkRequestError(404, `Outbound gateway ${input.gatewayId} not found.`);
        return place({ roomId: input.roomId, to: input.to, from: input.from ?? gateway.number, participantId: id('sip_'), gatewayId: gateway.id });
      }
      const rule = routingRules.find((r) => r.id === input.routingRuleId);
      if (!rule) throw new VideoSdkRequestError(404, `Routing rule ${input.routingRuleId ?? ''} not found.`);
      if (input.from === undefined || !rule.numbers.includes(input.from)) {
        throw new VideoSdkRequestError(400, `"sipCallFrom" must be one of the routing rule's numbers (${rule.numbers.join(', ')}).`);
      }
      return place({ roomId: input.roomId, to: input.to, from: input.from, participantId: id('sip_'), gatewayId: rule.gatewayId, ruleId: rule.id });
    },
    endCall(callId) {
      const call = stored.find((c) => c.callId === callId);
      if (!call) throw new VideoSdkRequestError(404, `SIP call ${callId} not found.`);
      const current = view(call);
      if (current.end !== null) throw new VideoSdkRequestError(409, `SIP call ${callId} has already ended (${current.status}).`);
      call.endedAt = clock.now();
      return view(call);
    },
    calls: () => stored.map(view).reverse(),
    listed: () => stored.filter((c) => c.legacy !== true).map(view).reverse(),
  };
}
