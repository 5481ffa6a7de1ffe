import type { Organization, PartnerCustomerRelationship, Person, ProviderResellerLink, Subscription } from '../../domain';
import { linkKey, personIdentityKeys, relationshipKey } from '../store-common';

/**
 * Issue 19: how the embedded directory lays out its records in LevelDB. Every key is parts joined by
 * NUL (no ID, name or slug holds one), so a prefix ending in NUL selects exactly one value of a field
 * and, LevelDB sorting keys bytewise, what follows comes in order (IDs, or name then ID).
 *
 * - `rec <kind> <id>`: the record (JSON of the domain record; dates as ISO strings, parsed back by the schema).
 * - `idx <index> <value> ... <id>`: a secondary index entry; its value is empty unless said.
 * - `uniq identity <key>`: the person holding a Teams or Slack identity (unique: the value is their ID).
 * - `meta org-name-index`: the recognizer's organization-name index as bytes, derived from the names
 *   (see LevelDirectory.saveOrganizationIndex); deleted in the same batch as any change to a name.
 */
export const SEP = '\u0000';
/** Above every character a key part holds (LevelDB compares UTF-8 bytes; 0xF4 starts the last code points). */
export const END = '\uffff';

export type RecordKind = 'org' | 'person' | 'link' | 'rel' | 'sub';

export const recordKey = (kind: RecordKind, id: string) => ['rec', kind, id].join(SEP);
export const recordPrefix = (kind: RecordKind) => ['rec', kind, ''].join(SEP);
export const indexPrefix = (index: string, ...values: string[]) => ['idx', index, ...values, ''].join(SEP);
export const ORGANIZATION_INDEX_KEY = ['meta', 'org-name-index'].join(SEP);
export const identityKeyOf = (identity: string) => ['uniq', 'identity', identity].join(SEP);

/** The last part of an index key: the record's ID. */
export const lastPart = (key: string) => key.slice(key.lastIndexOf(SEP) + 1);

/**
 * An organization's index entries: by tenant (lower case), Slack workspace or Enterprise Grid, kind,
 * Partner ID, and for findCandidates by kind then name, and kind, country then name (name and ID last,
 * so a scan comes ordered as candidates must be, by name then ID).
 */
export function organizationIndexKeys(o: Organization): string[] {
  // Callers may hand an import records built without the schema's defaults (no Slack lists): as none.
  const slack = [...((o.slackTeamIds as string[] | undefined) ?? []), ...((o.slackEnterpriseIds as string[] | undefined) ?? [])];
  return [
    indexPrefix('org.tenant', o.tenantId.toLowerCase()) + o.id,
    ...slack.map((w) => indexPrefix('org.slack', w) + o.id),
    indexPrefix('org.kind', o.kind) + o.id,
    ...('partnerId' in o ? [indexPrefix('org.partnerId', o.partnerId) + o.id] : []),
    indexPrefix('org.cand', o.kind) + o.name + SEP + o.id,
    indexPrefix('org.candc', o.kind, o.country) + o.name + SEP + o.id,
  ];
}

export const personIndexKeys = (p: Person): string[] => [indexPrefix('person.org', p.orgId) + p.id];
export const personIdentities = (p: Person): string[] => personIdentityKeys(p);

export function linkIndexKeys(l: ProviderResellerLink): string[] {
  const k = linkKey(l);
  return [indexPrefix('link.reseller', l.resellerId) + k, indexPrefix('link.provider', l.providerId) + k];
}

export function relationshipIndexKeys(r: PartnerCustomerRelationship): string[] {
  const k = relationshipKey(r);
  return [indexPrefix('rel.customer', r.customerId) + k, indexPrefix('rel.partner', r.partnerId) + k];
}

export const subscriptionIndexKeys = (s: Subscription): string[] => [indexPrefix('sub.customer', s.customerId) + s.id];
