import type { CallsProvider } from './calls-provider.js';
import type { PeopleProvider, VoicemailProvider } from './people-provider.js';
import type { LineMeetings } from './webex/meetings-access.js';

/** A phone line the core drives: the built-in demo line or a configured account. */
export interface Line {
  provider: CallsProvider;
  people: PeopleProvider;
  voicemail: VoicemailProvider;
  /** Webex Meetings on this line's account; absent where the provider has none. */
  meetings?: LineMeetings;
  mode: 'demo' | 'account';
  /** Shown in the window header and the tray tooltip. */
  label: string;
  close(): Promise<void>;
}
