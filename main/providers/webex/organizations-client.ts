/**
 * GET /organizations/{orgId}?callingData=true: where an organisation's XSI endpoints are, when
 * Cisco has switched XSI on for it (EVENTS.md §2, wxc_sdk `organizations`). Absent fields mean no XSI.
 */
import { z } from 'zod';
import type { HttpClient } from '../http.js';
import { parsed } from './parse-response.js';

const Url = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, 'is not an http(s) URL');

export const WebexOrganization = z.looseObject({
  id: z.string(),
  displayName: z.string().optional(),
  xsiActionsEndpoint: Url.optional(),
  xsiEventsEndpoint: Url.optional(),
  xsiEventsChannelEndpoint: Url.optional(),
  xsiDomain: z.string().optional(),
});
export type WebexOrganization = z.infer<typeof WebexOrganization>;

export interface XsiEndpoints {
  actionsEndpoint: string;
  eventsEndpoint: string;
  channelEndpoint: string;
  domain: string;
}

/** The XSI endpoints, only when all four are there. */
export function xsiEndpointsOf(org: WebexOrganization): XsiEndpoints | undefined {
  const { xsiActionsEndpoint, xsiEventsEndpoint, xsiEventsChannelEndpoint, xsiDomain } = org;
  if (!xsiActionsEndpoint || !xsiEventsEndpoint || !xsiEventsChannelEndpoint || !xsiDomain) return undefined;
  return { actionsEndpoint: xsiActionsEndpoint, eventsEndpoint: xsiEventsEndpoint, channelEndpoint: xsiEventsChannelEndpoint, domain: xsiDomain };
}

export function createOrganizationsClient(http: HttpClient) {
  return {
    async get(orgId: string, signal?: AbortSignal): Promise<WebexOrganization> {
      const res = await http.request({
        method: 'GET',
        path: `/organizations/${encodeURIComponent(orgId)}`,
        query: { callingData: 'true' },
        ...(signal ? { signal } : {}),
      });
      return parsed(WebexOrganization, res, 'organization');
    },
  };
}
