import { Schema, type Connection, type Model } from 'mongoose';
import { STRICT_SCHEMA, type StoredDoc } from './schema-options';

/** botbuilder state: the item as a JSON string, never as fields (see store-common/state-item). */
const conversationStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    json: { type: String, required: true },
    eTag: { type: String, required: true },
  },
  { ...STRICT_SCHEMA, collection: 'conversation_state' },
);

const referenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    personId: String,
    orgId: String,
    requestId: String,
    reference: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA, collection: 'conversation_references' },
);
referenceSchema.index({ personId: 1 });
referenceSchema.index({ requestId: 1 });

export interface ConversationModels {
  state: Model<StoredDoc>;
  references: Model<StoredDoc>;
}

export const conversationModels = (conn: Connection): ConversationModels => ({
  state: conn.model<StoredDoc>('ConversationState', conversationStateSchema),
  references: conn.model<StoredDoc>('ConversationReference', referenceSchema),
});
