/**
 * XSI-Events requests (EVENTS.md §2): the endless channel, heartbeats, acknowledgements and
 * subscriptions, each with `Authorization: Bearer <Webex access token>`.
 *
 * Not on http.ts's JSON client: XSI speaks XML, and the channel is a response that never ends, so
 * it must not have a body deadline (the source watches it with a heartbeat-based watchdog instead).
 * The channel runs on an Agent of its own with no body timeout; the short requests use the shared
 * Agent and http.ts's deadline, size cap and error mapping.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request, type Dispatcher } from 'undici';
import { AppError } from '../../core/app-error.js';
import { exchangeSignal } from '../exchange-signal.js';
import { CONNECT_TIMEOUT_MS, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, readCapped, sharedAgent } from '../http.js';
import { statusError, transportError } from '../http-errors.js';
import { parseXmlDocument, XmlError, type XmlElement } from './xml-stream.js';
import {
  channelBody,
  channelRefreshBody,
  eventResponseBody,
  readExpires,
  readSubscription,
  subscriptionBody,
  subscriptionRefreshBody,
  type ChannelRequest,
} from './xsi-messages.js';

const SERVICE = 'XSI-Events';
const XML_TYPE = 'application/xml; charset=UTF-8';

/** One XSP host's two base URLs; a channel's heartbeats and acks must go to the host that holds it. */
export interface XsiHost {
  /** e.g. https://xsp1.example.com/com.broadsoft.async/com.broadsoft.xsi-events */
  readonly channelEndpoint: string;
  /** e.g. https://xsp1.example.com/com.broadsoft.xsi-events */
  readonly eventsEndpoint: string;
  /** For logs: the host name. */
  readonly label: string;
}

/** The open channel's response: its body streams until either side ends it. */
export interface XsiChannelStream {
  readonly body: AsyncIterable<Uint8Array>;
  /** Ends the stream from our side. */
  close(): void;
}

export interface XsiClientOptions {
  getToken: () => Promise<string>;
  /** For the short requests; defaults to the shared Agent. */
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  now?: () => number;
}

export type XsiClient = ReturnType<typeof createXsiClient>;

export function createXsiClient(opts: XsiClientOptions) {
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const closing = new AbortController();
  // No body timeout: the channel is silent between heartbeats by design.
  const channelAgent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS }, headersTimeout: HEADERS_TIMEOUT_MS, bodyTimeout: 0 });

  async function headers(hasBody: boolean): Promise<Record<string, string>> {
    const token = await opts.getToken();
    return {
      authorization: `Bearer ${token}`,
      TrackingID: `CALLDECK_${randomUUID()}`,
      accept: 'application/xml',
      ...(hasBody ? { 'content-type': XML_TYPE } : {}),
    };
  }

  function failure(status: number, text: string, h: Record<string, string | string[] | undefined>): AppError {
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
    return statusError({
      status,
      bodyText: text,
      headerTrackingId: one(h['trackingid']),
      retryAfterHeader: one(h['retry-after']),
      now: now(),
      service: SERVICE,
    });
  }

  /** A short XSI request; resolves with the answer's XML root, if it had one. */
  async function exchange(method: 'PUT' | 'POST' | 'DELETE', url: string, body?: string): Promise<XmlElement | undefined> {
    if (closing.signal.aborted) throw new AppError('network', `The connection to ${SERVICE} was closed.`);
    const ex = exchangeSignal(timeoutMs, [closing.signal]);
    let status: number;
    let text: string;
    let resHeaders: Record<string, string | string[] | undefined>;
    try {
      const res = await request(url, {
        method,
        headers: await headers(body !== undefined),
        ...(body !== undefined ? { body } : {}),
        dispatcher: opts.dispatcher ?? sharedAgent(),
        signal: ex.signal,
      });
      status = res.statusCode;
      resHeaders = res.headers;
      const length = res.headers['content-length'];
      text = await readCapped(res.body, Array.isArray(length) ? length[0] : length, SERVICE, () => res.body.destroy());
    } catch (error) {
      throw transportError(error, { callerSignal: undefined, timedOut: ex.timedOut, timeoutMs, service: SERVICE });
    } finally {
      ex.done();
    }
    if (status < 200 || status >= 300) throw failure(status, text, resHeaders);
    if (text.trim() === '') return undefined;
    try {
      return parseXmlDocument(text);
    } catch (error) {
      const why = error instanceof XmlError ? error.message : 'unreadable';
      throw new AppError('provider', `${SERVICE} sent an answer that is not XSI XML (${why}).`, { status });
    }
  }

  return {
    /**
     * POST {channelEndpoint}/v2.0/channel. Resolves once the answer's headers are in (2xx), with the
     * stream; rejects with AppError for any other status or transport failure.
     */
    async openChannel(host: XsiHost, req: ChannelRequest, signal: AbortSignal): Promise<XsiChannelStream> {
      const abort = new AbortController();
      const stop = () => abort.abort();
      const detach = () => {
        signal.removeEventListener('abort', stop);
        closing.signal.removeEventListener('abort', stop);
      };
      signal.addEventListener('abort', stop, { once: true });
      closing.signal.addEventListener('abort', stop, { once: true });
      // Only the wait for headers has a deadline; the body is watched by heartbeats.
      const deadline = setTimeout(() => abort.abort(new DOMException('The operation timed out.', 'TimeoutError')), timeoutMs);
      deadline.unref();
      try {
        const res = await request(`${host.channelEndpoint}/v2.0/channel`, {
          method: 'POST',
          headers: await headers(true),
          body: channelBody(req),
          dispatcher: channelAgent,
          signal: abort.signal,
        });
        clearTimeout(deadline);
        if (res.statusCode < 200 || res.statusCode >= 300) {
          const length = res.headers['content-length'];
          const text = await readCapped(res.body, Array.isArray(length) ? length[0] : length, SERVICE, () => res.body.destroy()).catch(() => '');
          throw failure(res.statusCode, text, res.headers);
        }
        return {
          body: res.body,
          close: () => {
            detach();
            res.body.destroy();
            abort.abort();
          },
        };
      } catch (error) {
        clearTimeout(deadline);
        detach();
        throw transportError(error, { callerSignal: signal, timedOut: abort.signal.reason instanceof DOMException, timeoutMs, service: SERVICE });
      }
    },

    /** PUT …/channel/{id}/heartbeat, to the host that holds the channel. */
    async heartbeat(host: XsiHost, channelId: string): Promise<void> {
      await exchange('PUT', `${host.eventsEndpoint}/v2.0/channel/${encodeURIComponent(channelId)}/heartbeat`);
    },

    /** POST …/channel/eventresponse: 200 OK for one event. */
    async acknowledge(host: XsiHost, eventId: string): Promise<void> {
      await exchange('POST', `${host.eventsEndpoint}/v2.0/channel/eventresponse`, eventResponseBody(eventId));
    },

    /** PUT …/channel/{id}; the lifetime granted, when the answer says. */
    async refreshChannel(host: XsiHost, channelId: string, expiresSec: number): Promise<number | undefined> {
      const doc = await exchange('PUT', `${host.eventsEndpoint}/v2.0/channel/${encodeURIComponent(channelId)}`, channelRefreshBody(expiresSec));
      return doc ? readExpires(doc) : undefined;
    },

    async deleteChannel(host: XsiHost, channelId: string): Promise<void> {
      await exchange('DELETE', `${host.eventsEndpoint}/v2.0/channel/${encodeURIComponent(channelId)}`);
    },

    /** POST …/user/{userId} with a Subscription. */
    async subscribe(
      host: XsiHost,
      userId: string,
      req: { event: string; expiresSec: number; channelSetId: string; applicationId: string },
    ): Promise<{ subscriptionId: string; expiresSec?: number }> {
      const doc = await exchange('POST', `${host.eventsEndpoint}/v2.0/user/${encodeURIComponent(userId)}`, subscriptionBody(req));
      const sub = doc ? readSubscription(doc) : undefined;
      if (!sub) throw new AppError('provider', `${SERVICE} accepted the subscription but did not say its id.`);
      return sub;
    },

    async refreshSubscription(host: XsiHost, subscriptionId: string, expiresSec: number): Promise<number | undefined> {
      const doc = await exchange('PUT', `${host.eventsEndpoint}/v2.0/subscription/${encodeURIComponent(subscriptionId)}`, subscriptionRefreshBody(expiresSec));
      return doc ? readExpires(doc) : undefined;
    },

    async deleteSubscription(host: XsiHost, subscriptionId: string): Promise<void> {
      await exchange('DELETE', `${host.eventsEndpoint}/v2.0/subscription/${encodeURIComponent(subscriptionId)}`);
    },

    /** Ends every request in flight, the channel included, and closes the channel's Agent. */
    async close(): Promise<void> {
      closing.abort();
      await channelAgent.destroy().catch(() => undefined);
    },
  };
}
