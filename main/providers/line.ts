import type { CallsProvider } from './calls-provider.js';
import type { MeLinesProvider } from './me-lines-provider.js';
import type { PeopleProvider, VoicemailProvider } from './people-provider.js';
import type { LineMeetings } from './webex/meetings-access.js';
import type { LineXsi } from './webex/xsi-access.js';
import type { WebhooksProvider } from './webhooks-provider.js';

/** A phone line the core drives: the built-in demo line or a configured account. */
export interface Line {
  provider: CallsProvider;
  people: PeopleProvider;
  voicemail: VoicemailProvider;
  /** Webhook registrations on this line's account, for live updates; absent where the provider has none. */
  webhooks?: WebhooksProvider;
  /** My devices, secondary lines and queues; absent where the provider has none. */
  meLines?: MeLinesProvider;
  /** Webex Meetings on this line's account; absent where the provider has none. */
  meetings?: LineMeetings;
  mode: 'demo' | 'account';
  /** Shown in the window header and the tray tooltip. */
  label: string;
  /** XSI-Events on this line's account, for live updates; absent where the account cannot have it. */
  xsi?: LineXsi;
  /**
   * A VideoSDK account that comes with this line: the built-in demo line serves VideoSDK too, so a
   * newcomer can place a SIP call without keys. Used only when no VideoSDK account is configured.
   */
  videoSdk?: { baseUrl: string; apiKey: string; secret: string; demo?: { trunkId: string; gatewayId: string; roomId?: string } };
  close(): Promise<void>;
}
