/**
 * Freezes a value and everything reachable from it, so that an answer shared between callers (a cached
 * directory read) cannot be changed by one of them. An object already frozen is taken as frozen through.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
