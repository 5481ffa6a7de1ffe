import { Schema, type Connection, type Model } from 'mongoose';
import { STRICT_SCHEMA, type StoredDoc } from './schema-options';

/** Short leases on one record (see ../write-locks.ts); `_id` is the record's name. */
const writeLockSchema = new Schema(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA, collection: 'write_locks' },
);

export const writeLockModel = (conn: Connection): Model<StoredDoc> => conn.model<StoredDoc>('WriteLock', writeLockSchema);
