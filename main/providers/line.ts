import type { CallsProvider } from './calls-provider.js';
import type { MeLinesProvider } from './me-lines-provider.js';
import type { PeopleProvider, VoicemailProvider } from './people-provider.js';
import type { LineMeetings } from './webex/meetings-access.js';

/** A phone line the core drives: the built-in demo line or a configured account. */
export interface Line {
  provider: CallsProvider;
  people: PeopleProvider;
  voicemail: VoicemailProvider;
  /** My devices, secondary lines and queues; absent where the provider has none. */
  meLines?: MeLinesProvider;
  /** Webex Meetings on this line's account; absent where the provider has none. */
  meetings?: LineMeetings;
  mode: 'demo' | 'account';
  /** Shown in the window header and the tray tooltip. */
  label: string;
  /**
   * A VideoSDK account that comes with this line: the built-in demo line serves VideoSDK too, so a
   * newcomer can place a SIP call without keys. Used only when no VideoSDK account is configured.
   */
  videoSdk?: { baseUrl: string; apiKey: string; secret: string; demo?: { trunkId: string; gatewayId: string } };
  close(): Promise<void>;
}
