import type { PartnerCustomerRelationship, ProviderResellerLink, Subscription } from '../../domain';

/**
 * Issue 19: what an import makes of a stored link, relationship or subscription, as the MongoDB and
 * nedb stores' update documents do (store-common/directory-documents.ts): the file's fields are set;
 * a link or relationship keeps its first `since` when the file gives none, and loses the Partner Center
 * marks the file does not carry; a subscription loses the optional fields the file does not carry, and
 * keeps every supporter (an approval may have added one since), the file's added after them.
 */
export function importedLink(old: ProviderResellerLink | undefined, l: ProviderResellerLink): ProviderResellerLink {
  return withoutUndefined({ ...l, since: l.since ?? old?.since });
}

export function importedRelationship(old: PartnerCustomerRelationship | undefined, r: PartnerCustomerRelationship): PartnerCustomerRelationship {
  return withoutUndefined({ ...r, since: r.since ?? old?.since });
}

export function importedSubscription(old: Subscription | undefined, s: Subscription): Subscription {
  return { ...withoutUndefined(s), supportedBy: [...new Set([...(old?.supportedBy ?? []), ...((s.supportedBy as string[] | undefined) ?? [])])] };
}

function withoutUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
