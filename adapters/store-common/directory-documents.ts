import {
  identityKey,
  OrganizationSchema,
  PartnerCustomerRelationshipSchema,
  PersonSchema,
  ProviderResellerLinkSchema,
  SubscriptionSchema,
  type Organization,
  type PartnerCustomerRelationship,
  type Person,
  type ProviderResellerLink,
  type Subscription,
} from '../../domain';
import { linkKey, relationshipKey } from './directory-keys';

/**
 * Directory records as both stores keep them: the domain record with its ID as the document key, and
 * undefined fields left out (a store must not turn "absent" into null). Reading goes back through the
 * domain's schema, so a record that no longer validates fails loudly instead of leaking into rules.
 */
type Doc = Record<string, unknown>;

export function withoutUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function organizationToDocument(o: Organization): Doc {
  const { id, ...rest } = o;
  return { _id: id, ...withoutUndefined(rest) };
}

/**
 * Whether writing `o` over what is stored (a record, or a document's name fields; undefined when there is
 * none) adds an organization or changes the names the recognizer matches: what moves the names generation.
 */
export function namesDiffer(stored: Readonly<Record<string, unknown>> | undefined, o: Organization): boolean {
  return !stored || stored.name !== o.name || (stored.nameJa ?? '') !== (o.nameJa ?? '');
}

export function organizationFromDocument(doc: Doc): Organization {
  const { _id, ...rest } = doc;
  return OrganizationSchema.parse({ ...rest, id: _id });
}

/** People carry `identityKeys` (one string per Teams/Slack identity) for a unique index and lookups. */
export function personToDocument(p: Person): Doc {
  const { id, ...rest } = p;
  return { _id: id, ...withoutUndefined(rest), identityKeys: personIdentityKeys(p) };
}

export const personIdentityKeys = (p: Person): string[] => [...new Set(p.identities.map(identityKey))];

export function personFromDocument(doc: Doc): Person {
  const { _id, identityKeys: _keys, ...rest } = doc;
  return PersonSchema.parse({ ...rest, id: _id });
}

export function linkToDocument(l: ProviderResellerLink): Doc {
  return { _id: linkKey(l), ...withoutUndefined(l) };
}

export function linkFromDocument(doc: Doc): ProviderResellerLink {
  const { _id, ...rest } = doc;
  return ProviderResellerLinkSchema.parse(rest);
}

export function relationshipToDocument(r: PartnerCustomerRelationship): Doc {
  return { _id: relationshipKey(r), ...withoutUndefined(r) };
}

export function relationshipFromDocument(doc: Doc): PartnerCustomerRelationship {
  const { _id, ...rest } = doc;
  return PartnerCustomerRelationshipSchema.parse(rest);
}

/**
 * A subscription as an import inserts it when it is not stored yet: what `subscriptionImportUpdate`
 * would make of it as an upsert (its fields, each supporter once, in the file's order).
 */
export function subscriptionToDocument(s: Subscription): Doc {
  const { id, supportedBy, ...fields } = s;
  return { _id: id, ...withoutUndefined(fields), supportedBy: [...new Set(supportedBy)] };
}

/**
 * A subscription's update on import: the file sets its fields, but supporters are only ever added
 * ($addToSet), so an import never drops a partner that an approval added since.
 */
export function subscriptionImportUpdate(s: Subscription): Doc {
  const { id: _id, supportedBy, ...fields } = s;
  const unset = absent(fields, SUBSCRIPTION_OPTIONAL);
  return {
    $set: withoutUndefined(fields),
    ...(unset ? { $unset: unset } : {}),
    $addToSet: { supportedBy: { $each: supportedBy } },
  };
}

/** A subscription's optional fields: absent in what is imported means absent in the store. */
const SUBSCRIPTION_OPTIONAL = ['termEndsOn', 'offerId', 'partnerOfRecord', 'status', 'syncedFrom', 'inactiveSince'] as const;
/** The Partner Center marks on a link or relationship: cleared by an import that does not set them (`since` is kept). */
const SYNC_MARKS = ['syncedFrom', 'inactiveSince'] as const;

function absent(fields: object, keys: readonly string[]): Record<string, true> | undefined {
  const missing = keys.filter((k) => (fields as Record<string, unknown>)[k] === undefined);
  return missing.length ? Object.fromEntries(missing.map((k) => [k, true] as const)) : undefined;
}

/**
 * A link's or relationship's update on import, from its document: its fields are set, `since` is kept
 * when not given (the first date stays), and the Partner Center marks it does not carry are removed.
 */
export function keyedImportUpdate(doc: Doc): { _id: string; update: Doc } {
  const { _id, ...fields } = doc;
  const unset = absent(fields, SYNC_MARKS);
  return { _id: String(_id), update: { $set: fields, ...(unset ? { $unset: unset } : {}) } };
}

export function subscriptionFromDocument(doc: Doc): Subscription {
  const { _id, ...rest } = doc;
  return SubscriptionSchema.parse({ ...rest, id: _id });
}
