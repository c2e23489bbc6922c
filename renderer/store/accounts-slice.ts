import type { Account, AccountsSnapshot } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface AccountsSlice {
  /** Null until main first answers; holds no secret, only whether one is stored. */
  snapshot: AccountsSnapshot | null;
  /** Stores the snapshot and reports each new problem main raised on its own. */
  apply(snapshot: AccountsSnapshot): void;
}

const TITLES: Record<Account['kind'], string> = { webex: 'Webex account', videosdk: 'VideoSDK account' };

export const createAccountsSlice: SliceCreator<'accounts'> = (set, get) => {
  // Problems main reports on its own (renewal refused, token expired, keychain changed) happen
  // while the person looks at calls, not at Settings: each new one goes to the message list once.
  const reported = new Map<string, string>();
  return {
    snapshot: null,
    apply(snapshot) {
      set((s) => ({ accounts: { ...s.accounts, snapshot } }));
      for (const account of snapshot.accounts) {
        const problem = account.problem;
        if (problem === undefined) {
          reported.delete(account.id);
        } else if (reported.get(account.id) !== problem) {
          reported.set(account.id, problem);
          get().ui.pushError(TITLES[account.kind], { code: 'not-signed-in', message: problem });
        }
      }
    },
  };
};
