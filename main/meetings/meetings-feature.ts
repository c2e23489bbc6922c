/**
 * Webex Meetings for the person at the desk: open a running meeting by number, keep its roster
 * fresh while the Meetings view is open, act on participants, and call people in. Everything
 * goes through the current line's meetings client; the state is sent whole as `meetings:changed`.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingParticipant, MeetingsAccess, MeetingsSnapshot, OpenMeeting } from '../../preload/contract.js';
import {
  CALLOUT_DISPLAY_NAME_MAX,
  WATCH_LEASE_MS,
  cleanDisplayName,
  displayNameLength,
  meetingNumberDigits,
} from '../../preload/common/meetings.js';
import { AppError, isAppError } from '../core/app-error.js';
import type { Line } from '../providers/line.js';
import type { Clock, Logger, TimerHandle } from '../core/ports.js';
import type { ChannelsOf, HandlersOf } from '../ipc/handlers.js';
import type { ParticipantUpdate, WebexMeetingsClient } from '../providers/webex/meetings-client.js';
import type { WebexMeetingParticipant } from '../providers/webex/meetings-schemas.js';
import { calloutAddress } from './callout-address.js';
import { hostOnly } from './host-only.js';
import { createPendingCallouts } from './pending-callouts.js';
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
  /** Reads the open meeting's roster now (a live update said it changed); nothing when none is open. */
  refreshRoster(): void;
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

const NO_MEETINGS = 'This line has no Webex Meetings. Sign in with a Webex account in Settings → Accounts.';
const NOT_AVAILABLE: MeetingsAccess = { state: 'needs-scopes', scopes: [], howTo: NO_MEETINGS };

function toParticipant(p: WebexMeetingParticipant): MeetingParticipant | undefined {
  if (p.state === 'end') return undefined;
  return {
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
  let boundLine: Line | undefined;
  let meeting: OpenMeeting | null = null;
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
    };
  }

  let lastAccess = '';
  let lastSent = '';

  /** Tells the window, unless nothing it shows changed (a poll that found the same roster). */
  function emit(): void {
    follow();
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

  function applyRoster(next: WebexMeetingParticipant[]): void {
    roster = next;
    callouts.reconcile(next.filter((p) => p.state !== 'end').map((p) => ({ id: p.id, displayName: p.displayName ?? '' })));
    sync = { state: 'ok', updatedAt: new Date(clock.now()).toISOString() };
  }

  function ensureSync(): void {
    // Without the scopes (e.g. "Use Webex Meetings" just switched off) the view shows why; no reads.
    if (meeting === null || !watching || access(follow()).state !== 'ready') {
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
          else sync = { ...sync, state: 'error', error: hostOnly(result.error).toValue() };
          emit();
        },
      });
    }
    rosterSync.start();
  }

  /** Runs a roster command; a 403 comes back as the host-or-cohost explanation. */
  async function act<T>(run: (api: WebexMeetingsClient) => Promise<T>): Promise<T> {
    const api = client();
    try {
      return await run(api);
    } catch (error) {
      throw isAppError(error) ? hostOnly(error) : error;
    }
  }

  function participant(id: string): WebexMeetingParticipant {
    const found = roster.find((p) => p.id === id && p.state !== 'end');
    if (!found) throw new AppError('not-found', 'That person is no longer in the meeting.');
    return found;
  }

  async function update(participantId: string, change: ParticipantUpdate): Promise<null> {
    participant(participantId);
    const updated = await act((api) => api.updateParticipant(participantId, change));
    // The answer is the person's new state; expel's answer may still say joined, so it wins here too.
    roster = roster.map((p) =>
      p.id !== participantId ? p : 'expel' in change ? { ...p, state: 'end' as const } : { ...p, ...updated, id: p.id },
    );
    emit();
    void rosterSync?.refresh();
    return null;
  }

  async function open(input: string): Promise<MeetingsSnapshot> {
    const text = input.trim();
    if (text === '') throw new AppError('invalid-input', 'Enter a meeting number (like 2634 555 1234) or a meeting ID.');
    const digits = meetingNumberDigits(text);
    let found: OpenMeeting;
    if (digits !== undefined) {
      const m = await act((api) => api.findInProgressMeeting(digits));
      if (!m) {
        throw new AppError('not-found', `No meeting with number ${text} is in progress. Check the number, or start the meeting in Webex first.`);
      }
      found = { id: m.id, title: m.title, ...(m.meetingNumber !== undefined ? { number: m.meetingNumber } : {}) };
    } else if (/^[A-Za-z0-9_-]{16,128}$/.test(text)) {
      found = { id: text, title: 'Meeting' };
    } else {
      throw new AppError('invalid-input', 'A meeting number has only digits and spaces (like 2634 555 1234); a meeting ID has letters, digits and _.');
    }
    // Read the roster before switching, so a meeting you may not manage does not replace the open one.
    const first = await act((api) => api.listParticipants(found.id));
    rosterSync?.stop();
    rosterSync = undefined;
    callouts.clear();
    meeting = found;
    applyRoster(first);
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
    const answer = await act((api) =>
      api.callOut({
        meetingId: current.id,
        address: target.address,
        addressType: target.addressType,
        displayName: name,
        invitationCorrelationId: randomUUID(),
      }),
    );
    callouts.add(
      { participantId: answer.participantId, displayName: name, address: target.display },
      roster.filter((p) => p.state !== 'end').map((p) => ({ id: p.id, displayName: p.displayName ?? '' })),
    );
    emit();
    return { participantId: answer.participantId };
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
    'meetings:expel': ({ participantId }) => update(participantId, { expel: true }),
    'meetings:callout': (args) => callout(args),
    'meetings:cancelCallout': async ({ participantId }) => {
      if (!callouts.isRinging(participantId)) throw new AppError('not-found', 'That call-out is no longer ringing.');
      await act((api) => api.cancelCallOut(participantId));
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
    refreshRoster() {
      void rosterSync?.refresh();
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
