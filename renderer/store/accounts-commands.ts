import type { AccountsSnapshot, CallDeckApi, Result, SealedSecret, SecretPurpose } from '../../preload/contract';
import { sealSecret } from '../crypto/seal-secret';
import type { AppStore } from './types';

export const ACCOUNT_KEYS = {
  signIn: 'accounts:signIn',
  cancelSignIn: 'accounts:cancelSignIn',
  usePat: 'accounts:usePat',
  signOut: 'accounts:signOut',
  videoSdk: 'accounts:videoSdk',
  removeVideoSdk: 'accounts:removeVideoSdk',
  persistence: 'accounts:setPersistence',
} as const;

export interface WebexForm {
  id?: string;
  clientId: string;
  /** Empty keeps the stored secret. */
  clientSecret: string;
  redirectUri: string;
  baseUrl: string;
  /** "Use Webex Meetings": sign-in also asks for the meeting scopes. */
  useMeetings?: boolean;
  /** "Use XSI events": sign-in also asks for spark:xsi. */
  useXsi?: boolean;
}

/**
 * Seals what was typed, trimmed (pasted secrets often carry a newline or space; none of Webex's
 * or VideoSDK's secrets have one). Nothing typed means "keep the stored one": no secret.
 */
async function sealIfTyped(api: CallDeckApi, purpose: SecretPurpose, typed: string): Promise<Result<SealedSecret | undefined>> {
  const plain = typed.trim();
  return plain === '' ? { ok: true, value: undefined } : sealSecret(api, purpose, plain);
}

/** Everything the Accounts section asks of main; secrets are sealed before they leave this file. */
export function createAccountCommands(store: AppStore) {
  const state = () => store.getState();
  const applied = async (result: Promise<Result<AccountsSnapshot>>) => {
    const settled = await result;
    if (settled.ok) state().accounts.apply(settled.value);
    return settled;
  };

  async function saveWebex(api: CallDeckApi, form: WebexForm): Promise<Result<AccountsSnapshot>> {
    const sealed = await sealIfTyped(api, 'webex.clientSecret', form.clientSecret);
    if (!sealed.ok) return sealed;
    const clientSecret = sealed.value;
    return applied(
      api.accounts.configureWebex({
        ...(form.id ? { id: form.id } : {}),
        clientId: form.clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        redirectUri: form.redirectUri.trim(),
        baseUrl: form.baseUrl.trim(),
        ...(form.useMeetings !== undefined ? { useMeetings: form.useMeetings } : {}),
        ...(form.useXsi !== undefined ? { useXsi: form.useXsi } : {}),
      }),
    );
  }

  return {
    /** Saves the integration, then signs in; `onSaved` runs once main holds the secret. */
    signIn(form: WebexForm, onSaved: () => void) {
      return state().app.act(ACCOUNT_KEYS.signIn, "Couldn't sign in to Webex", async (api) => {
        const saved = await saveWebex(api, form);
        if (!saved.ok) return saved;
        onSaved();
        const id = form.id ?? saved.value.accounts.filter((a) => a.kind === 'webex').at(-1)?.id;
        if (!id) return { ok: false, error: { code: 'internal', message: 'The Webex account was not saved.' } };
        return applied(api.accounts.signIn({ id }));
      });
    },
    cancelSignIn(id: string) {
      return state().app.act(ACCOUNT_KEYS.cancelSignIn, "Couldn't cancel the sign-in", (api) => api.accounts.cancelSignIn({ id }));
    },
    usePat(form: { id?: string; token: string; baseUrl: string }, onSent: () => void) {
      return state().app.act(ACCOUNT_KEYS.usePat, "Couldn't use the personal access token", async (api) => {
        const sealed = await sealSecret(api, 'webex.pat', form.token.trim());
        if (!sealed.ok) return sealed;
        onSent();
        return applied(api.accounts.usePat({ ...(form.id ? { id: form.id } : {}), token: sealed.value, baseUrl: form.baseUrl.trim() }));
      });
    },
    signOut(id: string) {
      return state().app.act(ACCOUNT_KEYS.signOut, "Couldn't sign out of Webex", (api) => applied(api.accounts.signOut({ id })));
    },
    saveVideoSdk(form: { id?: string; apiKey: string; secret: string; baseUrl?: string }, onSaved: () => void) {
      return state().app.act(ACCOUNT_KEYS.videoSdk, "Couldn't save the VideoSDK keys", async (api) => {
        const sealed = await sealIfTyped(api, 'videosdk.secret', form.secret);
        if (!sealed.ok) return sealed;
        const secret = sealed.value;
        const result = await applied(
          api.accounts.configureVideoSdk({
            ...(form.id ? { id: form.id } : {}),
            apiKey: form.apiKey.trim(),
            ...(secret ? { secret } : {}),
            ...(form.baseUrl !== undefined && form.baseUrl.trim() !== '' ? { baseUrl: form.baseUrl.trim() } : {}),
          }),
        );
        if (result.ok) onSaved();
        return result;
      });
    },
    removeVideoSdk(id: string) {
      return state().app.act(ACCOUNT_KEYS.removeVideoSdk, "Couldn't remove the VideoSDK keys", (api) =>
        applied(api.accounts.removeVideoSdk({ id })),
      );
    },
    setPersistence(persist: boolean) {
      return state().app.act(ACCOUNT_KEYS.persistence, "Couldn't change where secrets are kept", (api) =>
        applied(api.accounts.setPersistence({ persist })),
      );
    },
  };
}

export type AccountCommands = ReturnType<typeof createAccountCommands>;
