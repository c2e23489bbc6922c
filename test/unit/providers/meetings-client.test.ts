import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../main/providers/http.js';
import { admitBatches, createWebexMeetingsClient, MAX_ROSTER_PAGES, meetingPrefix, nextLink, relativeToBase } from '../../../main/providers/webex/meetings-client.js';

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

describe('finding a meeting by number', () => {
  it('[MTG-01] asks by number alone and takes the scheduled meeting Webex answers', async () => {
    const http = new ScriptedHttp(() => ({
      status: 200,
      trackingId: 'T',
      body: { items: [{ id: 'dfb45ece33264639a7bc3dd9535d53f7_20200516T230000Z', meetingSeriesId: 'dfb45ece33264639a7bc3dd9535d53f7', title: 'Sync', meetingType: 'scheduledMeeting', state: 'ready', meetingNumber: '123456789' }] },
    }));
    const found = await createWebexMeetingsClient(http, BASE).findByNumber('123456789');
    expect(found?.id).toBe('dfb45ece33264639a7bc3dd9535d53f7_20200516T230000Z');
    expect(http.requests[0]?.query).toEqual({ meetingNumber: '123456789' });
  });

  it('[MTG-02] looks for the running instance by series, and takes only an in-progress instance', async () => {
    const http = new ScriptedHttp(() => ({
      status: 200,
      trackingId: 'T',
      body: { items: [{ id: 'a_I_1', title: 'Sync', meetingType: 'meeting', state: 'ended' }, { id: 'a_I_2', title: 'Sync', meetingType: 'meeting', state: 'inProgress' }] },
    }));
    const client = createWebexMeetingsClient(http, BASE);
    expect((await client.findRunningInstance('a'))?.id).toBe('a_I_2');
    expect(http.requests[0]?.query).toEqual({ meetingSeriesId: 'a', meetingType: 'meeting', state: 'inProgress' });
    const empty = new ScriptedHttp(() => ({ status: 200, trackingId: 'T', body: { items: [] } }));
    expect(await createWebexMeetingsClient(empty, BASE).findRunningInstance('a')).toBeUndefined();
  });
});

describe('admitting in bulk', () => {
  it('[MTG-12] one request per meeting prefix and per 100 ids', () => {
    const ids = [...Array.from({ length: 230 }, (_, i) => `m1_I_5_p${i}`), 'm2_I_7_q1', 'm1_I_5_p0'];
    const batches = admitBatches(ids);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 30, 1]);
    for (const batch of batches) expect(new Set(batch.map(meetingPrefix)).size).toBe(1);
    expect(meetingPrefix('560d7b784f5143e3be2fc3064a5c4999_I_204252993233618782_23e16d67-17f3-3ef1-b830-f33d17c0232e')).toBe(
      '560d7b784f5143e3be2fc3064a5c4999_I_204252993233618782',
    );
  });
});

describe('the call-out answer', () => {
  it('[MTG-08] any 2xx body is read, new fields and values included, and never rejected', async () => {
    for (const answer of [{ participantId: 'p1', state: 'ringing', addressType: 'h323', extra: { nested: true } }, { participantId: 7 }, null, [], 'ok']) {
      const http = new ScriptedHttp(() => ({ status: 200, trackingId: 'T', body: answer }));
      const read = await createWebexMeetingsClient(http, BASE).callOut({
        meetingNumber: '123456789',
        address: 'sip:a@example.com',
        addressType: 'sipAddress',
        displayName: 'A',
        invitationCorrelationId: '871ab255-64e6-4cd2-a5af-d33953898356',
      });
      expect(read.participantId).toBe(answer !== null && typeof answer === 'object' && !Array.isArray(answer) && typeof answer.participantId === 'string' ? 'p1' : undefined);
    }
  });
});
