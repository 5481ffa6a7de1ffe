import { CodedError } from '../errors';

/**
 * Key-value state with optimistic concurrency, shaped exactly like botbuilder's `Storage` so that an
 * implementation can be handed to botbuilder as it is (the domain stays free of botbuilder's types).
 *
 * - read(keys) returns the items found (missing keys are absent), each with its current `eTag`.
 * - write(changes) stores each item; if an item carries an `eTag` other than '*' and it does not match
 *   the stored one (or the item no longer exists), the write of that item fails with an error whose
 *   message contains 'eTag conflict' and nothing of that item is written.
 *   An item with no eTag, or eTag '*', is written unconditionally. Every write assigns a new eTag and
 *   puts it on the item it was given, so the writer can write again conditionally without reading.
 * - delete(keys) removes them; missing keys are not an error.
 */
export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StoreItems = Record<string, StoreItem>;

export interface ConversationStatePort {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class ETagConflictError extends CodedError<'ETAG_CONFLICT'> {
  constructor(readonly key: string) {
    super('ETAG_CONFLICT', `eTag conflict on "${key}": it was changed by another turn; reload and try again.`);
  }
}
