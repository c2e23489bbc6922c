import type {
  ArgsOf,
  CallDeckApi,
  EventChannel,
  InvokeChannel,
  PayloadOf,
  Result,
  ResultOf,
} from './contract.js';

/** How a bridge reaches main: Electron IPC in the preload, a loopback socket in the harness. */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, args: unknown): Promise<Result<unknown>>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.calldeck`: one method per channel, each bound to exactly that channel, so the
 * page can never name a channel of its own choosing. `satisfies CallDeckApi` makes a missing or
 * misspelt channel a type error. Only types are imported from the contract: the sandboxed
 * preload bundle stays free of zod.
 */
export function buildApi(transport: BridgeTransport): CallDeckApi {
  const invoke =
    <C extends InvokeChannel>(channel: C) =>
    (args?: ArgsOf<C>) =>
      transport.invoke(channel, args) as Promise<Result<ResultOf<C>>>;
  const on =
    <E extends EventChannel>(channel: E) =>
    (listener: (payload: PayloadOf<E>) => void) =>
      transport.subscribe(channel, (payload) => listener(payload as PayloadOf<E>));

  return {
    app: { info: invoke('app:info'), ready: invoke('app:ready') },
    settings: {
      get: invoke('settings:get'),
      set: invoke('settings:set'),
      onChanged: on('settings:changed'),
    },
    calls: {
      list: invoke('calls:list'),
      dial: invoke('calls:dial'),
      answer: invoke('calls:answer'),
      decline: invoke('calls:decline'),
      forward: invoke('calls:forward'),
      voicemail: invoke('calls:voicemail'),
      hangup: invoke('calls:hangup'),
      hold: invoke('calls:hold'),
      resume: invoke('calls:resume'),
      mute: invoke('calls:mute'),
      unmute: invoke('calls:unmute'),
      transfer: invoke('calls:transfer'),
      park: invoke('calls:park'),
      retrieve: invoke('calls:retrieve'),
      pickup: invoke('calls:pickup'),
      bargeIn: invoke('calls:bargeIn'),
      recording: invoke('calls:recording'),
      dtmf: invoke('calls:dtmf'),
      history: invoke('calls:history'),
      onChanged: on('calls:changed'),
    },
    desktop: {
      get: invoke('desktop:get'),
      setDnd: invoke('desktop:setDnd'),
      resolveLink: invoke('desktop:resolveLink'),
      settingsShown: invoke('desktop:settingsShown'),
      onChanged: on('desktop:changed'),
    },
    devices: {
      get: invoke('devices:get'),
      choose: invoke('devices:choose'),
      pull: invoke('devices:pull'),
      push: invoke('devices:push'),
      setAgentState: invoke('devices:setAgentState'),
      setQueue: invoke('devices:setQueue'),
      onChanged: on('devices:changed'),
    },
    popup: {
      get: invoke('popup:get'),
      dismiss: invoke('popup:dismiss'),
      onChanged: on('popup:changed'),
    },
    accounts: {
      list: invoke('accounts:list'),
      sealingKey: invoke('accounts:sealingKey'),
      configureWebex: invoke('accounts:configureWebex'),
      signIn: invoke('accounts:signIn'),
      cancelSignIn: invoke('accounts:cancelSignIn'),
      usePat: invoke('accounts:usePat'),
      signOut: invoke('accounts:signOut'),
      configureVideoSdk: invoke('accounts:configureVideoSdk'),
      removeVideoSdk: invoke('accounts:removeVideoSdk'),
      setPersistence: invoke('accounts:setPersistence'),
      onChanged: on('accounts:changed'),
    },
    videosdk: {
      watch: invoke('videosdk:watch'),
      start: invoke('videosdk:start'),
      end: invoke('videosdk:end'),
      onChanged: on('videosdk:changed'),
    },
    line: { get: invoke('line:get'), onChanged: on('line:changed') },
    directory: { search: invoke('directory:search'), cancel: invoke('directory:cancel') },
    meetings: {
      watch: invoke('meetings:watch'),
      unwatch: invoke('meetings:unwatch'),
      open: invoke('meetings:open'),
      mute: invoke('meetings:mute'),
      unmute: invoke('meetings:unmute'),
      admit: invoke('meetings:admit'),
      admitAll: invoke('meetings:admitAll'),
      expel: invoke('meetings:expel'),
      callout: invoke('meetings:callout'),
      cancelCallout: invoke('meetings:cancelCallout'),
      dismissCallout: invoke('meetings:dismissCallout'),
      onChanged: on('meetings:changed'),
    },
    notices: {
      list: invoke('notices:list'),
      dismiss: invoke('notices:dismiss'),
      onChanged: on('notices:changed'),
    },
    events: { status: invoke('events:status'), onChanged: on('events:changed') },
  } satisfies CallDeckApi;
}
