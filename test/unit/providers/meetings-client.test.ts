import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../main/providers/http.js';
import { createWebexMeetingsClient, MAX_ROSTER_PAGES, nextLink, relativeToBase } from '../../../main/providers/webex/meetings-client.js';

const BASE = 'https://webexapis.com/v1';

/** An HttpClient that answers from a script and records what was asked. */
class ScriptedHttp implements HttpClient {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly answer: (req: HttpRequest, n: number) => HttpResponse) {}
  async request(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    return this.answer(req, this.requests.length);
  }
  async close(): Promise<void> {}
}

const person = (id: string, state = 'joined') => ({ id, displayName: id, state });

describe('Link headers', () => {
  it('finds rel="next" among other relations, quoted or not', () => {
    expect(nextLink('<https://webexapis.com/v1/meetingParticipants?max=100&offset=100>; rel="next"')).toBe(
      'https://webexapis.com/v1/meetingParticipants?max=100&offset=100',
    );
    expect(nextLink('<https://a/v1/x?p=1>; rel="prev", <https://a/v1/x?p=3>; rel=next')).toBe('https://a/v1/x?p=3');
    expect(nextLink('<https://a/v1/x?p=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(undefined)).toBeUndefined();
  });

  it('follows links only inside the API base: the token never goes elsewhere', () => {
    expect(relativeToBase(BASE, 'https://webexapis.com/v1/meetingParticipants?meetingId=m&offset=100')).toEqual({
      path: '/meetingParticipants',
      query: { meetingId: 'm', offset: '100' },
    });
    expect(() => relativeToBase(BASE, 'https://evil.example/v1/meetingParticipants')).toThrow(/not followed/);
    expect(() => relativeToBase(BASE, 'http://webexapis.com/v1/meetingParticipants')).toThrow(/not followed/);
    expect(() => relativeToBase(BASE, 'https://webexapis.com/v2/other')).toThrow(/not followed/);
  });
});

describe('listParticipants', () => {
  it('asks for pages of at most 100 and follows next to the end', async () => {
    const http = new ScriptedHttp((_req, n) => ({
      status: 200,
      trackingId: `T${n}`,
      body: { items: [person(`p${n}a`), person(`p${n}b`, 'end')] },
      ...(n < 3 ? { link: `<${BASE}/meetingParticipants?meetingId=m1&max=100&offset=${n * 100}>; rel="next"` } : {}),
    }));
    const all = await createWebexMeetingsClient(http, BASE).listParticipants('m1');
    expect(all.map((p) => p.id)).toEqual(['p1a', 'p1b', 'p2a', 'p2b', 'p3a', 'p3b']);
    expect(http.requests.map((r) => r.query)).toEqual([
      { meetingId: 'm1', max: '100' },
      { meetingId: 'm1', max: '100', offset: '100' },
      { meetingId: 'm1', max: '100', offset: '200' },
    ]);
  });

  it('stops a server that never stops paging, with an error instead of a hang', async () => {
    const http = new ScriptedHttp(() => ({ status: 200, trackingId: 'T', body: { items: [] }, link: `<${BASE}/meetingParticipants?again=1>; rel="next"` }));
    await expect(createWebexMeetingsClient(http, BASE).listParticipants('m1')).rejects.toMatchObject({ code: 'provider' });
    expect(http.requests).toHaveLength(MAX_ROSTER_PAGES);
  });

  it('a malformed page is a provider error carrying the trackingId', async () => {
    const http = new ScriptedHttp(() => ({ status: 200, trackingId: 'TRACK', body: { items: [{ displayName: 'no id' }] } }));
    await expect(createWebexMeetingsClient(http, BASE).listParticipants('m1')).rejects.toMatchObject({ code: 'provider', trackingId: 'TRACK' });
  });
});

describe('findInProgressMeeting', () => {
  it('asks by number and picks the in-progress instance, whatever else Webex lists for it', async () => {
    const http = new ScriptedHttp(() => ({
      status: 200,
      trackingId: 'T',
      body: {
        items: [
          { id: 'series', title: 'Sync', meetingType: 'meetingSeries', state: 'active', meetingNumber: '123456789' },
          { id: 'live', title: 'Sync', meetingType: 'meeting', state: 'inProgress', meetingNumber: '123456789' },
        ],
      },
    }));
    expect((await createWebexMeetingsClient(http, BASE).findInProgressMeeting('123456789'))?.id).toBe('live');
    expect(http.requests[0]?.query).toEqual({ meetingNumber: '123456789', meetingType: 'meeting', state: 'inProgress' });
  });
});
