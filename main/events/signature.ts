import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Which of `secrets` signed `body`: X-Spark-Signature is the hex HMAC-SHA1 of the raw request
 * body keyed with the webhook's secret. Compared in constant time over the bytes received, never
 * over re-serialised JSON; every secret is tried, so the time does not say which one matched.
 */
export function signedBy<K>(body: Buffer, header: string | undefined, secrets: ReadonlyMap<K, string>): K | undefined {
  if (header === undefined || !/^[0-9a-f]{40}$/i.test(header.trim())) return undefined;
  const given = Buffer.from(header.trim().toLowerCase(), 'hex');
  let match: K | undefined;
  for (const [key, secret] of secrets) {
    const expected = createHmac('sha1', secret).update(body).digest();
    if (timingSafeEqual(expected, given) && match === undefined) match = key;
  }
  return match;
}

export function sign(body: Buffer | string, secret: string): string {
  return createHmac('sha1', secret).update(body).digest('hex');
}
