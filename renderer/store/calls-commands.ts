import type { Call, CallAction, Result, TransferArgs } from '../../preload/contract';
import { partyName } from '../../preload/common/party-text';
import type { ActOptions } from './app-slice';
import type { AppStore } from './types';

/** The actions that run straight away; transfer and keypad open a dialog first. */
export type DirectAction = Exclude<CallAction, 'transfer' | 'keypad'>;

const RECORDING_OPS = {
  startRecording: 'start',
  pauseRecording: 'pause',
  resumeRecording: 'resume',
  stopRecording: 'stop',
} as const;

type RecordingAction = keyof typeof RECORDING_OPS;

const isRecordingAction = (action: CallAction): action is RecordingAction => action in RECORDING_OPS;

const FAILURE_TITLES: Record<DirectAction, (who: string) => string> = {
  answer: (who) => `Couldn't answer the call from ${who}`,
  decline: (who) => `Couldn't decline the call from ${who}`,
  voicemail: (who) => `Couldn't send ${who} to voicemail`,
  hangup: (who) => `Couldn't hang up the call with ${who}`,
  hold: (who) => `Couldn't hold the call with ${who}`,
  resume: (who) => `Couldn't resume the call with ${who}`,
  mute: (who) => `Couldn't mute the call with ${who}`,
  unmute: (who) => `Couldn't unmute the call with ${who}`,
  park: (who) => `Couldn't park the call with ${who}`,
  startRecording: (who) => `Couldn't start recording the call with ${who}`,
  pauseRecording: (who) => `Couldn't pause recording the call with ${who}`,
  resumeRecording: (who) => `Couldn't resume recording the call with ${who}`,
  stopRecording: (who) => `Couldn't stop recording the call with ${who}`,
};

export const pendingKey = (callId: string, action: CallAction | 'dtmf') => `${callId}:${action}`;
/** Dialer and Redial share one key: while one call is being placed, nothing places another. */
export const DIAL_KEY = 'dial';
export const PICKUP_KEY = 'pickup';
export const RETRIEVE_KEY = 'retrieve';

/** invalid-input is shown next to the field that caused it, not in the error list. */
export const inlineInvalidInput: ActOptions = { report: (error) => error.code !== 'invalid-input' };

/** Everything the UI can ask main to do, each through the store's `act`. */
export function createCallCommands(store: AppStore) {
  const state = () => store.getState();
  const who = (call: Call) => partyName(call.remote, state().settings.values?.defaultCountry);
  // Keypad presses queue per call so fast typing is neither dropped nor reordered.
  const dtmfQueues = new Map<string, string>();

  function runDirect(call: Call, action: DirectAction): Promise<Result<unknown> | null> {
    if (action === 'park') return park(call);
    const callId = call.id;
    const title = FAILURE_TITLES[action](who(call));
    const key = pendingKey(callId, action);
    if (isRecordingAction(action)) {
      const op = RECORDING_OPS[action];
      return state().app.act(key, title, (api) => api.calls.recording({ callId, op }));
    }
    return state().app.act(key, title, (api) => api.calls[action]({ callId }));
  }

  async function park(call: Call) {
    const title = FAILURE_TITLES.park(who(call));
    const result = await state().app.act(pendingKey(call.id, 'park'), title, (api) => api.calls.park({ callId: call.id }));
    if (result?.ok) {
      const ext = result.value.parkedAgainst;
      state().ui.pushNote({ kind: 'parked', text: `Parked on ${ext}: ${who(call)}`, parkedOn: ext });
    }
    return result;
  }

  function dial(destination: string) {
    return state().app.act(DIAL_KEY, `Couldn't call ${destination}`, (api) => api.calls.dial({ destination }), inlineInvalidInput);
  }

  function redial(destination: string, label: string) {
    return state().app.act(DIAL_KEY, `Couldn't call ${label}`, (api) => api.calls.dial({ destination }));
  }

  function transfer(call: Call, args: TransferArgs) {
    const title = `Couldn't transfer the call with ${who(call)}`;
    // Only a typed destination has a field to show invalid-input next to.
    const options = args.mode === 'blind' ? inlineInvalidInput : undefined;
    return state().app.act(pendingKey(call.id, 'transfer'), title, (api) => api.calls.transfer(args), options);
  }

  function pickup(target: string) {
    const args = target.trim() ? { target: target.trim() } : {};
    return state().app.act(PICKUP_KEY, "Couldn't pick up the call", (api) => api.calls.pickup(args), inlineInvalidInput);
  }

  async function retrieve(extension: string, options: ActOptions = inlineInvalidInput) {
    const result = await state().app.act(
      RETRIEVE_KEY,
      `Couldn't retrieve the call parked on ${extension}`,
      (api) => api.calls.retrieve({ destination: extension }),
      options,
    );
    if (result?.ok) {
      for (const note of state().ui.notes) if (note.parkedOn === extension) state().ui.dismissNote(note.id);
    }
    return result;
  }

  function pressKey(call: Call, digit: string): void {
    dtmfQueues.set(call.id, (dtmfQueues.get(call.id) ?? '') + digit);
    void flushDtmf(call);
  }

  async function flushDtmf(call: Call): Promise<void> {
    const key = pendingKey(call.id, 'dtmf');
    while (!state().ui.pending[key]) {
      // The contract allows at most 64 digits per request.
      const queued = dtmfQueues.get(call.id) ?? '';
      const digits = queued.slice(0, 64);
      if (!digits) return;
      dtmfQueues.set(call.id, queued.slice(digits.length));
      const result = await state().app.act(key, `Couldn't send keypad tones to ${who(call)}`, (api) =>
        api.calls.dtmf({ callId: call.id, digits }),
      );
      if (!result?.ok) {
        // Later tones make no sense once one is lost.
        dtmfQueues.delete(call.id);
        return;
      }
    }
  }

  return { runDirect, dial, redial, transfer, pickup, retrieve, pressKey };
}

export type CallCommands = ReturnType<typeof createCallCommands>;
