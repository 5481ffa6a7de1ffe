import { MAX_TTL_MS } from '../../domain';
import { asKey } from './query-keys';
import { StoreError } from './store-errors';

/** A key-value entry as both stores keep it: `{ _id: key, value, expiresAt }`. */
export interface KeyValueDocument {
  _id: string;
  value: string;
  expiresAt: Date;
}

/** Checks a set() before it reaches a store: a string key and value, a time to live within bounds. */
export function keyValueDocument(key: unknown, value: unknown, ttlMs: unknown, now: Date): KeyValueDocument {
  const k = asKey(key);
  if (k === undefined) throw new StoreError('KEY_VALUE_INVALID', 'A key-value entry needs a string key of at most 1024 characters.');
  if (typeof value !== 'string') throw new StoreError('KEY_VALUE_INVALID', `The value of "${k}" must be a string.`);
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL_MS) {
    throw new StoreError('KEY_VALUE_INVALID', `The time to live of "${k}" must be a number of milliseconds above 0 and at most a year.`);
  }
  return { _id: k, value, expiresAt: new Date(now.getTime() + ttlMs) };
}
