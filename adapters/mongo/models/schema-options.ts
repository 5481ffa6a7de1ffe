import type { SchemaOptions } from 'mongoose';

/**
 * Every model: our own string `_id` (the domain's ID or natural key), no `__v`, and unknown fields
 * are an error in writes and in filters, so a typo or a stray key from outside can never be stored
 * or silently widen a query. Indexes are built explicitly when the store opens (not in the background)
 * so that unique rules hold before the first write.
 */
export const STRICT_SCHEMA = {
  versionKey: false,
  strict: 'throw',
  strictQuery: 'throw',
  id: false,
  autoIndex: false,
} as const satisfies SchemaOptions;

/** The stored shape every adapter reads back with `.lean()` before mapping it through a domain schema. */
export type StoredDoc = { _id: string } & Record<string, unknown>;

/** Arrays are left out rather than defaulted to [] so that stored records match what was written. */
export const OPTIONAL_STRINGS = { type: [String], default: undefined };
