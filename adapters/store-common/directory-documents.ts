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
 * A subscription's update on import: the file sets its fields, but supporters are only ever added
 * ($addToSet), so an import never drops a partner that an approval added since.
 */
export function subscriptionImportUpdate(s: Subscription): Doc {
  const { id: _id, supportedBy, termEndsOn, ...fields } = s;
  return {
    $set: { ...withoutUndefined(fields), ...(termEndsOn ? { termEndsOn } : {}) },
    ...(termEndsOn ? {} : { $unset: { termEndsOn: true } }),
    $addToSet: { supportedBy: { $each: supportedBy } },
  };
}

export function subscriptionFromDocument(doc: Doc): Subscription {
  const { _id, ...rest } = doc;
  return SubscriptionSchema.parse({ ...rest, id: _id });
}
