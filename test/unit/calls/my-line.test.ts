import { describe, expect, it } from 'vitest';
import type { LineInfo } from '../../../preload/contract.js';
import { AppError } from '../../../main/core/app-error.js';
import { VOICEMAIL_PUSHED_MS, VOICEMAIL_REFRESH_MS, toMyLine, watchMyLine } from '../../../main/calls/my-line.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { FakePeopleProvider, FakeVoicemailProvider } from '../../fakes/fake-people-provider.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

/** `before` scripts the line before the watch makes its first requests. */
function setup(before: (people: FakePeopleProvider, voicemail: FakeVoicemailProvider) => void = () => undefined) {
  const clock = new FakeClock();
  const people = new FakePeopleProvider();
  const voicemail = new FakeVoicemailProvider();
  before(people, voicemail);
  const seen: LineInfo[] = [];
  const watch = watchMyLine({ people, voicemail, clock, log: new MemoryLogger(), onChange: (info) => seen.push(info) });
  return { clock, people, voicemail, seen, watch };
}

describe('my line', () => {
  it('reads my number and extension once, and the voicemail summary every minute', async () => {
    const { clock, people, voicemail, watch } = setup((_, v) => {
      v.summaryValue = { newMessages: 2, oldMessages: 1, newUrgentMessages: 0, oldUrgentMessages: 0 };
    });
    await flushAsync();
    expect(watch.info()).toEqual({
      me: { name: 'Alex Morgan', number: '+14155550142', extension: '81004142' },
      voicemail: { newMessages: 2, newUrgentMessages: 0, oldMessages: 1 },
    });
    expect(voicemail.requests).toBe(1);
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS - 1);
    expect(voicemail.requests).toBe(1);
    await clock.advanceAsync(1);
    expect(voicemail.requests).toBe(2);
    expect(people.meRequests).toBe(1);
    watch.stop();
  });

  it('[EVT-05] while message-waiting is pushed the summary is read every five minutes; without push, back to the minute', async () => {
    const { clock, voicemail, watch } = setup();
    await flushAsync();
    expect(voicemail.requests).toBe(1);
    watch.setPushed(true);
    await clock.advanceAsync(VOICEMAIL_PUSHED_MS - 1);
    expect(voicemail.requests).toBe(1);
    await clock.advanceAsync(1);
    expect(voicemail.requests).toBe(2);
    // A signal (or a call ending) still reads at once.
    await watch.refreshVoicemail();
    expect(voicemail.requests).toBe(3);
    watch.setPushed(false);
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    expect(voicemail.requests).toBe(4);
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    expect(voicemail.requests).toBe(5);
    watch.stop();
  });

  it('[EVT-05] while pushed, a failed read or an unknown owner is retried at the minute, not after five', async () => {
    const { clock, voicemail, people, watch } = setup((p, v) => {
      p.meError = new AppError('network', 'offline');
      v.error = new AppError('network', 'offline');
    });
    await flushAsync();
    watch.setPushed(true);
    expect(voicemail.requests).toBe(1);
    people.meError = undefined;
    voicemail.error = undefined;
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    // Both failed reads are tried again within the minute.
    expect(voicemail.requests).toBe(2);
    expect(people.meRequests).toBe(2);
    expect(watch.info().me).not.toBeNull();
    // Both good now: the five-minute pace.
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    expect(voicemail.requests).toBe(2);
    watch.stop();
  });

  it('emits only on change, and a failed read keeps the last known count', async () => {
    const { clock, voicemail, seen, watch } = setup((_, v) => {
      v.summaryValue = { newMessages: 2, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 };
    });
    await flushAsync();
    const before = seen.length;
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    expect(seen).toHaveLength(before);
    voicemail.error = new AppError('network', 'offline');
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    expect(watch.info().voicemail?.newMessages).toBe(2);
    voicemail.error = undefined;
    voicemail.summaryValue = { newMessages: 0, oldMessages: 2, newUrgentMessages: 0, oldUrgentMessages: 0 };
    await watch.refreshVoicemail();
    expect(seen.at(-1)?.voicemail).toEqual({ newMessages: 0, newUrgentMessages: 0, oldMessages: 2 });
    watch.stop();
  });

  it('retries people/me on the next tick until it answers, and stops polling when stopped', async () => {
    const { clock, people, voicemail, watch } = setup((p) => {
      p.meError = new AppError('network', 'offline');
    });
    await flushAsync();
    expect(watch.info().me).toBeNull();
    people.meError = undefined;
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS);
    expect(watch.info().me?.extension).toBe('81004142');
    watch.stop();
    const requests = voicemail.requests;
    await clock.advanceAsync(VOICEMAIL_REFRESH_MS * 3);
    expect(voicemail.requests).toBe(requests);
  });

  it('[PPL-02] takes the primary work number, and the extension from work_extension with its routing prefix', () => {
    expect(
      toMyLine({
        displayName: 'Sam',
        phoneNumbers: [
          { type: 'mobile', value: '+15550000' },
          { type: 'work', value: '+1 415 555 0101' },
          { type: 'work', value: '+1 415 555 0102', primary: true },
        ],
      }),
    ).toEqual({ name: 'Sam', number: '+1 415 555 0102' });
    // A user without admin rights: no calling data, only phoneNumbers.
    expect(toMyLine({ displayName: 'Jordan Lee', phoneNumbers: [{ type: 'work_extension', value: '81001003' }] })).toEqual({
      name: 'Jordan Lee',
      extension: '81001003',
    });
    // An admin's answer carries both; the routed work_extension wins over the bare extension.
    expect(toMyLine({ displayName: 'Jordan Lee', extension: '1003', phoneNumbers: [{ type: 'work_extension', value: '81001003' }] })).toEqual({
      name: 'Jordan Lee',
      extension: '81001003',
    });
  });

  it('[PPL-01] reads the header extension from people/me without calling data (not an admin)', async () => {
    const { watch } = setup((p) => {
      p.mine = { displayName: 'Alex Morgan', phoneNumbers: [{ type: 'work_extension', value: '81004142' }] };
    });
    await flushAsync();
    expect(watch.info().me).toEqual({ name: 'Alex Morgan', extension: '81004142' });
    watch.stop();
  });
});
