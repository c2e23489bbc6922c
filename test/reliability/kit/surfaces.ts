/**
 * The API surfaces the fault table drives. A new API (meetings' roster, a VideoSDK call) is one
 * entry here: how to get it going, what a person sees of it, and the path its requests take.
 * `poll` surfaces keep themselves up to date; `request` surfaces are one press of a button.
 */
import { expect } from 'vitest';
import type { ErrorValue } from '../../../preload/contract.js';
import { VOICEMAIL_REFRESH_MS } from '../../../main/calls/my-line.js';
import { ME, ROUTING_PREFIX } from '../../../main/sandbox/directory.js';
import { ROSTER_POLL_MS } from '../../../main/meetings/index.js';
import { POLL_LIVE_MS } from '../../../main/videosdk/videosdk-feature.js';
import type { FaultKind } from './fault-kinds.js';
import type { World } from './world.js';

/** What a person sees of a polled surface: its status and whether any control is offered. */
export interface SurfaceView {
  state: string;
  message?: string | undefined;
  /** How many controls each listed item offers (a stale list must offer none); absent where the snapshot does not say. */
  controls?: number[];
}

export interface PollSurface {
  kind: 'poll';
  name: string;
  /** Faults strike requests whose path contains this (and have this method, if given). */
  faultPath: string;
  faultMethod?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The exact request path of one poll (query excluded). */
  pollPath: string;
  /** Until this many ms apart, polls count as one (GET retries inside one poll). */
  normalIntervalMs: number;
  /** Brings the surface to a healthy state with at least one controllable item. */
  prepare(world: World): Promise<void>;
  view(world: World): SurfaceView;
  /** The state a fault of this kind shows, when the surface has fewer states than the calls line. */
  stateFor?(kind: FaultKind): string;
  /** Whether the window was sent an event showing `state` (what it renders from). */
  announced(world: World, state: string): boolean;
  /** What the window does every few seconds to keep the surface polled (a lease it renews). */
  keepAlive?(world: World): Promise<void>;
  known?: KnownGaps;
}

export interface RequestSurface {
  kind: 'request';
  name: string;
  faultPath: string;
  /** Only requests with this method are faulted (e.g. the write of a read-then-write). */
  faultMethod?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The request one press sends; a press must send it exactly once (none, if it reads first and the network is gone). */
  sends: { method: string; path: string; afterRead?: boolean };
  /** Whether the deadline in use is short enough for the "slower than the timeout" row. */
  shortDeadline: boolean;
  prepare(world: World): Promise<void>;
  press(world: World): Promise<{ ok: true } | { ok: false; error: ErrorValue }>;
  /** After the fault clears: the same press works, and nothing the failed one did is lost or doubled. */
  recover(world: World): Promise<void>;
  /** Its errors are worded by its own SDK, not by main/providers/http.ts (the fault kinds' `says`). */
  ownWording?: boolean;
  known?: KnownGaps;
}

/**
 * Something main reads on its own, slowly (who the line is, voicemail waiting): not a line status,
 * so a failure must keep what was last known (no flicker), not hammer, and catch up by the next read.
 */
export interface BackgroundSurface {
  kind: 'background';
  name: string;
  faultPath: string;
  /** How often it reads; recovery must come within one of these after the fault clears. */
  everyMs: number;
  prepare(world: World): Promise<void>;
  /** Makes the fault bite, when a read only happens at a moment (e.g. a restart reads people/me). */
  afterArm?(world: World): Promise<void>;
  /** What the window shows now (the core's own answer, as line:get gives it). */
  shown(world: World): unknown;
  /** While the fault lasts the window must show this: the last known value, or nothing rather than a guess. */
  expectedWhileFaulted(before: unknown): unknown;
  /** Something changes on the line while the fault lasts. */
  change?(world: World): void;
  /** The window shows the line as it now is. */
  caughtUp(world: World): boolean;
}

/** Rows a surface cannot pass yet, each with the reason (reported to the lead as findings). */
export type KnownGaps = Partial<Record<string, string>>;

export interface PendingSurface {
  kind: 'pending';
  name: string;
  why: string;
}

export type Surface = PollSurface | RequestSurface | BackgroundSurface | PendingSurface;

const CALLER = { number: '+14155550100', name: 'Ada Lovelace' };

const ALL_HANDS = '26345551234';

async function openAllHands(world: World): Promise<void> {
  world.line.meetings.addMeeting({
    title: 'All hands',
    meetingNumber: ALL_HANDS,
    participants: [{ displayName: 'Reception', email: 'reception@example.com', host: true }, { displayName: 'Sam Rivera' }],
  });
  await world.ok('meetings:open', { meeting: ALL_HANDS });
}

function startSipCall(world: World, to: string) {
  const gatewayId = world.line.videosdk.state.gateways[0]?.id ?? '';
  return world.call('videosdk:start', { route: 'gateway', roomId: 'room-1', to, gatewayId });
}

async function ringing(world: World): Promise<string> {
  const id = world.line.control.incomingCall({ from: CALLER });
  const shown = await world.runUntil(() => world.core.snapshot().calls.some((c) => c.id === id && c.actions.length > 0), 10_000);
  expect(shown, 'the incoming call shows with its controls').toBeDefined();
  return id;
}

async function connectedCall(world: World): Promise<string> {
  const id = await ringing(world);
  await world.ok('calls:answer', { callId: id });
  await world.run(1_000);
  return id;
}

const unwrap = (result: { ok: boolean; error?: ErrorValue }) =>
  result.ok ? ({ ok: true } as const) : ({ ok: false, error: result.error as ErrorValue } as const);

export const SURFACES: Surface[] = [
  {
    kind: 'poll',
    name: 'Webex calls: list (polling)',
    faultPath: '/telephony/calls',
    pollPath: '/v1/telephony/calls',
    normalIntervalMs: 1_000,
    prepare: async (world) => void (await ringing(world)),
    view(world) {
      const { line, calls } = world.core.snapshot();
      return { state: line.state, message: line.message, controls: calls.map((c) => c.actions.length) };
    },
    announced: (world, state) =>
      world.events.some((e) => e.channel === 'calls:changed' && (e.payload as { line: { state: string } }).line.state === state),
  },
  {
    kind: 'request',
    name: 'Webex calls: dial',
    faultPath: '/telephony/calls/dial',
    sends: { method: 'POST', path: '/v1/telephony/calls/dial' },
    shortDeadline: true,
    prepare: async (world) => void (await world.run(3_000)),
    press: async (world) => unwrap(await world.call('calls:dial', { destination: '+14155550123' })),
    async recover(world) {
      await world.run(3_000);
      // A dial the line did act on (a slow answer) shows as its one call; a refused one as none.
      const accepted = world.seen('/telephony/calls/dial', 'POST').filter((x) => x.status === 201).length;
      expect(world.line.control.state().calls).toHaveLength(accepted);
      expect(world.core.snapshot().calls).toHaveLength(accepted);
      expect(await world.call('calls:dial', { destination: '+14155550124' })).toMatchObject({ ok: true });
      await world.run(1_000);
      expect(world.line.control.state().calls).toHaveLength(accepted + 1);
    },
  },
  {
    kind: 'request',
    name: 'Webex calls: hold',
    faultPath: '/telephony/calls/hold',
    sends: { method: 'POST', path: '/v1/telephony/calls/hold' },
    shortDeadline: true,
    prepare: async (world) => void (await connectedCall(world)),
    press: async (world) => unwrap(await world.call('calls:hold', { callId: world.core.snapshot().calls[0]?.id ?? '' })),
    async recover(world) {
      await world.run(3_000);
      const [call] = world.core.snapshot().calls;
      const onLine = world.line.control.state().calls[0];
      // The window shows what the line has: held only if a (slow) hold did get through.
      expect(call?.state).toBe(onLine?.state);
      const next = call?.state === 'held' ? 'calls:resume' : 'calls:hold';
      expect(await world.call(next, { callId: call?.id ?? '' })).toMatchObject({ ok: true });
    },
  },
  {
    kind: 'request',
    name: 'Webex call settings: Do Not Disturb',
    faultPath: '/telephony/config/people/me/settings/doNotDisturb',
    faultMethod: 'PUT',
    // Read, then write the whole setting back: a failed read means no write at all.
    sends: { method: 'PUT', path: '/v1/telephony/config/people/me/settings/doNotDisturb', afterRead: true },
    shortDeadline: true,
    prepare: async (world) => void (await world.run(3_000)),
    press: async (world) => unwrap(await world.call('desktop:setDnd', { enabled: true })),
    async recover(world) {
      // The switch shows what it knows, with the failure in words; it is not left "updating".
      const shown = await world.ok('desktop:get');
      expect(shown.dnd.updating).toBe(false);
      expect(shown.dnd.error ?? '').toMatch(/Couldn't turn Do Not Disturb on/);
      // Turning it on is idempotent, so pressing again is safe even if a slow PUT did get through.
      expect(await world.call('desktop:setDnd', { enabled: true })).toMatchObject({ ok: true, value: { status: 'on', updating: false } });
      expect(world.line.control.state().dnd.enabled).toBe(true);
    },
  },
  {
    kind: 'request',
    name: 'Webex people/me (signing in with a personal access token)',
    faultPath: '/people/me',
    sends: { method: 'GET', path: '/v1/people/me' },
    // fetchWebexUser uses the product's 15 s deadline; the slow row would take 45 s of real time.
    shortDeadline: false,
    prepare: async (world) => void (await world.run(1_000)),
    press: async (world) =>
      unwrap(await world.call('accounts:usePat', { token: await world.seal('webex.pat', world.line.token), baseUrl: world.gate.baseUrl })),
    async recover(world) {
      // The failed attempt left no half-signed-in account behind.
      expect(world.webex()?.status ?? 'signed-out').toBe('signed-out');
      const result = await world.call('accounts:usePat', { token: await world.seal('webex.pat', world.line.token), baseUrl: world.gate.baseUrl });
      expect(result).toMatchObject({ ok: true });
      expect(world.webex()).toMatchObject({ status: 'signed-in', user: { displayName: ME.displayName } });
    },
  },
  {
    kind: 'poll',
    name: 'Webex meetings: participants (roster polling)',
    faultPath: '/meetingParticipants',
    pollPath: '/v1/meetingParticipants',
    normalIntervalMs: ROSTER_POLL_MS,
    prepare: async (world) => {
      await openAllHands(world);
      await world.ok('meetings:watch');
      await world.runUntil(() => world.core.meetings.snapshot().sync.state === 'ok', 10_000);
    },
    view(world) {
      const { sync, participants } = world.core.meetings.snapshot();
      // The roster shows its failure as an error block; it keeps its list (acting on a stale entry gets Webex's own answer).
      return { state: sync.state, message: sync.error?.message, ...(participants.length > 0 ? {} : { controls: [] }) };
    },
    stateFor: () => 'error',
    announced: (world, state) =>
      world.events.some((e) => e.channel === 'meetings:changed' && (e.payload as { sync: { state: string } }).sync.state === state),
    keepAlive: async (world) => void (await world.ok('meetings:watch')),
  },
  {
    kind: 'request',
    name: 'Webex meetings: call-out',
    faultPath: '/meetingParticipants/callout',
    sends: { method: 'POST', path: '/v1/meetingParticipants/callout' },
    shortDeadline: true,
    prepare: openAllHands,
    press: async (world) => unwrap(await world.call('meetings:callout', { address: '+14155550123', displayName: 'Ada Lovelace' })),
    async recover(world) {
      await world.run(2_000);
      const accepted = world.seen('/meetingParticipants/callout', 'POST').filter((x) => x.status !== undefined && x.status < 300).length;
      // A call-out Webex did act on (a slow answer) is one ringing participant, never two.
      expect(world.core.meetings.snapshot().callouts.length).toBeLessThanOrEqual(accepted);
      expect(await world.call('meetings:callout', { address: '+14155550124', displayName: 'Grace Hopper' })).toMatchObject({ ok: true });
      expect(world.core.meetings.snapshot().callouts.map((c) => c.displayName)).toContain('Grace Hopper');
    },
  },
  {
    kind: 'poll',
    name: 'VideoSDK: SIP calls (list polling)',
    faultPath: '/v2/sip/call',
    faultMethod: 'GET',
    pollPath: '/v2/sip/call',
    normalIntervalMs: POLL_LIVE_MS,
    prepare: async (world) => {
      await world.ok('videosdk:watch', { open: true });
      await startSipCall(world, '+14155550123');
      await world.runUntil(() => world.core.videosdk.snapshot().calls.length > 0, 10_000);
    },
    view(world) {
      const { problem } = world.core.videosdk.snapshot();
      return { state: problem ? 'error' : 'ok', message: problem?.message };
    },
    stateFor: () => 'error',
    announced: (world) => world.events.some((e) => e.channel === 'videosdk:changed' && (e.payload as { problem?: unknown }).problem !== undefined),
    keepAlive: async (world) => void (await world.ok('videosdk:watch', { open: true })),
    known: {
      'slower than the timeout': "VideoSDK's fetch has the shared Agent's 10 s deadlines, not a per-request one the table can shorten",
    },
  },
  {
    kind: 'request',
    name: 'VideoSDK: start a SIP call',
    faultPath: '/v2/sip/call',
    faultMethod: 'POST',
    sends: { method: 'POST', path: '/v2/sip/call' },
    shortDeadline: false,
    prepare: async (world) => void (await world.ok('videosdk:watch', { open: true })),
    press: async (world) => unwrap(await startSipCall(world, '+14155550123')),
    ownWording: true,
    async recover(world) {
      await world.run(3_000);
      expect(await startSipCall(world, '+14155550124')).toMatchObject({ ok: true });
    },
  },
  {
    kind: 'background',
    name: 'Webex voicemail summary (voicemail waiting)',
    faultPath: '/telephony/voiceMessages/summary',
    everyMs: VOICEMAIL_REFRESH_MS,
    prepare: async (world) => void (await world.runUntil(() => world.core.calls.lineInfo().voicemail !== null, 10_000)),
    shown: (world) => world.core.calls.lineInfo().voicemail,
    expectedWhileFaulted: (before) => before,
    change: (world) => world.line.control.leaveVoicemail({ from: { number: '+14155550100', name: 'Ada Lovelace' } }),
    caughtUp: (world) => world.core.calls.lineInfo().voicemail?.newMessages === world.line.control.state().voicemail.newMessages,
  },
  {
    kind: 'background',
    name: 'Webex people/me (my line, read when a line opens)',
    faultPath: '/people/me',
    everyMs: VOICEMAIL_REFRESH_MS,
    prepare: async (world) => void (await world.runUntil(() => world.core.calls.lineInfo().me !== null, 10_000)),
    // people/me is read once per line: a restart opens the line again and reads it while the fault holds.
    afterArm: (world) => world.restart(),
    shown: (world) => world.core.calls.lineInfo().me,
    expectedWhileFaulted: () => null,
    caughtUp: (world) => world.core.calls.lineInfo().me?.extension === `${ROUTING_PREFIX}${ME.extension}`,
  },
  {
    kind: 'request',
    name: 'Webex people: directory search (dial by name)',
    faultPath: '/people',
    sends: { method: 'GET', path: '/v1/people' },
    shortDeadline: true,
    prepare: async (world) => void (await world.run(1_000)),
    press: async (world) => unwrap(await world.call('directory:search', { query: 'Sam' })),
    async recover(world) {
      const result = await world.call('directory:search', { query: 'Sam' });
      expect(result).toMatchObject({ ok: true, value: { cancelled: false } });
      expect(result.ok ? result.value.people.map((p) => p.name) : []).toContain('Sam Rivera');
    },
  },
];
