/**
 * Hostile input where people and web pages type or paste: phone links, the dialer, Forward to,
 * transfer, park, retrieve, pick up, barge in, and a meeting call-out (address and display name). Script URLs, control characters, bidi overrides and 10 KB strings are refused
 * with a reason that does not echo them, at the parsers and through the real core, and none of
 * them sends a request. (VideoSDK's "Call to" joins this table when it lands on main.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDestination } from '../../main/calls/phone-number.js';
import { parseLink, readLink } from '../../main/desktop/deep-link.js';
import { createWorld, type World } from './kit/world.js';

const TEN_KB = 10 * 1024;

/** [name, text]; each is hostile as a link and as typed input. */
const HOSTILE: [string, string][] = [
  ['javascript: URL', 'javascript:alert(1)'],
  ['mixed-case javascript: URL', 'JaVaScRiPt:alert(document.cookie)'],
  ['data: URL with a script', 'data:text/html,<script>alert(1)</script>'],
  ['vbscript: URL', 'vbscript:msgbox(1)'],
  ['file: URL', 'file:///etc/passwd'],
  ['tel: wrapping a script URL', 'tel:javascript:alert(1)'],
  ['sip: with markup in the user part', 'sip:<script>alert(1)</script>@example.com'],
  ['callto: wrapping a script URL', 'callto:javascript:alert(1)'],
  ['NUL inside a number', 'tel:+1201555\u00000123'],
  ['CR LF header injection', '+1 201 555 0123\r\nX-Injected: 1'],
  ['encoded CR LF', 'tel:+12015550123%0d%0aX-Injected:%201'],
  ['terminal escape', '\u001b[2J+12015550123'],
  ['right-to-left override in a number', '+1201\u202E5550123'],
  ['right-to-left override in a tel: link', 'tel:+1201\u202E5550123'],
  ['right-to-left override in a SIP user', 'sip:alice\u202Egnp.exe@example.com'],
  ['right-to-left isolate around a number', '\u2067+12015550123\u2069'],
  ['right-to-left embedding around a number', '\u202B1234\u202C'],
  ['10 KB of digits', '1'.repeat(TEN_KB)],
  ['a 10 KB tel: link', `tel:+${'1'.repeat(TEN_KB)}`],
  ['a 10 KB SIP user', `sip:${'a'.repeat(TEN_KB)}@example.com`],
  ['a 2,000-character scheme', `${'x'.repeat(2_000)}:+12015550123`],
  ['10 KB of bidi marks', `+1${'\u202A'.repeat(TEN_KB)}2015550123`],
];

/** A refusal explains itself without repeating what was refused (naming a scheme is fine). */
function expectCleanReason(reason: string): void {
  expect(reason.length).toBeGreaterThan(0);
  expect(reason.length).toBeLessThan(300);
  expect(reason).not.toMatch(/<script|alert\(|[\p{Cc}\p{Cf}]/iu);
}

describe('at the parsers', () => {
  it.each(HOSTILE)('phone link: %s', (_name, text) => {
    // The link's syntax may pass (a SIP user part is checked by the dialer's rules next); the whole read may not.
    const parsed = parseLink(text);
    if (!parsed.ok) expectCleanReason(parsed.reason);
    const read = readLink(text, 'US');
    expect(read.ok).toBe(false);
    if (!read.ok) expectCleanReason(read.reason);
  });

  it.each(HOSTILE)('dialer, Forward to, transfer, park and retrieve input: %s', (_name, text) => {
    const normalized = normalizeDestination(text, 'US');
    expect(normalized.ok).toBe(false);
    if (!normalized.ok) expectCleanReason(normalized.reason);
  });

  it('the left-to-right marks Outlook wraps numbers in are still fine', () => {
    expect(normalizeDestination('\u202A+1 201 555 0123\u202C', 'US')).toMatchObject({ ok: true, dial: '+12015550123' });
  });
});

describe('through the core', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
    await world.ok('settings:set', { deepLinkAction: 'dial' });
    world.line.meetings.addMeeting({ title: 'All hands', meetingNumber: '26345551234', participants: [{ displayName: 'Reception', host: true }] });
    await world.ok('meetings:open', { meeting: '26345551234' });
    await world.run(3_000);
  });
  afterAll(async () => {
    await world.close();
  });

  it.each(HOSTILE)('%s: refused as invalid-input on every destination channel, and nothing is sent', async (_name, text) => {
    const before = world.attempts.filter((a) => a.method === 'POST').length;
    const results = [
      await world.call('calls:dial', { destination: text }),
      await world.call('calls:forward', { callId: 'call-1', destination: text }),
      await world.call('calls:forward', { callId: 'call-1', destination: text, toVoicemail: true }),
      await world.call('calls:bargeIn', { target: text }),
      await world.call('calls:pickup', { target: text }),
      await world.call('calls:transfer', { callId: 'call-1', mode: 'blind', destination: text }),
      await world.call('calls:park', { callId: 'call-1', destination: text }),
      await world.call('calls:retrieve', { destination: text }),
    ];
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!result.ok) expectCleanReason(result.error.message);
    }
    await world.run(1_000);
    expect(world.attempts.filter((a) => a.method === 'POST').length).toBe(before);
  });

  it.each(HOSTILE.filter(([, text]) => text.length <= 512 && /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(text)))(
    '%s: refused as a call-out display name (everyone in the meeting would see it)',
    async (_name, text) => {
      const before = world.attempts.filter((a) => a.method === 'POST').length;
      const result = await world.call('meetings:callout', { address: '+14155550123', displayName: text });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!result.ok) expectCleanReason(result.error.message);
      expect(world.attempts.filter((a) => a.method === 'POST').length).toBe(before);
    },
  );

  it.each(HOSTILE)('%s: as a phone link (even with "Dial immediately") it dials nothing and shows no hidden characters', async (_name, text) => {
    const before = world.attempts.filter((a) => a.method === 'POST').length;
    world.core.desktop.openLink(text);
    await world.run(1_000);
    expect(world.attempts.filter((a) => a.method === 'POST').length).toBe(before);
    const { link } = await world.ok('desktop:get');
    expect(link).toMatchObject({ kind: 'invalid' });
    expect(link?.link).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(link?.link.length).toBeLessThanOrEqual(121);
    if (link?.kind === 'invalid') expectCleanReason(link.reason);
  });
});
