import { Schema, type Connection, type Model } from 'mongoose';
import { OPTIONAL_STRINGS, STRICT_SCHEMA, type StoredDoc } from './schema-options';

/**
 * A request as one document: the whole PartnerRequest (nested parts the domain validates are Mixed;
 * they are parsed through RequestSchema on the way out) plus the two derived index fields.
 */
const requestSchema = new Schema(
  {
    _id: { type: String, required: true },
    subject: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    requester: {
      personId: { type: String, required: true },
      orgId: { type: String, required: true },
      platform: { type: String, required: true },
    },
    steps: { type: [Schema.Types.Mixed], default: undefined },
    stage: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    checks: OPTIONAL_STRINGS,
    decision: Schema.Types.Mixed,
    audit: { type: [Schema.Types.Mixed], default: undefined },
    /** Issue 15: the reminders sent so far (see ReminderStateSchema). */
    reminders: Schema.Types.Mixed,
    /** Issue 17: the Partner Center check of a request filed "not yet verified" (see PartnerCheckSchema). */
    partnerCheck: Schema.Types.Mixed,
    /** Issue 17: a completing request's last failed question to Partner Center (see FulfilmentCheckSchema). */
    fulfilmentCheck: Schema.Types.Mixed,
    /** Issue 17: an add-partner request's relationship link and GDAP progress (see FulfilmentSchema), and whether the schedule still has work on it. */
    fulfilment: Schema.Types.Mixed,
    fulfilmentDue: Boolean,
    openKey: { type: String, required: true },
    awaitingOrgId: { type: String, default: null },
    // The request's outbox (domain/notices.ts): what people must still be told, and its revision.
    notices: { type: [Schema.Types.Mixed], default: undefined },
    noticesRev: Number,
    // The token of the last write lock holder that wrote it (the fencing check, ../write-locks.ts).
    fence: String,
  },
  { ...STRICT_SCHEMA, collection: 'requests' },
);
// The rule "at most one open request per subject key", enforced by the server on every insert/update.
requestSchema.index({ openKey: 1 }, { unique: true });
requestSchema.index({ awaitingOrgId: 1, createdAt: 1 });
requestSchema.index({ 'requester.personId': 1, createdAt: -1 });
requestSchema.index({ status: 1, expiresAt: 1 });
requestSchema.index({ 'notices.nextAt': 1 });
requestSchema.index({ 'partnerCheck.state': 1, 'partnerCheck.nextAt': 1 });
requestSchema.index({ fulfilmentDue: 1, updatedAt: 1 });

export const requestModel = (conn: Connection): Model<StoredDoc> => conn.model<StoredDoc>('PartnerRequest', requestSchema);
