/**
 * Webex Meetings for the person at the desk: open a meeting by number or id, keep its roster fresh
 * while the Meetings view is open, act on participants, and call people in. Everything goes
 * through the current line's meetings client; the state is sent whole as `meetings:changed`.
 *
 * By number, List Meetings answers the scheduled meeting, not the running instance; the instance
 * is looked up by series and may not be listed yet. Then the roster is read through the scheduled
 * meeting ("returns participants' details for that scheduled meeting") and call-outs go by number.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingParticipant, MeetingsAccess, MeetingsSnapshot, OpenMeeting } from '../../preload/contract.js';
import {
  CALLOUT_DISPLAY_NAME_MAX,
  WATCH_LEASE_MS,
  cleanDisplayName,
  displayNameLength,
  meetingNumberDigits,
  WEBEX_MEETING_ID,
} from '../../preload/common/meetings.js';
import { AppError, isAppError } from '../core/app-error.js';
import type { Line } from '../providers/line.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { CalloutTarget, ParticipantUpdate, WebexMeetingsClient } from '../providers/webex/meetings-client.js';
import type { WebexMeetingParticipant } from '../providers/webex/meetings-schemas.js';
import { calloutAddress } from './callout-address.js';
import { actionRefusal, calloutRefusal, rosterRefusal } from './refusals.js';
import { createPendingCallouts, type RosterEntry } from './pending-callouts.js';
import { createRosterSync, type RosterSync } from './roster-sync.js';

export interface MeetingsFeature {
  handlers: HandlersOf<ChannelsOf<'meetings'>>;
  snapshot(): MeetingsSnapshot;
  onChange(listener: (snapshot: MeetingsSnapshot) => void): () => void;
  /**
   * Something about the line may have changed (sign-in, sign-out, "Use Webex Meetings"): re-reads
   * the line and its access, and tells the window only if either differs. Cheap; call it freely.
   */
  lineMayHaveChanged(): void;
  /**
   * Reads the open meeting's roster now (a live update said a roster changed); nothing when none
   * is open, or when the update names another meeting.
   */
  refreshRoster(meetingId?: string): void;
  /** Whether the person now hosts an open meeting whose roster is being followed; told on change. */
  onHosting(listener: (hosting: boolean) => void): () => void;
  stop(): void;
}

interface Deps {
  clock: Clock;
  log: Logger;
  /** The line in use; it changes when someone signs in or out. */
  line: () => Line;
  defaultCountry: () => string;
  /** Roster refresh period; the default is ROSTER_POLL_MS. */
  pollMs?: number;
}

/** A 423 or 429 on a mute, admit or expel (all idempotent) is waited out once, up to this long. */
export const ACTION_RETRY_WAIT_MAX_MS = 10_000;

const NO_MEETINGS = 'This line has no Webex Meetings. Sign in with a Webex account in Settings → Accounts.';
const NOT_AVAILABLE: MeetingsAccess = { state: 'needs-scopes', scopes: [], howTo: NO_MEETINGS };

/** A series id, or a scheduled meeting's or instance's id: all start with the series' 32 hex. */
const seriesOf = (id: string) => id.split('_')[0] ?? id;

function toParticipant(p: WebexMeetingParticipant): MeetingParticipant | undefined {
  if (p.state === 'end') return undefined;
  return {
    // Only the host (or an admin) can read the roster, so the host's row is the reader's own.
    ...(p.host === true ? { you: true } : {}),
    id: p.id,
    displayName: p.displayName ?? p.email ?? 'Unknown participant',
    ...(p.email !== undefined ? { email: p.email } : {}),
    host: p.host ?? false,
    coHost: p.coHost ?? false,
    muted: p.muted ?? false,
    video: p.video ?? 'unknown',
    // Webex's in-progress answers may leave state out; such a person is in the meeting.
    state: p.state ?? 'joined',
  };
}

export function createMeetingsFeature(deps: Deps): MeetingsFeature {
  const { clock, log } = deps;
  const listeners = new Set<(snapshot: MeetingsSnapshot) => void>();
  const hostingListeners = new Set<(hosting: boolean) => void>();
  let hosting = false;
  let boundLine: Line | undefined;
  let meeting: OpenMeeting | null = null;
  /** Where call-outs go: the instance's id, or the number while Webex does not list the instance. */
  let callTo: CalloutTarget | undefined;
  let rosterHidden: AppError | undefined;
  let roster: WebexMeetingParticipant[] = [];
  let sync: MeetingsSnapshot['sync'] = { state: 'idle' };
  let watching = false;
  let rosterSync: RosterSync | undefined;
  let demoOpened = false;
  let lease: TimerHandle | undefined;
  const callouts = createPendingCallouts({ clock, onChange: () => emit() });

  function access(line: Line): MeetingsAccess {
    if (!line.meetings) return NOT_AVAILABLE;
    const missing = line.meetings.missingScopes();
    if (missing.scopes.length === 0) return { state: 'ready' };
    return { state: 'needs-scopes', scopes: [...missing.scopes], howTo: missing.howTo };
  }

  function snapshot(): MeetingsSnapshot {
    const present = roster.map(toParticipant).filter((p): p is MeetingParticipant => p !== undefined);
    return {
      access: access(deps.line()),
      meeting,
      participants: present,
      leftCount: roster.length - present.length,
      callouts: callouts.list(),
      sync,
      watching,
      ...(rosterHidden ? { rosterHidden: rosterHidden.toValue() } : {}),
    };
  }

  let lastAccess = '';
  let lastSent = '';

  /** Only the host reads the roster, so a roster being followed is a meeting the person hosts. */
  function tellHosting(): void {
    const now = meeting !== null && watching && rosterHidden === undefined && access(deps.line()).state === 'ready';
    if (now === hosting) return;
    hosting = now;
    for (const listener of hostingListeners) listener(now);
  }

  /** Tells the window, unless nothing it shows changed (a poll that found the same roster). */
  function emit(): void {
    follow();
    tellHosting();
    const s = snapshot();
    lastAccess = JSON.stringify(s.access);
    const shown = JSON.stringify({ ...s, sync: { ...s.sync, updatedAt: undefined } });
    if (shown === lastSent) return;
    lastSent = shown;
    for (const listener of listeners) listener(s);
  }

  /** Signing in or out swaps the line: what was open belongs to the old one. */
  function follow(): Line {
    const line = deps.line();
    if (line !== boundLine) {
      rosterSync?.stop();
      rosterSync = undefined;
      meeting = null;
      callTo = undefined;
      rosterHidden = undefined;
      roster = [];
      sync = { state: 'idle' };
      callouts.clear();
      demoOpened = false;
      boundLine = line;
    }
    return line;
  }

  function client(): WebexMeetingsClient {
    const line = follow();
    const a = access(line);
    if (!line.meetings || a.state !== 'ready') {
      throw new AppError('forbidden', a.state === 'needs-scopes' ? a.howTo : NO_MEETINGS);
    }
    return line.meetings.client;
  }

  const entries = (list: readonly WebexMeetingParticipant[]): RosterEntry[] =>
    list.filter((p) => p.state !== 'end').map((p) => ({ id: p.id, correlationIds: (p.devices ?? []).flatMap((d) => (d.correlationId ? [d.correlationId] : [])) }));

  function applyRoster(next: WebexMeetingParticipant[]): void {
    roster = next;
    callouts.reconcile(entries(next));
    sync = { state: 'ok', updatedAt: new Date(clock.now()).toISOString() };
  }

  /** The roster is closed to this user (a cohost, say): stop asking, keep what else works. */
  function hideRoster(error: AppError): void {
    rosterHidden = rosterRefusal(error);
    roster = [];
    sync = { state: 'idle' };
    rosterSync?.stop();
    rosterSync = undefined;
  }

  function ensureSync(): void {
    // Without the scopes (e.g. "Use Webex Meetings" just switched off) the view shows why; no reads.
    if (meeting === null || rosterHidden !== undefined || !watching || access(follow()).state !== 'ready') {
      rosterSync?.stop();
      return;
    }
    if (!rosterSync) {
      const meetingId = meeting.id;
      const api = client();
      rosterSync = createRosterSync({
        clock,
        log,
        ...(deps.pollMs !== undefined ? { intervalMs: deps.pollMs } : {}),
        fetch: (signal) => api.listParticipants(meetingId, signal),
        onResult(result) {
          if (meeting?.id !== meetingId) return;
          if (result.ok) applyRoster(result.value);
          else if (result.error.status === 403) hideRoster(result.error);
          else sync = { ...sync, state: 'error', error: result.error.toValue() };
          emit();
        },
      });
    }
    rosterSync.start();
  }

  const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));

  /**
   * Runs a mute, admit or expel. A 423 Locked or 429 is waited out once when Webex asks for at
   * most ACTION_RETRY_WAIT_MAX_MS (these are idempotent: admitting or muting twice is the same);
   * a 403 comes back with Webex's words and what it means.
   */
  async function act<T>(run: (api: WebexMeetingsClient) => Promise<T>): Promise<T> {
    const api = client();
    try {
      try {
        return await run(api);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'rate-limited' || (error.retryAfterMs ?? Infinity) > ACTION_RETRY_WAIT_MAX_MS) throw error;
        log.info('webex asked to wait before this participant action; waiting once', { status: error.status, retryAfterMs: error.retryAfterMs });
        await wait(error.retryAfterMs ?? 0);
        return await run(api);
      }
    } catch (error) {
      throw isAppError(error) ? actionRefusal(error) : error;
    }
  }

  /**
   * After every action the roster is read again: Webex may answer success without the change
   * taking effect (people on the Webex Meetings app), so the screen shows what the roster says.
   */
  async function reread(): Promise<void> {
    if (meeting === null || rosterHidden !== undefined) return;
    if (rosterSync) {
      await rosterSync.refresh();
      return;
    }
    const id = meeting.id;
    try {
      const next = await client().listParticipants(id);
      if (meeting?.id === id) applyRoster(next);
    } catch (error) {
      if (isAppError(error) && error.status === 403 && meeting?.id === id) hideRoster(error);
      else log.warn('re-reading the roster after an action failed', { error: String(error) });
    }
    emit();
  }

  function participant(id: string): WebexMeetingParticipant {
    const found = roster.find((p) => p.id === id && p.state !== 'end');
    if (!found) throw new AppError('not-found', 'That person is no longer in the meeting.');
    return found;
  }

  async function update(participantId: string, change: ParticipantUpdate): Promise<null> {
    participant(participantId);
    try {
      await act((api) => api.updateParticipant(participantId, change));
    } finally {
      await reread();
    }
    return null;
  }

  async function admitAll(): Promise<null> {
    if (meeting === null) throw new AppError('invalid-input', 'Open a meeting first.');
    const waiting = roster.filter((p) => p.state === 'lobby').map((p) => p.id);
    if (waiting.length === 0) throw new AppError('conflict', 'Nobody is waiting in the lobby.');
    try {
      await act((api) => api.admitAll(waiting));
    } finally {
      await reread();
    }
    return null;
  }

  /** By number: the scheduled meeting, then its running instance if Webex lists it yet. */
  async function byNumber(api: WebexMeetingsClient, digits: string, typed: string): Promise<{ found: OpenMeeting; target: CalloutTarget }> {
    const scheduled = await api.findByNumber(digits);
    if (!scheduled) throw new AppError('not-found', `Webex has no meeting with number ${typed}. Check the number.`);
    const number = scheduled.meetingNumber ?? digits;
    const seriesId = scheduled.meetingSeriesId ?? scheduled.id.slice(0, 32);
    const instance = await api.findRunningInstance(seriesId).catch((error: unknown) => {
      // A refusal here changes nothing: the scheduled meeting still reads the roster.
      if (isAppError(error) && (error.code === 'not-found' || error.code === 'forbidden' || error.code === 'invalid-input')) return undefined;
      throw error;
    });
    const title = instance?.title ?? scheduled.title ?? 'Meeting';
    return instance
      ? { found: { id: instance.id, number, title, listed: true }, target: { meetingId: instance.id } }
      : { found: { id: scheduled.id, number, title, listed: false }, target: { meetingNumber: number } };
  }

  async function open(input: string): Promise<MeetingsSnapshot> {
    const text = input.trim();
    if (text === '') throw new AppError('invalid-input', 'Enter a meeting number (like 2634 555 1234) or a meeting ID.');
    const api = client();
    const digits = meetingNumberDigits(text);
    let opened: { found: OpenMeeting; target: CalloutTarget };
    if (digits !== undefined) {
      opened = await byNumber(api, digits, text);
    } else if (WEBEX_MEETING_ID.test(text)) {
      opened = { found: { id: text, title: 'Meeting' }, target: { meetingId: text } };
    } else {
      throw new AppError(
        'invalid-input',
        'A meeting number has only digits and spaces (like 2634 555 1234); a meeting ID is 32 letters a–f and digits, sometimes followed by _I_ and digits.',
      );
    }
    // Read the roster before switching, so a meeting that cannot be read does not replace the open one.
    let first: WebexMeetingParticipant[] = [];
    let hidden: AppError | undefined;
    try {
      first = await api.listParticipants(opened.found.id);
    } catch (error) {
      if (!isAppError(error) || error.status !== 403) throw error;
      hidden = error;
    }
    rosterSync?.stop();
    rosterSync = undefined;
    callouts.clear();
    meeting = opened.found;
    callTo = opened.target;
    rosterHidden = undefined;
    if (hidden) hideRoster(hidden);
    else applyRoster(first);
    ensureSync();
    emit();
    return snapshot();
  }

  async function callout(args: { address: string; displayName: string }): Promise<{ participantId: string }> {
    const current = meeting;
    if (current === null) throw new AppError('invalid-input', 'Open a meeting first.');
    const name = cleanDisplayName(args.displayName);
    if (name === '') throw new AppError('invalid-input', 'Enter a display name: Webex shows it in the roster.');
    // Everyone in the meeting sees this name: no control characters, and no direction overrides
    // that would make it read differently (or reorder the roster line it sits in).
    if (/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(name)) {
      throw new AppError('invalid-input', 'The display name cannot contain control characters or text-direction formatting.');
    }
    const length = displayNameLength(name);
    if (length > CALLOUT_DISPLAY_NAME_MAX) {
      throw new AppError('invalid-input', `The display name can have at most ${CALLOUT_DISPLAY_NAME_MAX} characters; this one has ${length}.`);
    }
    const target = calloutAddress(args.address, deps.defaultCountry());
    if (!target.ok) throw new AppError('invalid-input', target.reason);
    const to = callTo ?? { meetingId: current.id };
    const invitationCorrelationId = randomUUID();
    // Never retried: a second POST would be a second phone ringing.
    const answer = await client()
      .callOut({ ...to, address: target.address, addressType: target.addressType, displayName: name, invitationCorrelationId })
      .catch((error: unknown) => {
        throw isAppError(error) ? calloutRefusal(error) : error;
      });
    // A 2xx means it rings, whatever else the answer says.
    const key = callouts.add({
      participantId: answer.participantId,
      invitationCorrelationId: answer.invitationCorrelationId ?? invitationCorrelationId,
      displayName: name,
      address: target.display,
    });
    callouts.reconcile(entries(roster));
    emit();
    return { participantId: key };
  }

  function stopWatching(): void {
    watching = false;
    if (lease !== undefined) clock.clearTimeout(lease);
    lease = undefined;
    rosterSync?.stop();
  }

  const handlers: MeetingsFeature['handlers'] = {
    'meetings:watch': async () => {
      const line = follow();
      watching = true;
      if (lease !== undefined) clock.clearTimeout(lease);
      lease = clock.setTimeout(() => {
        log.info('the Meetings view stopped renewing its watch; roster refresh stopped');
        stopWatching();
        emit();
      }, WATCH_LEASE_MS);
      const demo = line.meetings?.demoMeetingNumber;
      if (meeting === null && demo !== undefined && !demoOpened) {
        demoOpened = true;
        // A newcomer on the demo line sees its running meeting without knowing the number.
        await open(demo).catch((error: unknown) => log.warn('could not open the demo meeting', { error: String(error) }));
      }
      ensureSync();
      emit();
      return snapshot();
    },
    'meetings:unwatch': async () => {
      stopWatching();
      emit();
      return null;
    },
    'meetings:open': ({ meeting: input }) => open(input),
    'meetings:mute': ({ participantId }) => update(participantId, { muted: true }),
    'meetings:unmute': ({ participantId }) => update(participantId, { muted: false }),
    'meetings:admit': async ({ participantId }) => {
      if (participant(participantId).state !== 'lobby') throw new AppError('conflict', 'Only someone waiting in the lobby can be admitted.');
      return update(participantId, { admit: true });
    },
    'meetings:admitAll': () => admitAll(),
    'meetings:expel': async ({ participantId }) => {
      if (participant(participantId).host === true) throw new AppError('conflict', 'That is your own place in the meeting; to leave, leave it in Webex.');
      return update(participantId, { expel: true });
    },
    'meetings:callout': (args) => callout(args),
    'meetings:cancelCallout': async ({ participantId }) => {
      if (!callouts.isRinging(participantId)) throw new AppError('not-found', 'That call-out is no longer ringing.');
      const webexId = callouts.participantIdOf(participantId);
      if (webexId === undefined) throw new AppError('conflict', "Webex's answer gave no participant ID for this call-out, so it cannot be cancelled from here; it stops ringing after 30 seconds.");
      await client()
        .cancelCallOut(webexId)
        .catch((error: unknown) => {
          throw isAppError(error) ? calloutRefusal(error, 'cancel') : error;
        });
      callouts.remove(participantId);
      emit();
      return null;
    },
    'meetings:dismissCallout': async ({ participantId }) => {
      if (callouts.isRinging(participantId)) throw new AppError('conflict', 'That call-out is still ringing; cancel it instead.');
      callouts.remove(participantId);
      emit();
      return null;
    },
  };

  return {
    handlers,
    snapshot: () => {
      follow();
      return snapshot();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refreshRoster(meetingId) {
      if (meeting === null || (meetingId !== undefined && seriesOf(meetingId) !== seriesOf(meeting.id))) return;
      void rosterSync?.refresh();
    },
    onHosting(listener) {
      hostingListeners.add(listener);
      return () => hostingListeners.delete(listener);
    },
    lineMayHaveChanged() {
      const before = boundLine;
      const line = follow();
      const now = JSON.stringify(access(line));
      if (line === before && now === lastAccess) return;
      ensureSync();
      emit();
    },
    stop() {
      stopWatching();
      callouts.clear();
    },
  };
}
