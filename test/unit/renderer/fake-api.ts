import type {
  LiveSource,
  DevicesInfo,
  AccountsSnapshot,
  AppInfo,
  ArgsOf,
  Call,
  CallDeckApi,
  CallsSnapshot,
  DesktopState,
  DirectoryEntry,
  EventChannel,
  HistoryEntry,
  InvokeChannel,
  LineInfo,
  LineStatus,
  MeetingsSnapshot,
  Notice,
  PayloadOf,
  Result,
  ResultOf,
  SealedSecret,
  SecretPurpose,
  Settings,
  VideoSdkSnapshot,
} from '../../../preload/contract';

export interface Invocation {
  channel: InvokeChannel;
  args: unknown;
}

type Responder<C extends InvokeChannel> =
  | Result<ResultOf<C>>
  | ((args: ArgsOf<C>) => Result<ResultOf<C>> | Promise<Result<ResultOf<C>>>);

export interface Deferred<C extends InvokeChannel> {
  resolve(result: Result<ResultOf<C>>): void;
}

export const DEMO_LINE: LineStatus = { state: 'ok', label: 'Demo line — no account connected' };

export const DEMO_INFO: AppInfo = {
  name: 'CallDeck',
  version: '0.1.0',
  platform: 'linux',
  mode: 'demo',
  lineLabel: 'Demo line — no account connected',
  shell: 'harness',
};

export const TEST_SETTINGS: Settings = {
  pollActiveMs: 1000,
  pollIdleMs: 2000,
  deepLinkAction: 'ask',
  defaultCountry: 'US',
  hotkeys: { answer: '', holdResume: '', hangupDecline: '', muteUnmute: '', dialClipboard: '' },
  startAtLogin: false,
  startMinimized: false,
  closeToTray: true,
  webhookUrl: '',
  webhookPort: 0,
};

export const TEST_DESKTOP: DesktopState = {
  hotkeys: [],
  dnd: { status: 'off', updating: false },
  autoStart: { supported: true },
  link: null,
  settingsRequested: false,
  feedback: null,
};

export const NO_ACCOUNTS: AccountsSnapshot = {
  accounts: [],
  storage: { protection: 'keychain', backend: 'fake keychain', persist: true },
};

export const NO_MEETING: MeetingsSnapshot = {
  access: { state: 'ready' },
  meeting: null,
  participants: [],
  leftCount: 0,
  callouts: [],
  sync: { state: 'idle' },
  watching: false,
};

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * The bridge as the renderer sees it, without main: records every invocation, answers with
 * scripted Results (or sensible defaults), and lets a test emit events. `implements` keeps it in
 * step with the contract.
 */
export class FakeCallDeckApi implements CallDeckApi {
  readonly invocations: Invocation[] = [];
  /** Subscriptions in the order they were made, interleaved with invocations via `log`. */
  readonly log: string[] = [];
  snapshot: CallsSnapshot = { calls: [], line: DEMO_LINE, ended: [] };
  history: HistoryEntry[] = [];
  private readonly responders = new Map<InvokeChannel, Responder<InvokeChannel>>();
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  readonly app: CallDeckApi['app'] = {
    info: () => this.invoke('app:info', undefined, ok(DEMO_INFO)),
    ready: () => this.invoke('app:ready', undefined, ok(null)),
  };

  readonly settings: CallDeckApi['settings'] = {
    get: () => this.invoke('settings:get', undefined, ok(TEST_SETTINGS)),
    set: (args) => this.invoke('settings:set', args, ok({ ...TEST_SETTINGS, ...args })),
    onChanged: (listener) => this.subscribe('settings:changed', listener),
  };

  readonly calls: CallDeckApi['calls'] = {
    list: () => this.invoke('calls:list', undefined, ok(this.snapshot)),
    dial: (args) => this.invoke('calls:dial', args, ok({ callId: 'dialed-1' })),
    answer: (args) => this.invoke('calls:answer', args, ok(null)),
    decline: (args) => this.invoke('calls:decline', args, ok(null)),
    forward: (args) => this.invoke('calls:forward', args, ok(null)),
    voicemail: (args) => this.invoke('calls:voicemail', args, ok(null)),
    hangup: (args) => this.invoke('calls:hangup', args, ok(null)),
    hold: (args) => this.invoke('calls:hold', args, ok(null)),
    resume: (args) => this.invoke('calls:resume', args, ok(null)),
    mute: (args) => this.invoke('calls:mute', args, ok(null)),
    unmute: (args) => this.invoke('calls:unmute', args, ok(null)),
    transfer: (args) => this.invoke('calls:transfer', args, ok(args.mode === 'mute' ? { callId: 'transfer-leg-1' } : {})),
    park: (args) => this.invoke('calls:park', args, ok({ parkedAgainst: '4102' })),
    retrieve: (args) => this.invoke('calls:retrieve', args, ok({ callId: 'retrieved-1' })),
    pickup: (args) => this.invoke('calls:pickup', args, ok({ callId: 'picked-1' })),
    bargeIn: (args) => this.invoke('calls:bargeIn', args, ok({ callId: 'barged-1' })),
    recording: (args) => this.invoke('calls:recording', args, ok(null)),
    dtmf: (args) => this.invoke('calls:dtmf', args, ok(null)),
    history: () => this.invoke('calls:history', undefined, ok(this.history)),
    onChanged: (listener) => this.subscribe('calls:changed', listener),
  };

  desktopState: DesktopState = TEST_DESKTOP;

  readonly desktop: CallDeckApi['desktop'] = {
    get: () => this.invoke('desktop:get', undefined, ok(this.desktopState)),
    setDnd: (args) => this.invoke('desktop:setDnd', args, ok({ status: args.enabled ? 'on' : 'off', updating: false })),
    resolveLink: (args) => this.invoke('desktop:resolveLink', args, ok(args.dial ? { callId: 'dialed-1' } : {})),
    settingsShown: () => this.invoke('desktop:settingsShown', undefined, ok(null)),
    onChanged: (listener) => this.subscribe('desktop:changed', listener),
  };

  readonly popup: CallDeckApi['popup'] = {
    get: () => this.invoke('popup:get', undefined, ok({ cards: [], more: 0 })),
    dismiss: (args) => this.invoke('popup:dismiss', args, ok(null)),
    onChanged: (listener) => this.subscribe('popup:changed', listener),
  };

  noticesState: Notice[] = [];
  liveState: LiveSource = { source: 'poll' };

  readonly events: CallDeckApi['events'] = {
    status: () => this.invoke('events:status', undefined, ok(this.liveState)),
    onChanged: (listener) => this.subscribe('events:changed', listener),
  };

  readonly notices: CallDeckApi['notices'] = {
    list: () => this.invoke('notices:list', undefined, ok(this.noticesState)),
    dismiss: (args) => this.invoke('notices:dismiss', args, ok((this.noticesState = this.noticesState.filter((n) => n.id !== args.id)))),
    onChanged: (listener) => this.subscribe('notices:changed', listener),
  };

  accountsState: AccountsSnapshot = NO_ACCOUNTS;
  private sealing: Promise<CryptoKeyPair> | undefined;

  readonly accounts: CallDeckApi['accounts'] = {
    list: () => this.invoke('accounts:list', undefined, ok(this.accountsState)),
    sealingKey: async () => {
      const pair = await this.sealingPair();
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
      return this.invoke('accounts:sealingKey', undefined, ok({ keyId: 'test-key', publicKey: btoa(String.fromCharCode(...spki)) }));
    },
    configureWebex: (args) => this.invoke('accounts:configureWebex', args, ok(this.accountsState)),
    signIn: (args) => this.invoke('accounts:signIn', args, ok(this.accountsState)),
    cancelSignIn: (args) => this.invoke('accounts:cancelSignIn', args, ok(null)),
    usePat: (args) => this.invoke('accounts:usePat', args, ok(this.accountsState)),
    signOut: (args) => this.invoke('accounts:signOut', args, ok(this.accountsState)),
    configureVideoSdk: (args) => this.invoke('accounts:configureVideoSdk', args, ok(this.accountsState)),
    removeVideoSdk: (args) => this.invoke('accounts:removeVideoSdk', args, ok(this.accountsState)),
    setPersistence: (args) => this.invoke('accounts:setPersistence', args, ok(this.accountsState)),
    onChanged: (listener) => this.subscribe('accounts:changed', listener),
  };

  videosdkState: VideoSdkSnapshot = { account: { available: false }, calls: [], loaded: false };

  readonly videosdk: CallDeckApi['videosdk'] = {
    watch: (args) => this.invoke('videosdk:watch', args, ok(this.videosdkState)),
    start: (args) => this.invoke('videosdk:start', args, ok(args.route === 'trunk' ? { participantId: 'participant-1' } : { callId: 'sip-call-1' })),
    end: (args) => this.invoke('videosdk:end', args, ok(null)),
    onChanged: (listener) => this.subscribe('videosdk:changed', listener),
  };

  lineInfo: LineInfo = { me: null, voicemail: null };

  devicesState: DevicesInfo = { loaded: false, devices: [], chosenId: null, preferredId: null, lines: [], queues: [] };

  readonly devices: CallDeckApi['devices'] = {
    get: () => this.invoke('devices:get', undefined, ok(this.devicesState)),
    choose: (args) => this.invoke('devices:choose', args, ok(null)),
    pull: () => this.invoke('devices:pull', undefined, ok({ callId: 'pulled-1' })),
    push: (args) => this.invoke('devices:push', args, ok(null)),
    setAgentState: (args) => this.invoke('devices:setAgentState', args, ok(null)),
    setQueue: (args) => this.invoke('devices:setQueue', args, ok(null)),
    onChanged: (listener) => this.subscribe('devices:changed', listener),
  };

  readonly line: CallDeckApi['line'] = {
    get: () => this.invoke('line:get', undefined, ok(this.lineInfo)),
    onChanged: (listener) => this.subscribe('line:changed', listener),
  };

  /** What directory.search answers unless a test scripts it. */
  people: DirectoryEntry[] = [];

  readonly directory: CallDeckApi['directory'] = {
    search: (args) => this.invoke('directory:search', args, ok({ people: this.people, cancelled: false })),
    cancel: () => this.invoke('directory:cancel', undefined, ok(null)),
  };

  /** Emit line info (and make it what line.get returns from now on). */
  emitLine(info: LineInfo): void {
    this.lineInfo = info;
    this.emit('line:changed', info);
  }

  meetingsState: MeetingsSnapshot = NO_MEETING;

  readonly meetings: CallDeckApi['meetings'] = {
    watch: () => this.invoke('meetings:watch', undefined, ok({ ...this.meetingsState, watching: true })),
    unwatch: () => this.invoke('meetings:unwatch', undefined, ok(null)),
    open: (args) => this.invoke('meetings:open', args, ok(this.meetingsState)),
    mute: (args) => this.invoke('meetings:mute', args, ok(null)),
    unmute: (args) => this.invoke('meetings:unmute', args, ok(null)),
    admit: (args) => this.invoke('meetings:admit', args, ok(null)),
    admitAll: () => this.invoke('meetings:admitAll', undefined, ok(null)),
    expel: (args) => this.invoke('meetings:expel', args, ok(null)),
    callout: (args) => this.invoke('meetings:callout', args, ok({ participantId: 'callout-1' })),
    cancelCallout: (args) => this.invoke('meetings:cancelCallout', args, ok(null)),
    dismissCallout: (args) => this.invoke('meetings:dismissCallout', args, ok(null)),
    onChanged: (listener) => this.subscribe('meetings:changed', listener),
  };

  /** Emit a meetings snapshot (and make it what watch/open return from now on). */
  emitMeetings(snapshot: MeetingsSnapshot): void {
    this.meetingsState = snapshot;
    this.emit('meetings:changed', snapshot);
  }

  /** Emit an accounts snapshot (and make it what accounts.list returns from now on). */
  emitAccounts(snapshot: AccountsSnapshot): void {
    this.accountsState = snapshot;
    this.emit('accounts:changed', snapshot);
  }

  /** Opens a secret the renderer sealed, as main would: proves what crossed is the typed text, sealed. */
  async openSealed(sealed: SealedSecret, purpose: SecretPurpose): Promise<string> {
    const pair = await this.sealingPair();
    const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const raw = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, pair.privateKey, bytes(sealed.wrappedKey));
    const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes(sealed.iv), additionalData: new TextEncoder().encode(purpose) },
      key,
      bytes(sealed.data),
    );
    return new TextDecoder().decode(plain);
  }

  private sealingPair(): Promise<CryptoKeyPair> {
    this.sealing ??= crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['encrypt', 'decrypt'],
    );
    return this.sealing;
  }

  /** Emit a desktop state (and make it what desktop.get returns from now on). */
  emitDesktop(patch: Partial<DesktopState>): void {
    this.desktopState = { ...this.desktopState, ...patch };
    this.emit('desktop:changed', this.desktopState);
  }

  /** Script the answer for a channel: a fixed Result or a function of the args. */
  respond<C extends InvokeChannel>(channel: C, responder: Responder<C>): this {
    this.responders.set(channel, responder as unknown as Responder<InvokeChannel>);
    return this;
  }

  /** Hold the next answers on a channel until the test resolves them. */
  defer<C extends InvokeChannel>(channel: C): Deferred<C> {
    let resolve!: (result: Result<ResultOf<C>>) => void;
    const promise = new Promise<Result<ResultOf<C>>>((r) => (resolve = r));
    this.respond(channel, () => promise);
    return { resolve };
  }

  emit<E extends EventChannel>(channel: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners.get(channel) ?? []) (listener as (p: PayloadOf<E>) => void)(payload);
  }

  /** Emit a calls snapshot (and make it what calls.list returns from now on). */
  emitCalls(calls: Call[], extra: Partial<Omit<CallsSnapshot, 'calls'>> = {}): void {
    this.snapshot = { calls, line: extra.line ?? this.snapshot.line, ended: [] };
    this.emit('calls:changed', { ...this.snapshot, ended: extra.ended ?? [] });
  }

  listenerCount(channel: EventChannel): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  invoked<C extends InvokeChannel>(channel: C): ArgsOf<C>[] {
    return this.invocations.filter((i) => i.channel === channel).map((i) => i.args as ArgsOf<C>);
  }

  private subscribe<E extends EventChannel>(channel: E, listener: (payload: PayloadOf<E>) => void): () => void {
    this.log.push(`subscribe ${channel}`);
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => {
      this.log.push(`unsubscribe ${channel}`);
      set.delete(entry);
    };
  }

  private async invoke<C extends InvokeChannel>(channel: C, args: ArgsOf<C>, fallback: Result<ResultOf<C>>): Promise<Result<ResultOf<C>>> {
    this.invocations.push({ channel, args });
    this.log.push(`invoke ${channel}`);
    const responder = this.responders.get(channel) as Responder<C> | undefined;
    if (responder === undefined) return fallback;
    return typeof responder === 'function' ? responder(args) : responder;
  }
}

let seq = 0;

/** A call as main would send it; override what the test is about. */
export function makeCall(overrides: Partial<Call> = {}): Call {
  seq += 1;
  return {
    id: `call-${seq}`,
    sessionId: `session-${seq}`,
    personality: 'terminator',
    state: 'connected',
    remote: { name: 'Ana Silva', number: '+12015550123', privacy: false },
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    answeredAt: new Date(Date.now() - 30_000).toISOString(),
    muteCapable: true,
    muted: false,
    actions: ['hold', 'mute', 'transfer', 'park', 'keypad', 'hangup'],
    ...overrides,
  };
}
