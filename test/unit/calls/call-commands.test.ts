import { describe, expect, it } from 'vitest';
import { createCallCommands, type CallCommands } from '../../../main/calls/call-commands.js';
import type { CallSync } from '../../../main/calls/sync-engine.js';
import { AppError } from '../../../main/core/app-error.js';
import type { HistoryEntry } from '../../../preload/contract.js';
import { FakeCallsProvider, type SentRequest } from '../../fakes/fake-calls-provider.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

/** Counts refreshes; its promise never settles, which proves commands do not wait for the poll. */
class FakeSync implements Pick<CallSync, 'refresh'> {
  refreshes = 0;
  refresh(): Promise<void> {
    this.refreshes += 1;
    return new Promise(() => undefined);
  }
}

function setup(localLog: HistoryEntry[] = []) {
  const provider = new FakeCallsProvider();
  const sync = new FakeSync();
  const log = new MemoryLogger();
  const commands = createCallCommands({ provider, sync, defaultCountry: () => 'US', log, callLog: { entries: () => localLog } });
  return { provider, sync, log, commands };
}

type Case = [name: string, run: (c: CallCommands) => Promise<unknown>, sent: SentRequest, result: unknown];
const cases: Case[] = [
  ['dial a formatted number as E.164', (c) => c.dial({ destination: '+1 (201) 555-0123' }), { method: 'dial', args: ['+12015550123'] }, { callId: 'dialled-1' }],
  ['dial an extension', (c) => c.dial({ destination: '4102' }), { method: 'dial', args: ['4102'] }, { callId: 'dialled-1' }],
  ['dial a SIP URI', (c) => c.dial({ destination: 'sip:alice@example.com' }), { method: 'dial', args: ['sip:alice@example.com'] }, { callId: 'dialled-1' }],
  ['answer', (c) => c.answer({ callId: 'c1' }), { method: 'answer', args: ['c1'] }, null],
  ['decline is a reject with no action', (c) => c.decline({ callId: 'c1' }), { method: 'reject', args: ['c1'] }, null],
  ['voicemail diverts to voicemail', (c) => c.voicemail({ callId: 'c1' }), { method: 'divert', args: ['c1', { toVoicemail: true }] }, null],
  ['hangup', (c) => c.hangup({ callId: 'c1' }), { method: 'hangup', args: ['c1'] }, null],
  ['hold', (c) => c.hold({ callId: 'c1' }), { method: 'hold', args: ['c1'] }, null],
  ['resume', (c) => c.resume({ callId: 'c1' }), { method: 'resume', args: ['c1'] }, null],
  ['mute', (c) => c.mute({ callId: 'c1' }), { method: 'mute', args: ['c1'] }, null],
  ['unmute', (c) => c.unmute({ callId: 'c1' }), { method: 'unmute', args: ['c1'] }, null],
  [
    '[CC-21] blind transfer is divert, with a normalised destination',
    (c) => c.transfer({ callId: 'c1', mode: 'blind', destination: '(201) 555-0123' }),
    { method: 'divert', args: ['c1', { destination: '+12015550123' }] },
    {},
  ],
  [
    '[CC-22] mute transfer sends callId1 + destination and keeps the new call ID',
    (c) => c.transfer({ callId: 'c1', mode: 'mute', destination: '(201) 555-0123' }),
    { method: 'transfer', args: [{ callId1: 'c1', destination: '+12015550123' }] },
    { callId: 'transferred' },
  ],
  [
    'attended transfer joins the two calls',
    (c) => c.transfer({ callId: 'c1', mode: 'attended', otherCallId: 'c2' }),
    { method: 'transfer', args: [{ callId1: 'c1', callId2: 'c2' }] },
    {},
  ],
  [
    "transfer to voicemail diverts into the target's box",
    (c) => c.transfer({ callId: 'c1', mode: 'voicemail', destination: '41-07' }),
    { method: 'divert', args: ['c1', { destination: '4107', toVoicemail: true }] },
    {},
  ],
  ['ignore rejects with ignore', (c) => c.decline({ callId: 'c1', action: 'ignore' }), { method: 'reject', args: ['c1', 'ignore'] }, null],
  ['decline stays busy (no action)', (c) => c.decline({ callId: 'c1' }), { method: 'reject', args: ['c1'] }, null],
  ['forward diverts to the number', (c) => c.forward({ callId: 'c1', destination: '(201) 555-0123' }), { method: 'divert', args: ['c1', { destination: '+12015550123' }] }, null],
  [
    "forward straight to their voicemail",
    (c) => c.forward({ callId: 'c1', destination: '1002', toVoicemail: true }),
    { method: 'divert', args: ['c1', { destination: '1002', toVoicemail: true }] },
    null,
  ],
  ['park on the default', (c) => c.park({ callId: 'c1' }), { method: 'park', args: ['c1', {}] }, { parkedAgainst: '4102' }],
  ['park on an extension', (c) => c.park({ callId: 'c1', destination: '41-07' }), { method: 'park', args: ['c1', { destination: '4107' }] }, { parkedAgainst: '4107' }],
  ['group park ignores a destination', (c) => c.park({ callId: 'c1', destination: '4107', isGroupPark: true }), { method: 'park', args: ['c1', { isGroupPark: true }] }, { parkedAgainst: '4102' }],
  ['retrieve', (c) => c.retrieve({ destination: '4102' }), { method: 'retrieve', args: ['4102'] }, { callId: 'retrieved' }],
  ['retrieve my own parked call', (c) => c.retrieve({}), { method: 'retrieve', args: [] }, { callId: 'retrieved' }],
  ['barge in', (c) => c.bargeIn({ target: '41 05' }), { method: 'bargeIn', args: ['4105'] }, { callId: 'barged' }],
  ['pickup in my group', (c) => c.pickup({}), { method: 'pickup', args: [] }, { callId: 'picked-up' }],
  ['directed pickup', (c) => c.pickup({ target: '4105' }), { method: 'pickup', args: ['4105'] }, { callId: 'picked-up' }],
  ['start recording', (c) => c.recording({ callId: 'c1', op: 'start' }), { method: 'recording', args: ['c1', 'start'] }, null],
  ['pause recording', (c) => c.recording({ callId: 'c1', op: 'pause' }), { method: 'recording', args: ['c1', 'pause'] }, null],
  ['dtmf', (c) => c.dtmf({ callId: 'c1', digits: '1234#' }), { method: 'transmitDtmf', args: ['c1', '1234#'] }, null],
];

describe('call commands', () => {
  it.each(cases)('%s', async (_name, run, sent, result) => {
    const { provider, sync, commands } = setup();
    await expect(run(commands)).resolves.toEqual(result);
    expect(provider.sent).toEqual([sent]);
    expect(sync.refreshes).toBe(1);
  });

  it.each([
    ['dial letters', (c: CallCommands) => c.dial({ destination: 'call me' }), /letters/],
    ['dial a too-short number', (c: CallCommands) => c.dial({ destination: '+1-555' }), /too short/],
    ['dial a control character', (c: CallCommands) => c.dial({ destination: '41\u000702' }), /control characters/],
    ['dial an invalid number', (c: CallCommands) => c.dial({ destination: '555 555 5555' }), /not a valid number/],
    ['blind transfer to garbage', (c: CallCommands) => c.transfer({ callId: 'c1', mode: 'blind', destination: 'bob' }), /letters/],
    ['attended transfer to itself', (c: CallCommands) => c.transfer({ callId: 'c1', mode: 'attended', otherCallId: 'c1' }), /different call/],
    ['park on garbage', (c: CallCommands) => c.park({ callId: 'c1', destination: 'x' }), /letters/],
    ['retrieve garbage', (c: CallCommands) => c.retrieve({ destination: '1' }), /too short/],
    ['pickup garbage', (c: CallCommands) => c.pickup({ target: 'alice@' }), /after @ is missing/],
    ['dtmf letters', (c: CallCommands) => c.dtmf({ callId: 'c1', digits: 'hello' }), /Only 0-9/],
    ['no call id', (c: CallCommands) => c.hangup({ callId: ' ' }), /No call/],
  ])('%s: invalid-input with the reason, and nothing is sent', async (_name, run, reason) => {
    const { provider, sync, commands } = setup();
    const error = await run(commands).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(reason) });
    expect(provider.sent).toEqual([]);
    expect(provider.listRequests).toBe(0);
    expect(sync.refreshes).toBe(0);
  });

  it('a failed action passes the provider error through unchanged and still re-syncs', async () => {
    const { provider, sync, commands, log } = setup();
    const conflict = new AppError('conflict', 'Call is not in a state to be held', { status: 409, trackingId: 'ROUTER_1' });
    provider.failNext('hold', conflict);
    await expect(commands.hold({ callId: 'c1' })).rejects.toBe(conflict);
    expect(sync.refreshes).toBe(1);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ trackingId: 'ROUTER_1' }) }));
  });

  it('park never offers a label such as "a private number" as where to retrieve from', async () => {
    const { provider, commands } = setup();
    provider.parkedAgainst = { privacyEnabled: true, callType: 'location' };
    expect(await commands.park({ callId: 'c1' })).toEqual({});
    provider.parkedAgainst = { name: 'Reception', privacyEnabled: false, callType: 'location' };
    expect(await commands.park({ callId: 'c1' })).toEqual({});
    provider.parkedAgainst = { name: 'Alex', number: '4142', privacyEnabled: true, callType: 'location' };
    expect(await commands.park({ callId: 'c1' })).toEqual({});
  });

  it('never retries: a failed dial is sent exactly once', async () => {
    const { provider, commands } = setup();
    provider.failNext('dial', new AppError('timeout', 'timed out'));
    await expect(commands.dial({ destination: '4102' })).rejects.toMatchObject({ code: 'timeout' });
    expect(provider.methodsSent()).toEqual(['dial']);
  });

  it('does not log the number that was dialled', async () => {
    const { provider, commands, log } = setup();
    provider.failNext('dial', new AppError('provider', 'boom'));
    await commands.dial({ destination: '+12015550123' }).catch(() => undefined);
    expect(JSON.stringify(log.lines)).not.toContain('2015550123');
  });
});

describe('history', () => {
  const local: HistoryEntry[] = [
    { type: 'missed', number: '4102', privacy: false, time: '2026-03-02T09:30:00.000Z', source: 'local', outcome: 'answered-elsewhere' },
    { type: 'received', number: '4103', privacy: false, time: '2026-03-02T07:00:00.000Z', source: 'local', outcome: 'ended', durationSec: 42 },
  ];

  it('merges the three Webex lists with the local log, newest first', async () => {
    const { provider, commands } = setup(local);
    provider.historyRecords.placed = [{ type: 'placed', number: '+12015550123', privacyEnabled: false, time: '2026-03-02T08:00:00.000Z' }];
    provider.historyRecords.missed = [{ type: 'missed', privacyEnabled: true, time: '2026-03-02T10:00:00.000Z' }];
    provider.historyRecords.received = [
      { type: 'received', name: 'Bo Chen', number: '4105', privacyEnabled: false, time: '2026-03-02T09:00:00.000Z' },
    ];
    const history = await commands.history();
    expect(history.map((e) => `${e.source}:${e.type}:${e.time.slice(11, 16)}`)).toEqual([
      'webex:missed:10:00',
      'local:missed:09:30',
      'webex:received:09:00',
      'webex:placed:08:00',
      'local:received:07:00',
    ]);
    expect(history[0]).toEqual({ type: 'missed', privacy: true, time: '2026-03-02T10:00:00.000Z', source: 'webex' });
    expect([...provider.historyRequests].sort()).toEqual(['missed', 'placed', 'received']);
  });

  it('shows what it has when one Webex list fails', async () => {
    const { provider, commands } = setup(local);
    let calls = 0;
    const history = provider.history.bind(provider);
    provider.history = async (type) => {
      calls += 1;
      if (type === 'placed') throw new AppError('provider', 'boom');
      return history(type);
    };
    await expect(commands.history()).resolves.toHaveLength(2);
    expect(calls).toBe(3);
  });

  it('fails with the reason when Webex history cannot be read at all', async () => {
    const { provider, commands } = setup(local);
    provider.historyError = new AppError('unauthorized', 'token expired');
    await expect(commands.history()).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
