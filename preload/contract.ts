/**
 * The one IPC contract between main and the renderer.
 *
 * Every invoke channel (args + result schema) and every main→renderer event (payload schema) is
 * declared here once. The domain types that cross the bridge are inferred from these schemas, and
 * `CallDeckApi` (what `window.calldeck` is) is derived from them, so main, preload and renderer
 * cannot disagree without the type checker noticing.
 *
 * Main parses every incoming args value and every outgoing result/event with these schemas. Zod
 * objects strip unknown keys, which is also what keeps a stray secret field from crossing.
 */
import { z } from 'zod';

// ─── Errors cross the bridge as values ──────────────────────────────────────────────────────────

export const ErrorCode = z.enum([
  'invalid-input',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'rate-limited',
  'provider',
  'network',
  'timeout',
  'not-signed-in',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorValue = z.object({
  code: ErrorCode,
  message: z.string(),
  /** HTTP status from the provider, when there was one. */
  status: z.number().int().optional(),
  /** Webex's trackingId, so a user can quote it to support. */
  trackingId: z.string().optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Provider's `errors[].description` lines, when they add to `message`. */
  details: z.array(z.string()).optional(),
});
export type ErrorValue = z.infer<typeof ErrorValue>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

// ─── App and settings ───────────────────────────────────────────────────────────────────────────

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** "demo" when the built-in line is in use because no account is configured. */
  mode: z.enum(['demo', 'account']),
  lineLabel: z.string(),
  /** Electron, or "harness" when the same core runs in the browser harness. */
  shell: z.enum(['electron', 'harness']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const HotkeyAction = z.enum(['answer', 'holdResume', 'hangupDecline', 'muteUnmute', 'dialClipboard']);
export type HotkeyAction = z.infer<typeof HotkeyAction>;

/** An Electron accelerator such as `CommandOrControl+Alt+A`; empty string means "not bound". */
const Accelerator = z.string().max(64).regex(/^$|^[A-Za-z0-9+ ]+$/, 'Not a valid shortcut');

export const Settings = z.object({
  /** Poll interval while any call exists; the issue caps it at 1 s. */
  pollActiveMs: z.number().int().min(250).max(1000),
  /** Poll interval with no calls; a ring lasts seconds, so 2 s at most. */
  pollIdleMs: z.number().int().min(500).max(2000),
  /** What a tel:/sip: link does: confirm in the window first, or dial at once. */
  deepLinkAction: z.enum(['ask', 'dial']),
  /** Country used to read numbers typed without a + prefix. */
  defaultCountry: z.string().length(2).regex(/^[A-Z]{2}$/),
  hotkeys: z.record(HotkeyAction, Accelerator),
  startAtLogin: z.boolean(),
  startMinimized: z.boolean(),
  closeToTray: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  pollActiveMs: 1000,
  pollIdleMs: 2000,
  deepLinkAction: 'ask',
  defaultCountry: 'US',
  hotkeys: {
    answer: 'CommandOrControl+Alt+A',
    holdResume: 'CommandOrControl+Alt+H',
    hangupDecline: 'CommandOrControl+Alt+E',
    muteUnmute: 'CommandOrControl+Alt+M',
    dialClipboard: 'CommandOrControl+Alt+D',
  },
  startAtLogin: false,
  startMinimized: false,
  closeToTray: true,
};

// ─── Calls ──────────────────────────────────────────────────────────────────────────────────────

export const CallState = z.enum(['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected']);
export type CallState = z.infer<typeof CallState>;

export const Personality = z.enum(['originator', 'terminator', 'clickToDial']);
export type Personality = z.infer<typeof Personality>;

export const RecordingState = z.enum(['pending', 'started', 'paused', 'stopped', 'failed']);
export type RecordingState = z.infer<typeof RecordingState>;

/** What a person can do to a call right now; main decides, so window, tray and hotkeys agree. */
export const CallAction = z.enum([
  'answer',
  'decline',
  'voicemail',
  'hangup',
  'hold',
  'resume',
  'mute',
  'unmute',
  'transfer',
  'park',
  'keypad',
  'startRecording',
  'pauseRecording',
  'resumeRecording',
  'stopRecording',
]);
export type CallAction = z.infer<typeof CallAction>;

export const Party = z.object({
  name: z.string().optional(),
  number: z.string().optional(),
  privacy: z.boolean(),
});
export type Party = z.infer<typeof Party>;

export const Call = z.object({
  id: z.string(),
  sessionId: z.string(),
  personality: Personality,
  state: CallState,
  remote: Party,
  /** Why it rings, in words, e.g. "via Sales hunt group"; present while alerting. */
  via: z.string().optional(),
  /** Set when this is a recall, e.g. "Recall: parked on 4102". */
  recall: z.string().optional(),
  createdAt: z.string(),
  answeredAt: z.string().optional(),
  recording: RecordingState.optional(),
  muteCapable: z.boolean(),
  muted: z.boolean(),
  actions: z.array(CallAction),
});
export type Call = z.infer<typeof Call>;

/** How a call that left the list ended, as far as this app can tell. */
export const CallOutcome = z.enum(['ended', 'answered-elsewhere', 'missed']);
export type CallOutcome = z.infer<typeof CallOutcome>;

export const LineStatus = z.object({
  state: z.enum(['starting', 'ok', 'offline', 'rate-limited', 'unauthorized', 'error']),
  /** Human-readable, e.g. "Demo line — no account connected". */
  label: z.string(),
  message: z.string().optional(),
  retryAt: z.string().optional(),
});
export type LineStatus = z.infer<typeof LineStatus>;

export const CallsSnapshot = z.object({
  calls: z.array(Call),
  line: LineStatus,
  /** Calls that left the list since the previous snapshot, with how they ended. */
  ended: z.array(z.object({ call: Call, outcome: CallOutcome })),
});
export type CallsSnapshot = z.infer<typeof CallsSnapshot>;

export const HistoryEntry = z.object({
  type: z.enum(['placed', 'missed', 'received']),
  name: z.string().optional(),
  number: z.string().optional(),
  privacy: z.boolean(),
  time: z.string(),
  /** "webex" for the provider's history (20 per type), "local" for CallDeck's own log. */
  source: z.enum(['webex', 'local']),
  outcome: CallOutcome.optional(),
  durationSec: z.number().int().nonnegative().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const CallRef = z.object({ callId: z.string().min(1).max(512) });
/** A number or SIP URI as typed by a person; main validates and normalises it. */
const Destination = z.string().trim().min(1, 'Enter a number').max(256);

export const TransferArgs = z.union([
  z.object({ callId: z.string().min(1), mode: z.literal('blind'), destination: Destination }),
  z.object({ callId: z.string().min(1), mode: z.literal('attended'), otherCallId: z.string().min(1) }),
  z.object({ callId: z.string().min(1), mode: z.literal('voicemail') }),
]);
export type TransferArgs = z.infer<typeof TransferArgs>;

export const DtmfDigits = z.string().regex(/^[0-9*#ABCD,]{1,64}$/, 'Only 0-9, *, #, A-D and , (pause)');

// ─── The channel tables ─────────────────────────────────────────────────────────────────────────

const None = z.undefined();
const Done = z.null();

/** Helper so each row reads `channel(args, result)`; keeps the literal schema types. */
function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const invokeChannels = {
  'app:info': channel(None, AppInfo),
  /** The renderer calls this once its listeners are attached; queued events flow after it. */
  'app:ready': channel(None, Done),

  'settings:get': channel(None, Settings),
  'settings:set': channel(SettingsPatch, Settings),

  'calls:list': channel(None, CallsSnapshot),
  'calls:dial': channel(z.object({ destination: Destination }), z.object({ callId: z.string() })),
  'calls:answer': channel(CallRef, Done),
  'calls:decline': channel(CallRef, Done),
  'calls:voicemail': channel(CallRef, Done),
  'calls:hangup': channel(CallRef, Done),
  'calls:hold': channel(CallRef, Done),
  'calls:resume': channel(CallRef, Done),
  'calls:mute': channel(CallRef, Done),
  'calls:unmute': channel(CallRef, Done),
  'calls:transfer': channel(TransferArgs, Done),
  'calls:park': channel(CallRef.extend({ destination: Destination.optional() }), z.object({ parkedAgainst: z.string() })),
  'calls:retrieve': channel(z.object({ destination: Destination }), z.object({ callId: z.string() })),
  'calls:pickup': channel(z.object({ target: Destination.optional() }), z.object({ callId: z.string() })),
  'calls:recording': channel(
    CallRef.extend({ op: z.enum(['start', 'stop', 'pause', 'resume']) }),
    Done,
  ),
  'calls:dtmf': channel(CallRef.extend({ digits: DtmfDigits }), Done),
  'calls:history': channel(None, z.array(HistoryEntry)),
} as const;

export const eventChannels = {
  'settings:changed': Settings,
  'calls:changed': CallsSnapshot,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;

/** What a caller passes (before defaults/transforms). */
export type ArgsOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['args']>;
/** What main's handler receives once the args are parsed. */
export type ParsedArgsOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['args']>;
export type ResultOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['result']>;
export type PayloadOf<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

// ─── The derived renderer-facing API ────────────────────────────────────────────────────────────

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;

type InvokeMethod<C extends InvokeChannel> = [ArgsOf<C>] extends [undefined]
  ? () => Promise<Result<ResultOf<C>>>
  : (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

type EventMethod<E extends EventChannel> = (listener: (payload: PayloadOf<E>) => void) => () => void;

/**
 * `calls:answer` becomes `calldeck.calls.answer(args)`, and the event `calls:changed` becomes
 * `calldeck.calls.onChanged(listener)`, which returns its unsubscribe function.
 */
export type CallDeckApi = {
  [D in DomainOf<InvokeChannel | EventChannel>]: {
    [C in Extract<InvokeChannel, `${D}:${string}`> as VerbOf<C>]: InvokeMethod<C>;
  } & {
    [E in Extract<EventChannel, `${D}:${string}`> as `on${Capitalize<VerbOf<E>>}`]: EventMethod<E>;
  };
};
