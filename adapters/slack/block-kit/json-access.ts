/**
 * Defensive readers for untrusted Adaptive Card JSON: a card may come from a template, a file or a
 * person, so nothing is assumed about a property's type until it is checked.
 */
export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

export function getString(o: JsonRecord, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** A string, or a number rendered the way JavaScript's String() would (Adaptive Cards accept both). */
export function getText(o: JsonRecord, key: string): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function getNumber(o: JsonRecord, key: string): number | undefined {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function getBool(o: JsonRecord, key: string): boolean | undefined {
  const v = o[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function getArray(o: JsonRecord, key: string): unknown[] {
  const v = o[key];
  return Array.isArray(v) ? v : [];
}

/** Adaptive Card enum values are case-insensitive ("Bolder" and "bolder" mean the same). */
export function enumIs(o: JsonRecord, key: string, ...values: string[]): boolean {
  const v = getString(o, key)?.toLowerCase();
  return v !== undefined && values.includes(v);
}

/** Sets a key as an own data property, so ids such as "__proto__" stay ordinary keys. */
export function setOwn(target: JsonRecord, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
