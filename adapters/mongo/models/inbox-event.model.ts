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
    /** When it is next due (absent on records written before due times existed: receivedAt). */
    dueAt: Date,
    completedAt: Date,
    deadReason: String,
    attempts: { type: Number, required: true },
    /** Recovery's lease: until then, the instance that took the delivery over is working on it. */
    leasedUntil: Date,
  },
  { ...STRICT_SCHEMA, collection: 'inbox_events' },
);
inboxEventSchema.index({ status: 1, receivedAt: 1 });
inboxEventSchema.index({ source: 1, status: 1, dueAt: 1 });

export const inboxEventModel = (conn: Connection): Model<StoredDoc> => conn.model<StoredDoc>('InboxEvent', inboxEventSchema);

/** Values with a time to live (KeyValuePort); expiry is read and pruned by the adapter. */
const keyValueSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA, collection: 'key_values' },
);
keyValueSchema.index({ expiresAt: 1 });

export const keyValueModel = (conn: Connection): Model<StoredDoc> => conn.model<StoredDoc>('KeyValue', keyValueSchema);

/** Slack installations (SlackInstallationPort); `sealed` is encrypted by the Slack adapter. */
const slackInstallationSchema = new Schema(
  {
    _id: { type: String, required: true },
    teamId: String,
    enterpriseId: String,
    isEnterpriseInstall: { type: Boolean, required: true },
    installerUserId: String,
    installedAt: { type: Date, required: true },
    sealed: { type: String, required: true },
  },
  { ...STRICT_SCHEMA, collection: 'slack_installations' },
);

export const slackInstallationModel = (conn: Connection): Model<StoredDoc> => conn.model<StoredDoc>('SlackInstallation', slackInstallationSchema);
