/**
 * What the XSI-Events source needs of a line's Webex account, beside its People API: the
 * organisation lookup, the access token per request, and the scopes the token was granted.
 */
import type { HttpClient } from '../http.js';
import { createOrganizationsClient, type WebexOrganization } from './organizations-client.js';

export interface LineXsi {
  /** GET /organizations/{orgId}?callingData=true. */
  organization(orgId: string, signal?: AbortSignal): Promise<WebexOrganization>;
  /** The bearer token XSI requests carry, read per request so a renewed one is used at once. */
  getToken(): Promise<string>;
  /** The scopes granted; undefined when not known (a personal access token has all its user's). */
  grantedScopes(): readonly string[] | undefined;
  /** XSP hosts for the XSI domain, when something other than DNS SRV knows them (the built-in line). */
  resolveHosts?(xsiDomain: string): Promise<string[]>;
}

export function lineXsi(
  http: HttpClient,
  getToken: () => Promise<string>,
  grantedScopes: () => readonly string[] | undefined,
  resolveHosts?: (xsiDomain: string) => Promise<string[]>,
): LineXsi {
  const orgs = createOrganizationsClient(http);
  return {
    organization: (orgId, signal) => orgs.get(orgId, signal),
    getToken,
    grantedScopes,
    ...(resolveHosts ? { resolveHosts } : {}),
  };
}
