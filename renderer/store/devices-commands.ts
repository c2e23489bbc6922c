import type { AgentState, Call } from '../../preload/contract';
import { partyName } from '../../preload/common/party-text';
import type { AppStore } from './types';

export const CHOOSE_DEVICE_KEY = 'devices:choose';
export const PULL_KEY = 'devices:pull';
export const pushKey = (callId: string) => `${callId}:push`;
export const queueStateKey = (lineId: string) => `queues:${lineId}`;
export const queueKey = (lineId: string, queueId: string) => `queues:${lineId}:${queueId}`;

/** What the window asks about devices, lines and queues. */
export function createDevicesCommands(store: AppStore) {
  const state = () => store.getState();
  return {
    choose(endpointId: string, makePreferred: boolean) {
      const title = makePreferred ? "Couldn't make this your preferred device" : "Couldn't choose the device";
      return state().app.act(CHOOSE_DEVICE_KEY, title, (api) => api.devices.choose({ endpointId, makePreferred }));
    },
    pull() {
      return state().app.act(PULL_KEY, "Couldn't pull the call to this device", (api) => api.devices.pull());
    },
    push(call: Call) {
      const who = partyName(call.remote, state().settings.values?.defaultCountry);
      return state().app.act(pushKey(call.id), `Couldn't push the call from ${who} to the executive`, (api) => api.devices.push({ callId: call.id }));
    },
    setAgentState(lineId: string, agentState: AgentState) {
      return state().app.act(queueStateKey(lineId), "Couldn't change your queue availability", (api) => api.devices.setAgentState({ lineId, state: agentState }));
    },
    setQueue(lineId: string, queueId: string, available: boolean) {
      const title = available ? "Couldn't join the queue" : "Couldn't leave the queue";
      return state().app.act(queueKey(lineId, queueId), title, (api) => api.devices.setQueue({ lineId, queueId, available }));
    },
  };
}
