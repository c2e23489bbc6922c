import type { StoreApi } from 'zustand/vanilla';
import type {
  AccountsSnapshot,
  AppInfo,
  Call,
  CallDeckApi,
  CallsSnapshot,
  DesktopState,
  ErrorValue,
  HistoryEntry,
  LineStatus,
  Notice,
  Result,
  Settings,
} from '../../preload/contract';

/** Identifies one in-flight command, e.g. "call-1:answer" or "dial", so it cannot be sent twice. */
export type PendingKey = string;

export interface ErrorItem {
  id: number;
  /** What the user was trying to do, e.g. "Couldn't answer the call with Ana Silva". */
  title: string;
  error: ErrorValue;
  /** The pending key of the command that failed, so a dialog can show its own failures. */
  source?: PendingKey;
}

export interface NoteItem {
  id: number;
  kind: 'answered-elsewhere' | 'missed' | 'parked';
  text: string;
  /** For parked calls: the extension to retrieve it from. */
  parkedOn?: string;
}

export type DialogState =
  | { kind: 'transfer' | 'keypad'; callId: string }
  | { kind: 'settings' }
  /** A tel:/sip: link main asked the window to confirm (or explain). */
  | { kind: 'link'; id: number }
  | null;

export interface CallsSlice {
  /** False until the first snapshot (from calls.list or an event) arrives. */
  loaded: boolean;
  list: Call[];
  line: LineStatus | null;
  history: HistoryEntry[];
  historyLoaded: boolean;
  applySnapshot(snapshot: CallsSnapshot): void;
  setHistory(history: HistoryEntry[]): void;
}

export interface DesktopSlice {
  /** Hotkeys, Do Not Disturb, a link waiting, feedback: null until main first answers. */
  state: DesktopState | null;
  apply(state: DesktopState): void;
}

export interface SettingsSlice {
  values: Settings | null;
  setValues(settings: Settings): void;
}

export interface AccountsSlice {
  /** Null until main first answers; holds no secret, only whether one is stored. */
  snapshot: AccountsSnapshot | null;
  /** Stores the snapshot and reports each new problem main raised on its own. */
  apply(snapshot: AccountsSnapshot): void;
}

export interface NoticesSlice {
  list: Notice[];
  apply(list: Notice[]): void;
}

export interface UiSlice {
  pending: Readonly<Record<PendingKey, true>>;
  /** Newest first, capped. */
  errors: ErrorItem[];
  /** Quiet status notes (answered elsewhere, missed, parked), newest first, capped. */
  notes: NoteItem[];
  dialog: DialogState;
  setPending(key: PendingKey, on: boolean): void;
  pushError(title: string, error: ErrorValue, source?: PendingKey): void;
  dismissError(id: number): void;
  pushNote(note: Omit<NoteItem, 'id'>): void;
  dismissNote(id: number): void;
  openDialog(dialog: NonNullable<DialogState>): void;
  closeDialog(): void;
}

export interface ActOptions {
  /** Return false for failures the caller shows itself, e.g. next to a text field. */
  report?: (error: ErrorValue) => boolean;
}

export interface AppSlice {
  info: AppInfo | null;
  /** Set by bindBridge; commands go through `act`, never through the bridge directly. */
  bridge: CallDeckApi | null;
  setInfo(info: AppInfo): void;
  attachBridge(api: CallDeckApi | null): void;
  /**
   * Runs one bridge call under `key`: ignored (resolves null) while the same key is in flight,
   * marks it pending meanwhile, and pushes a failure into `ui.errors` under `title`.
   */
  act<T>(
    key: PendingKey,
    title: string,
    run: (api: CallDeckApi) => Promise<Result<T>>,
    options?: ActOptions,
  ): Promise<Result<T> | null>;
}

export interface AppState {
  calls: CallsSlice;
  settings: SettingsSlice;
  desktop: DesktopSlice;
  accounts: AccountsSlice;
  notices: NoticesSlice;
  ui: UiSlice;
  app: AppSlice;
}

export type AppStore = StoreApi<AppState>;

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
/** Each slice gets the whole store's set/get, and updates only its own key. */
export type SliceCreator<K extends keyof AppState> = (set: SetState, get: GetState) => AppState[K];
