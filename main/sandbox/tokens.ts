/**
 * The line's bearer tokens. The Webex API accepts only the current, unexpired token; the control
 * API accepts any token this line ever issued, so a test can still steer the line after expiring
 * the token the app uses.
 */
import { randomBytes } from 'node:crypto';
import { sameSecret } from '../core/same-secret.js';

function newToken(): string {
  return `sandbox_${randomBytes(24).toString('base64url')}`;
}


export class TokenBook {
  private currentToken: string;
  private expired = false;
  private readonly issued: string[] = [];
  /** Tokens of an organisation administrator: what `callingData` details need. */
  private readonly admins: string[] = [];

  constructor(initial?: string) {
    this.currentToken = initial ?? newToken();
    this.issued.push(this.currentToken);
  }

  get current(): string {
    return this.currentToken;
  }

  issue(): string {
    this.currentToken = newToken();
    this.issued.push(this.currentToken);
    this.expired = false;
    return this.currentToken;
  }

  /** A token for an administrator of the same organisation, valid beside the current one. */
  issueAdmin(): string {
    const token = newToken();
    this.issued.push(token);
    this.admins.push(token);
    return token;
  }

  isAdmin(token: string | undefined): boolean {
    return token !== undefined && this.admins.some((t) => sameSecret(token, t));
  }

  expireCurrent(): void {
    this.expired = true;
  }

  revive(): void {
    this.expired = false;
  }

  acceptsForApi(token: string | undefined): boolean {
    return token !== undefined && ((!this.expired && sameSecret(token, this.currentToken)) || this.isAdmin(token));
  }

  acceptsForControl(token: string | undefined): boolean {
    return token !== undefined && this.issued.some((t) => sameSecret(token, t));
  }
}

export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}
