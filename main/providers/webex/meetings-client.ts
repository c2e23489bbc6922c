/**
 * Webex Meetings over HTTP: find a meeting by number (the scheduled meeting) and its running
 * instance (by series), read a roster page by page, and act on participants. Paths, bodies and statuses are Cisco's (test/contract checks every
 * exchange against the official OpenAPI); responses are parsed with meetings-schemas.ts.
 */
import { AppError } from '../../core/app-error.js';
import type { HttpClient } from '../http.js';
import { parsed } from './parse-response.js';
import {
  WebexCalloutResponse,
  WebexMeetingList,
  WebexMeetingParticipant,
  WebexParticipantList,
  type WebexAddressType,
  type WebexMeeting,
} from './meetings-schemas.js';

/** Webex caps a participants page at 100. */
export const PARTICIPANTS_PAGE_MAX = 100;
/** A roster longer than this many pages is a server looping its cursor, not a meeting. */
export const MAX_ROSTER_PAGES = 50;

/** "This API limits the maximum size of `items` in the request body to 100." */
export const ADMIT_BATCH_MAX = 100;

/** Exactly one field per PUT: a mute is never also an admit, and expel needs no company. */
export type ParticipantUpdate = { muted: boolean } | { admit: true } | { expel: true };

/** "Either meetingId or meetingNumber must be specified." */
export type CalloutTarget = { meetingId: string } | { meetingNumber: string };

export type CalloutRequest = CalloutTarget & {
  address: string;
  addressType: WebexAddressType;
  displayName: string;
  invitationCorrelationId: string;
};

export interface WebexMeetingsClient {
  /** What List Meetings answers for a number (digits only): the scheduled meeting, or undefined. */
  findByNumber(meetingNumber: string, signal?: AbortSignal): Promise<WebexMeeting | undefined>;
  /** The series' in-progress instance, if Webex lists it yet ("may take longer"). */
  findRunningInstance(meetingSeriesId: string, signal?: AbortSignal): Promise<WebexMeeting | undefined>;
  /** Every participant, following `Link: rel="next"` to the last page. */
  listParticipants(meetingId: string, signal?: AbortSignal): Promise<WebexMeetingParticipant[]>;
  updateParticipant(participantId: string, update: ParticipantUpdate): Promise<WebexMeetingParticipant>;
  callOut(request: CalloutRequest): Promise<WebexCalloutResponse>;
  cancelCallOut(participantId: string): Promise<void>;
  /** Admits everyone named: one request per meeting and per 100 ids. */
  admitAll(participantIds: readonly string[]): Promise<void>;
}

/** The meeting part of a participant id (`<meeting>_<participant>`): everything before the last `_`. */
export function meetingPrefix(participantId: string): string {
  return participantId.slice(0, Math.max(0, participantId.lastIndexOf('_')));
}

/** Ids grouped by meeting prefix, each group cut into requests of at most ADMIT_BATCH_MAX. */
export function admitBatches(participantIds: readonly string[]): string[][] {
  const byMeeting = new Map<string, string[]>();
  for (const id of new Set(participantIds)) {
    const key = meetingPrefix(id);
    byMeeting.set(key, [...(byMeeting.get(key) ?? []), id]);
  }
  const batches: string[][] = [];
  for (const ids of byMeeting.values()) {
    for (let i = 0; i < ids.length; i += ADMIT_BATCH_MAX) batches.push(ids.slice(i, i + ADMIT_BATCH_MAX));
  }
  return batches;
}

/** The target of `rel="next"` in an RFC 5988 Link header, if any. */
export function nextLink(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*((?:;[^;]*)*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1]?.split(/\s+/) ?? [];
    if (rels.some((rel) => rel.toLowerCase() === 'next')) return match[1];
  }
  return undefined;
}

/**
 * Turns a next-page URL into a request relative to the base URL. A link to another origin or
 * outside the API is refused: the bearer token must never follow a link somewhere else.
 */
export function relativeToBase(baseUrl: string, href: string): { path: string; query: Record<string, string> } {
  const base = new URL(baseUrl.replace(/\/+$/, ''));
  let next: URL;
  try {
    next = new URL(href, `${base.href}/`);
  } catch {
    throw new AppError('provider', 'Webex sent a next-page link that is not a URL.');
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (next.origin !== base.origin || !next.pathname.startsWith(`${prefix}/`)) {
    throw new AppError('provider', `Webex sent a next-page link outside ${base.origin}${prefix}; not followed.`);
  }
  return { path: next.pathname.slice(prefix.length), query: Object.fromEntries(next.searchParams) };
}

export function createWebexMeetingsClient(http: HttpClient, baseUrl: string): WebexMeetingsClient {
  return {
    async findByNumber(meetingNumber, signal) {
      // With a number Webex ignores meetingType and state: it answers the scheduled meeting.
      const res = await http.request({ method: 'GET', path: '/meetings', query: { meetingNumber }, ...(signal ? { signal } : {}) });
      const { items } = parsed(WebexMeetingList, res, 'meeting list');
      return items.find((m) => m.meetingType !== 'meeting') ?? items[0];
    },

    async findRunningInstance(meetingSeriesId, signal) {
      const res = await http.request({
        method: 'GET',
        path: '/meetings',
        query: { meetingSeriesId, meetingType: 'meeting', state: 'inProgress' },
        ...(signal ? { signal } : {}),
      });
      const { items } = parsed(WebexMeetingList, res, 'meeting list');
      return items.find((m) => m.meetingType === 'meeting' && m.state === 'inProgress');
    },

    async listParticipants(meetingId, signal) {
      const all: WebexMeetingParticipant[] = [];
      let request: { path: string; query: Record<string, string> } | undefined = {
        path: '/meetingParticipants',
        query: { meetingId, max: String(PARTICIPANTS_PAGE_MAX) },
      };
      for (let page = 0; request !== undefined; page += 1) {
        if (page >= MAX_ROSTER_PAGES) {
          throw new AppError('provider', `Webex kept sending more participant pages after ${MAX_ROSTER_PAGES}; stopped reading.`);
        }
        const res = await http.request({ method: 'GET', ...request, ...(signal ? { signal } : {}) });
        all.push(...parsed(WebexParticipantList, res, 'participant list').items);
        const next = nextLink(res.link);
        request = next === undefined ? undefined : relativeToBase(baseUrl, next);
      }
      return all;
    },

    async updateParticipant(participantId, update) {
      const res = await http.request({ method: 'PUT', path: `/meetingParticipants/${encodeURIComponent(participantId)}`, body: update });
      return parsed(WebexMeetingParticipant, res, 'participant');
    },

    async callOut(request) {
      const res = await http.request({ method: 'POST', path: '/meetingParticipants/callout', body: request });
      return parsed(WebexCalloutResponse, res, 'call-out answer');
    },

    async cancelCallOut(participantId) {
      await http.request({ method: 'POST', path: '/meetingParticipants/cancelCallout', body: { participantId } });
    },

    async admitAll(participantIds) {
      for (const batch of admitBatches(participantIds)) {
        await http.request({ method: 'POST', path: '/meetingParticipants/admit', body: { items: batch.map((participantId) => ({ participantId })) } });
      }
    },
  };
}
