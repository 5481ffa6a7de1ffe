import type { PartnerCustomerRelationship, ProviderResellerLink } from '../../domain';

/**
 * Links and relationships have no ID of their own; their natural key is the document key, so adding
 * one twice (an approval retried, a directory imported again) finds the same record. Slugs contain no
 * ':' so the keys cannot collide.
 */
export const linkKey = (l: Pick<ProviderResellerLink, 'providerId' | 'resellerId'>) => `${l.providerId}:${l.resellerId}`;

export const relationshipKey = (r: Pick<PartnerCustomerRelationship, 'partnerId' | 'customerId' | 'workload'>) =>
  `${r.partnerId}:${r.customerId}:${r.workload}`;
