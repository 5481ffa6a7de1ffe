import { PlatformSchema, type StoredReference } from '../../domain';

/**
 * A conversation reference is the platform's own opaque JSON; it is stored as a string so that none of
 * its keys can clash with the store's rules for field names or be read as an operator.
 */
export function referenceToDocument(ref: StoredReference): Record<string, unknown> {
  return {
    _id: ref.key,
    platform: ref.platform,
    ...(ref.personId !== undefined ? { personId: ref.personId } : {}),
    ...(ref.orgId !== undefined ? { orgId: ref.orgId } : {}),
    ...(ref.requestId !== undefined ? { requestId: ref.requestId } : {}),
    reference: JSON.stringify(ref.reference),
    updatedAt: ref.updatedAt,
  };
}

export function referenceFromDocument(doc: Record<string, unknown>): StoredReference {
  return {
    key: String(doc._id),
    platform: PlatformSchema.parse(doc.platform),
    ...(typeof doc.personId === 'string' ? { personId: doc.personId } : {}),
    ...(typeof doc.orgId === 'string' ? { orgId: doc.orgId } : {}),
    ...(typeof doc.requestId === 'string' ? { requestId: doc.requestId } : {}),
    reference: JSON.parse(String(doc.reference)) as Record<string, unknown>,
    updatedAt: new Date(doc.updatedAt as string | number | Date),
  };
}
