/**
 * CallDeck's side of the provider-rules ledger (docs/provider-rules.md) for recording, park and
 * retrieve, DTMF, barge-in, pull, push and the voicemail summary: the real Webex client and the
 * call commands against the built-in line over HTTP, so each rule is met as a real account would
 * meet it (the line refuses; the app copes).
 */
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCallCommands, type CallCommands } from '../../../main/calls/call-commands.js';
import { createRecordingLimits, type RecordingLimits } from '../../../main/calls/recording-limits.js';
import { toCall } from '../../../main/calls/to-call.js';
import { createHttpClient } from '../../../main/providers/http.js';
import { createWebexCallsClient, type WebexCallsClient } from '../../../main/providers/webex/calls-client.js';
import { createWebexVoicemailClient } from '../../../main/providers/webex/people-client.js';
import type { HttpClient } from '../../../main/providers/http.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

let line: TestLine;
let agent: Agent;
let clock: FakeClock;
let client: WebexCallsClient;
let limits: RecordingLimits;
let commands: CallCommands;

beforeAll(async () => {
  clock = new FakeClock();
  line = await startTestLine({ clock });
  agent = new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
  client = createWebexCallsClient(createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent, retryBackoffMs: 1 }));
});
afterAll(async () => {
  await line.close();
  await agent.close();
});
beforeEach(() => {
  line.control.reset();
  limits = createRecordingLimits();
  commands = createCallCommands({
    provider: client,
    sync: { refresh: async () => undefined },
    defaultCountry: () => 'US',
    log: new MemoryLogger(),
    callLog: { entries: () => [] },
    recordingLimits: limits,
  });
});

async function answered(number = '+12015550160'): Promise<string> {
  const id = line.control.incomingCall({ from: { number } });
  await commands.answer({ callId: id });
  return id;
}

/** What the window offers for the call now: main's offered actions less what the line refused. */
async function offered(callId: string) {
  const raw = (await client.listCalls()).find((c) => c.id === callId);
  if (!raw) throw new Error(`call ${callId} is not listed`);
  return limits.filter(toCall(raw).actions);
}

const RECORDING = ['startRecording', 'pauseRecording', 'resumeRecording', 'stopRecording'] as const;
const recordingOffered = async (id: string) => (await offered(id)).filter((a) => (RECORDING as readonly string[]).includes(a));

describe('recording modes, as CallDeck meets them', () => {
  it('[CC-24] under "Never" Start is refused once, with one clear message, and is then no longer offered', async () => {
    line.control.setRecordingMode('never');
    const id = await answered();
    expect(await recordingOffered(id)).toEqual(['startRecording']);
    const refusal = await commands.recording({ callId: id, op: 'start' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('only when your call recording mode is "On Demand"') });
    expect((refusal as { details?: string[] }).details?.[0]).toContain('On Demand');
    expect(await recordingOffered(id)).toEqual([]);
    // Another call on the same line: the control stays away.
    expect(await recordingOffered(await answered('+12015550161'))).toEqual([]);
  });

  it('[CC-24][CC-25] under "On Demand" every control works and stays offered, and nothing is offered while pending', async () => {
    line.control.setRecordingMode('onDemand');
    const id = await answered();
    await commands.recording({ callId: id, op: 'start' });
    expect(await recordingOffered(id)).toEqual([]); // pending
    clock.advance(2_000);
    expect(await recordingOffered(id)).toEqual(['pauseRecording', 'stopRecording']);
    await commands.recording({ callId: id, op: 'pause' });
    expect(await recordingOffered(id)).toEqual(['resumeRecording', 'stopRecording']);
    await commands.recording({ callId: id, op: 'stop' });
    expect(await recordingOffered(id)).toEqual(['startRecording']);
  });

  it('[CC-26] under "Always with Pause/Resume" pause works; the refused Stop goes, Pause and Resume stay', async () => {
    line.control.setRecordingMode('alwaysPauseResume');
    const id = await answered();
    clock.advance(2_000);
    expect(await recordingOffered(id)).toEqual(['pauseRecording', 'stopRecording']);
    await expect(commands.recording({ callId: id, op: 'stop' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await recordingOffered(id)).toEqual(['pauseRecording']);
    await commands.recording({ callId: id, op: 'pause' });
    expect(await recordingOffered(id)).toEqual(['resumeRecording']);
  });

  it('[CC-26] under "Always" a refused Pause takes Pause and Resume away', async () => {
    line.control.setRecordingMode('always');
    const id = await answered();
    clock.advance(2_000);
    await expect(commands.recording({ callId: id, op: 'pause' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await recordingOffered(id)).toEqual(['stopRecording']);
  });

  it('[CC-27] a call whose recording was never invoked offers Start, and a call ending does not teach a refusal', async () => {
    line.control.setRecordingMode('onDemand');
    const id = await answered();
    expect(await recordingOffered(id)).toEqual(['startRecording']);
    line.control.remoteHangup(id);
    await expect(commands.recording({ callId: id, op: 'start' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await recordingOffered(await answered('+12015550162'))).toEqual(['startRecording']);
  });
});

describe('park, retrieve and DTMF', () => {
  it('[CC-28] park answers where the call went, and CallDeck retrieves it from that number', async () => {
    const id = await answered();
    const parked = await commands.park({ callId: id, destination: '4103' });
    expect(parked).toEqual({ parkedAgainst: '4103' });
    const back = await commands.retrieve({ destination: parked.parkedAgainst ?? '' });
    expect(line.control.state().calls.map((c) => c.id)).toContain(back.callId);
  });

  it('[CC-29] retrieve with no destination takes back the call parked on the user\'s own line', async () => {
    const id = await answered();
    await commands.park({ callId: id });
    const back = await commands.retrieve({});
    expect(line.control.state().calls.map((c) => c.id)).toEqual([back.callId]);
  });

  it('[CC-30] keypad tones outside the contract\'s set are refused before anything is sent', async () => {
    const id = await answered();
    await expect(commands.dtmf({ callId: id, digits: '12E' })).rejects.toMatchObject({ code: 'invalid-input' });
    await commands.dtmf({ callId: id, digits: '1,2#' });
    expect(line.control.state().dtmf).toEqual([{ callId: id, digits: '1,2#' }]);
  });
});

describe('barge-in, pull and push', () => {
  it('[CC-31] barge-in on a colleague without an answered call is refused with Webex\'s words; with one it joins', async () => {
    await expect(commands.bargeIn({ target: '1003' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('no answered call') });
    line.control.colleagueOnCall({ colleague: { name: 'Jordan Lee', number: '1003' }, with: { number: '+12015550163' } });
    const joined = await commands.bargeIn({ target: '1003' });
    expect(line.control.state().calls.map((c) => c.id)).toContain(joined.callId);
  });

  it('[CC-32] pull without a call elsewhere is refused; with one it answers the new call', async () => {
    await expect(client.pull()).rejects.toMatchObject({ code: 'invalid-input', status: 400 });
    await answered();
    const endpoints = await client.answerEndpoints();
    await expect(client.pull({ endpointId: endpoints.endpoints[1]!.id })).resolves.toMatchObject({ callId: expect.any(String) });
  });

  it('[CC-33] push of a call with no executive is refused; an executive-assistant call goes', async () => {
    const plain = await answered();
    await expect(client.push(plain)).rejects.toMatchObject({ code: 'invalid-input' });
    const forBoss = line.control.incomingCall({ from: { number: '+12015550164' }, executive: { name: 'Dana Boss', number: '1010' } });
    await client.push(forBoss);
    expect(line.control.state().calls.map((c) => c.id)).toEqual([plain]);
  });
});

describe('voicemail summary', () => {
  const answering = (body: unknown): HttpClient => ({
    request: async () => ({ status: 200, body, trackingId: undefined }),
    close: async () => undefined,
  });

  it('[VM-01] reads the line\'s summary, tolerates extra fields, and refuses a wrong shape as a provider error', async () => {
    line.control.leaveVoicemail({ from: { number: '+12015550165' } });
    const real = createWebexVoicemailClient(createHttpClient({ baseUrl: line.baseUrl, getToken: async () => line.token, dispatcher: agent }));
    expect(await real.summary()).toMatchObject({ newMessages: 1, oldMessages: 0 });
    const extra = await createWebexVoicemailClient(answering({ newMessages: 2, oldMessages: 1, newUrgentMessages: 0, oldUrgentMessages: 0, newFaxMessages: 4 })).summary();
    expect(extra).toMatchObject({ newMessages: 2, oldMessages: 1 });
    await expect(createWebexVoicemailClient(answering({ newMessages: '2' })).summary()).rejects.toMatchObject({ code: 'provider' });
    await expect(createWebexVoicemailClient(answering({ newMessages: -1, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 })).summary()).rejects.toMatchObject({
      code: 'provider',
    });
  });
});
