/**
 * Lookups take keys that may come from people (a typed request ID, a card's data). Only a plain string
 * ever reaches a query filter: an object such as `{ "$gt": "" }` would be read as an operator, so
 * anything else is treated as "no such record" before the store is asked.
 */
const MAX_KEY_LENGTH = 1024;

export function asKey(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_KEY_LENGTH ? value : undefined;
}

export function asKeys(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const keys: string[] = [];
  for (const v of values as unknown[]) {
    const k = asKey(v);
    if (k !== undefined) keys.push(k);
  }
  return keys;
}

/** A positive whole-number limit, or the default. */
export function asLimit(value: unknown, fallback: number, max = 1000): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** A position in an audit trail as it may go into a field path (`audit.<i>.repeats`): a small whole number, nothing else. */
export function asAuditIndex(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1_000_000 ? value : undefined;
}

/** A real, valid Date (not a string or an invalid Date). */
export function isDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
