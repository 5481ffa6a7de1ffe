import { Schema, type Connection, type Model } from 'mongoose';
import { STRICT_SCHEMA, type StoredDoc } from './schema-options';

/** The durable inbox; `_id` is the platform's event ID, so a second claim is a duplicate-key error. */
const inboxEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    payload: { type: String, required: true },
    status: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    completedAt: Date,
    attempts: { type: Number, required: true },
    /** Recovery's lease: until then, the instance that took the delivery over is working on it. */
    leasedUntil: Date,
  },
  { ...STRICT_SCHEMA, collection: 'inbox_events' },
);
inboxEventSchema.index({ status: 1, receivedAt: 1 });

export const inboxEventModel = (conn: Connection): Model<StoredDoc> => conn.model<StoredDoc>('InboxEvent', inboxEventSchema);
