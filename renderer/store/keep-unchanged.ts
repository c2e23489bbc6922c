/**
 * Every snapshot from main arrives as fresh objects, even for items that did not change. Keeping
 * the previous object for an item (a call, a participant) equal in value lets memoised rows skip
 * rendering: on a busy line one call changes and one row renders, not five hundred.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[], next: readonly T[]): T[] {
  const before = new Map(previous.map((call) => [call.id, call]));
  let allKept = previous.length === next.length;
  const merged = next.map((call, i) => {
    const old = before.get(call.id);
    const kept = old !== undefined && sameValue(old, call) ? old : call;
    if (kept !== previous[i]) allKept = false;
    return kept;
  });
  // Nothing moved or changed: the same array, so list selectors see no change either.
  return allKept ? (previous as T[]) : merged;
}

/** Structural equality for JSON-shaped values (what crosses the bridge). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
