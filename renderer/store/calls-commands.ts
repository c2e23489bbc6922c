import type { Call, CallAction, DirectoryResult, Result, TransferArgs } from '../../preload/contract';
import { partyName } from '../../preload/common/party-text';
import { unexpected, type ActOptions } from './app-slice';
import type { AppStore } from './types';
import { watchMuteTransfer } from './transfer-watch';

/** The actions that run straight away; the others open a dialog first (or only say what a dialog may offer). */
export type DirectAction = Exclude<CallAction, 'transfer' | 'keypad' | 'forward' | 'transferToVoicemail'>;

/** The two ways of turning a ringing call away that the call's menu offers besides Decline (busy). */
const REJECT_ACTIONS = { ignore: 'ignore', unavailable: 'temporarilyUnavailable' } as const;

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
  ignore: (who) => `Couldn't ignore the call from ${who}`,
  unavailable: (who) => `Couldn't send ${who} the unavailable treatment`,
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
export const BARGE_KEY = 'bargeIn';

/** invalid-input is shown next to the field that caused it, not in the error list. */
export const inlineInvalidInput: ActOptions = { report: (error) => error.code !== 'invalid-input' };

/** Everything the UI can ask main to do, each through the store's `act`. */
export function createCallCommands(store: AppStore) {
  const state = () => store.getState();
  const who = (call: Call) => partyName(call.remote, state().settings.values?.defaultCountry);
  // Keypad presses queue per call so fast typing is neither dropped nor reordered.
  const dtmfQueues = new Map<string, string>();

  async function runDirect(call: Call, action: DirectAction): Promise<Result<unknown> | null> {
    if (action === 'park') return park(call, {});
    const callId = call.id;
    const title = FAILURE_TITLES[action](who(call));
    const key = pendingKey(callId, action);
    if (isRecordingAction(action)) {
      const op = RECORDING_OPS[action];
      return state().app.act(key, title, (api) => api.calls.recording({ callId, op }));
    }
    if (action === 'ignore' || action === 'unavailable') {
      const reject = REJECT_ACTIONS[action];
      const result = await state().app.act(key, title, (api) => api.calls.decline({ callId, action: reject }));
      // It vanishes from the list like a declined call; say why it is not over for the caller.
      if (result?.ok && action === 'ignore') {
        state().ui.pushNote({ kind: 'ignored', text: `Ignored: ${who(call)}. It stopped ringing here; the caller hears ringing until no one answers.` });
      }
      return result;
    }
    return state().app.act(key, title, (api) => api.calls[action]({ callId }));
  }

  /** One-click Park (on my line), or Park at… with a destination or the group. */
  async function park(call: Call, where: { destination?: string; isGroupPark?: boolean }, options?: ActOptions) {
    const title = FAILURE_TITLES.park(who(call));
    const result = await state().app.act(pendingKey(call.id, 'park'), title, (api) => api.calls.park({ callId: call.id, ...where }), options);
    if (result?.ok) {
      const ext = result.value.parkedAgainst;
      // Without a number from Webex there is nothing to retrieve "from"; say where it went instead.
      if (ext !== undefined) state().ui.pushNote({ kind: 'parked', text: `Parked on ${ext}: ${who(call)}`, parkedOn: ext });
      else state().ui.pushNote({ kind: 'parked', text: `Parked: ${who(call)}` });
    }
    return result;
  }

  function forward(call: Call, destination: string, toVoicemail: boolean) {
    const title = toVoicemail ? `Couldn't forward ${who(call)} to ${destination}'s voicemail` : `Couldn't forward ${who(call)} to ${destination}`;
    return state().app.act(
      pendingKey(call.id, 'forward'),
      title,
      (api) => api.calls.forward({ callId: call.id, destination, ...(toVoicemail ? { toVoicemail: true } : {}) }),
      inlineInvalidInput,
    );
  }

  /**
   * Dial by name. Not through `act`: a search never changes anything, each one replaces the one
   * before (act would drop it as a double press), and a failure is shown in the list, not the
   * error list.
   */
  async function searchDirectory(query: string): Promise<Result<DirectoryResult>> {
    const api = state().app.bridge;
    if (!api) return { ok: false, error: { code: 'internal', message: 'CallDeck is not connected to its line yet.' } };
    try {
      return await api.directory.search({ query });
    } catch (thrown) {
      return { ok: false, error: unexpected(thrown) };
    }
  }

  /** Tells main to abort the running search (the person typed on or cleared the field). */
  function cancelDirectorySearch(): void {
    void state().app.bridge?.directory.cancel().catch(() => undefined);
  }

  function bargeIn(target: string) {
    return state().app.act(BARGE_KEY, `Couldn't barge in on ${target}`, (api) => api.calls.bargeIn({ target }), inlineInvalidInput);
  }

  function dial(destination: string) {
    return state().app.act(DIAL_KEY, `Couldn't call ${destination}`, (api) => api.calls.dial({ destination }), inlineInvalidInput);
  }

  function redial(destination: string, label: string) {
    return state().app.act(DIAL_KEY, `Couldn't call ${label}`, (api) => api.calls.dial({ destination }));
  }

  async function transfer(call: Call, args: TransferArgs) {
    const title = `Couldn't transfer the call with ${who(call)}`;
    // Only a typed destination has a field to show invalid-input next to.
    const options = args.mode === 'attended' ? undefined : inlineInvalidInput;
    const result = await state().app.act(pendingKey(call.id, 'transfer'), title, (api) => api.calls.transfer(args), options);
    if (result?.ok && args.mode === 'mute' && result.value.callId !== undefined) {
      watchMuteTransfer(store, { originalId: call.id, legId: result.value.callId, who: who(call), destination: args.destination });
    }
    return result;
  }

  function pickup(target: string) {
    const args = target.trim() ? { target: target.trim() } : {};
    return state().app.act(PICKUP_KEY, "Couldn't pick up the call", (api) => api.calls.pickup(args), inlineInvalidInput);
  }

  /** Empty extension: the call parked on my own line. */
  async function retrieve(extension: string, options: ActOptions = inlineInvalidInput) {
    const where = extension.trim();
    const result = await state().app.act(
      RETRIEVE_KEY,
      where ? `Couldn't retrieve the call parked on ${where}` : `Couldn't retrieve the call parked on your line`,
      (api) => api.calls.retrieve(where ? { destination: where } : {}),
      options,
    );
    if (result?.ok && where) {
      for (const note of state().ui.notes) if (note.parkedOn === where) state().ui.dismissNote(note.id);
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

  return { runDirect, dial, redial, transfer, park, forward, pickup, retrieve, bargeIn, searchDirectory, cancelDirectorySearch, pressKey };
}

export type CallCommands = ReturnType<typeof createCallCommands>;
