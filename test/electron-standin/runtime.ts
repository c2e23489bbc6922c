/**
 * What every part of the stand-in shares: whether the app is ready or shutting down, and the
 * two ways it reports a broken rule. Electron throws for some mistakes (those throw here too,
 * with Electron's wording where it has one); others it lets pass silently and the app then
 * misbehaves on a user's desk (a blank tray icon, a load that 404s). Those are collected as
 * `problems`, which a boot test asserts empty.
 */
import { EventEmitter } from 'node:events';

export type Phase = 'starting' | 'ready' | 'quitting' | 'ended';

export class StandinRuleError extends Error {
  override name = 'StandinRuleError';
}

export interface Runtime {
  phase(): Phase;
  isReady(): boolean;
  /** Throws as Electron does when `what` is used before `ready`. */
  requireReady(what: string, message?: string): void;
  /** A silent misbehaviour in Electron; recorded for the test to fail on. */
  problem(text: string): void;
  problems(): readonly string[];
  setPhase(next: Phase): void;
  /** Fires 'ready', 'quitting', 'ended' as the phase changes. */
  readonly events: EventEmitter;
  nextId(kind: string): number;
}

export function createRuntime(): Runtime {
  let phase: Phase = 'starting';
  const problems: string[] = [];
  const events = new EventEmitter();
  const ids = new Map<string, number>();
  return {
    phase: () => phase,
    isReady: () => phase === 'ready' || phase === 'quitting',
    requireReady(what, message) {
      if (phase === 'starting') throw new StandinRuleError(message ?? `${what} cannot be used before the app is ready`);
      if (phase === 'ended') throw new StandinRuleError(`${what} used after the app quit`);
    },
    problem(text) {
      problems.push(text);
    },
    problems: () => problems,
    setPhase(next) {
      phase = next;
      events.emit(next);
    },
    events,
    nextId(kind) {
      const id = (ids.get(kind) ?? 0) + 1;
      ids.set(kind, id);
      return id;
    },
  };
}

/** Electron's `Event` with preventDefault, as handed to preventable listeners. */
export function preventableEvent<T extends object>(extra?: T): { preventDefault(): void; readonly defaultPrevented: boolean } & T {
  let prevented = false;
  return {
    ...(extra as T),
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

/** Electron copies IPC payloads with the structured clone algorithm; so does the stand-in. */
export function ipcClone<T>(value: T, where: string): T {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new StandinRuleError(`${where}: An object could not be cloned (${error instanceof Error ? error.message : String(error)})`);
  }
}
