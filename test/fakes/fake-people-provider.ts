/**
 * The People and voicemail ports for the core's unit tests: answers from in-memory data, records
 * every search with its signal (so a test can see a stale one aborted), and can hold answers back
 * until the test releases them.
 */
import type { PeopleProvider, VoicemailProvider } from '../../main/providers/people-provider.js';
import type { WebexPerson, WebexVoicemailSummary } from '../../main/providers/webex/people-schemas.js';

interface Pending {
  name: string;
  signal: AbortSignal | undefined;
  release(): void;
}

export class FakePeopleProvider implements PeopleProvider {
  /** As a user without admin rights sees themself: no calling data, the extension in phoneNumbers with its routing prefix. */
  mine: WebexPerson = {
    displayName: 'Alex Morgan',
    phoneNumbers: [
      { type: 'work', value: '+14155550142', primary: true },
      { type: 'work_extension', value: '81004142', primary: false },
    ],
  };
  directory: WebexPerson[] = [];
  /** When true, searches wait for release(); otherwise they answer at once. */
  holdSearches = false;
  meRequests = 0;
  meError: Error | undefined;
  readonly searches: Pending[] = [];

  async me(): Promise<WebexPerson> {
    this.meRequests += 1;
    if (this.meError) throw this.meError;
    return this.mine;
  }

  search(displayName: string, max: number, signal?: AbortSignal): Promise<WebexPerson[]> {
    return new Promise((resolve, reject) => {
      const answer = () => {
        const wanted = displayName.toLowerCase();
        resolve(this.directory.filter((p) => (p.displayName ?? '').toLowerCase().includes(wanted)).slice(0, max));
      };
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.searches.push({ name: displayName, signal, release: answer });
      if (!this.holdSearches) answer();
    });
  }
}

export class FakeVoicemailProvider implements VoicemailProvider {
  summaryValue: WebexVoicemailSummary = { newMessages: 0, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 };
  requests = 0;
  error: Error | undefined;

  async summary(): Promise<WebexVoicemailSummary> {
    this.requests += 1;
    if (this.error) throw this.error;
    return this.summaryValue;
  }
}
