import { Schema, type Connection, type Model } from 'mongoose';
import { STRICT_SCHEMA, type StoredDoc } from './schema-options';

/**
 * Small records about the directory as a whole: `organization-names` holds the names generation (see
 * SavedOrganizationIndexPort), `organization-index` says which saved parts make up the index of which
 * generation.
 */
const directoryMetaSchema = new Schema(
  {
    _id: { type: String, required: true },
    generation: { type: Number, required: true },
    build: String,
    parts: Number,
    bytes: Number,
  },
  { ...STRICT_SCHEMA, collection: 'directory_meta' },
);

/** The saved organization-name index in parts well under MongoDB's 16 MB document limit, per build. */
const organizationIndexPartSchema = new Schema(
  {
    _id: { type: String, required: true },
    build: { type: String, required: true },
    generation: { type: Number, required: true },
    part: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { ...STRICT_SCHEMA, collection: 'organization_index_parts' },
);
organizationIndexPartSchema.index({ build: 1, part: 1 });
organizationIndexPartSchema.index({ generation: 1 });

export interface OrganizationIndexModels {
  directoryMeta: Model<StoredDoc>;
  organizationIndexParts: Model<StoredDoc>;
}

export function organizationIndexModels(conn: Connection): OrganizationIndexModels {
  return {
    directoryMeta: conn.model<StoredDoc>('DirectoryMeta', directoryMetaSchema),
    organizationIndexParts: conn.model<StoredDoc>('OrganizationIndexPart', organizationIndexPartSchema),
  };
}
