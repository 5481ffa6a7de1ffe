import { Schema, type Connection, type Model } from 'mongoose';
import { OPTIONAL_STRINGS, STRICT_SCHEMA, type StoredDoc } from './schema-options';

/** Organizations: one schema for every kind; the kind-specific fields are optional. */
const organizationSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    name: { type: String, required: true },
    nameJa: String,
    tenantId: { type: String, required: true },
    /** tenantId in lower case: what lookups by tenant compare (Entra GUIDs are case-insensitive). */
    tenantKey: String,
    country: { type: String, required: true },
    cloud: String,
    primaryDomain: String,
    partnerId: String,
    workloads: OPTIONAL_STRINGS,
    cspTransactingTenant: Boolean,
    authorized: Boolean,
    enrolled: Boolean,
    slackTeamIds: OPTIONAL_STRINGS,
    slackEnterpriseIds: OPTIONAL_STRINGS,
    syncedFrom: String,
    inactiveSince: Date,
    adminGroupId: String,
  },
  { ...STRICT_SCHEMA, collection: 'organizations' },
);
organizationSchema.index({ kind: 1 });
organizationSchema.index({ tenantKey: 1 });
organizationSchema.index({ partnerId: 1 });
organizationSchema.index({ slackTeamIds: 1 });
organizationSchema.index({ slackEnterpriseIds: 1 });
// Issue 19: eligibility's candidates (DirectoryPort.findCandidates), by market and kind, in name order.
organizationSchema.index({ country: 1, cloud: 1, kind: 1, name: 1 });

const personSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    name: { type: String, required: true },
    email: String,
    roles: OPTIONAL_STRINGS,
    locale: String,
    timeZone: String,
    identities: { type: [Schema.Types.Mixed], default: undefined },
    identityKeys: OPTIONAL_STRINGS,
  },
  { ...STRICT_SCHEMA, collection: 'people' },
);
personSchema.index({ orgId: 1 });

/**
 * One document per Teams/Slack identity, keyed by identityKey. A unique index on the people's
 * `identityKeys` array would do on MongoDB, but FerretDB 1.24 indexes an array as one value (it would
 * only refuse two identical lists), so identity ownership is enforced by this collection's `_id`.
 */
const personIdentitySchema = new Schema(
  { _id: { type: String, required: true }, personId: { type: String, required: true } },
  { ...STRICT_SCHEMA, collection: 'person_identities' },
);
personIdentitySchema.index({ personId: 1 });

/** Links and relationships are keyed by their natural key (see store-common/directory-keys). */
const linkSchema = new Schema(
  {
    _id: { type: String, required: true },
    providerId: { type: String, required: true },
    resellerId: { type: String, required: true },
    since: Date,
    syncedFrom: String,
    inactiveSince: Date,
  },
  { ...STRICT_SCHEMA, collection: 'links' },
);
linkSchema.index({ providerId: 1 });
linkSchema.index({ resellerId: 1 });

const relationshipSchema = new Schema(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    customerId: { type: String, required: true },
    workload: { type: String, required: true },
    since: Date,
    syncedFrom: String,
    inactiveSince: Date,
  },
  { ...STRICT_SCHEMA, collection: 'relationships' },
);
relationshipSchema.index({ partnerId: 1 });
relationshipSchema.index({ customerId: 1 });

const subscriptionSchema = new Schema(
  {
    _id: { type: String, required: true },
    customerId: { type: String, required: true },
    name: { type: String, required: true },
    workload: { type: String, required: true },
    channel: { type: String, required: true },
    billing: { type: String, required: true },
    termEndsOn: Date,
    supportedBy: OPTIONAL_STRINGS,
    offerId: String,
    partnerOfRecord: String,
    status: String,
    syncedFrom: String,
    inactiveSince: Date,
  },
  { ...STRICT_SCHEMA, collection: 'subscriptions' },
);
subscriptionSchema.index({ customerId: 1 });

export interface DirectoryModels {
  organizations: Model<StoredDoc>;
  people: Model<StoredDoc>;
  identities: Model<StoredDoc>;
  links: Model<StoredDoc>;
  relationships: Model<StoredDoc>;
  subscriptions: Model<StoredDoc>;
}

export function directoryModels(conn: Connection): DirectoryModels {
  return {
    organizations: conn.model<StoredDoc>('Organization', organizationSchema),
    people: conn.model<StoredDoc>('Person', personSchema),
    identities: conn.model<StoredDoc>('PersonIdentity', personIdentitySchema),
    links: conn.model<StoredDoc>('ProviderResellerLink', linkSchema),
    relationships: conn.model<StoredDoc>('PartnerCustomerRelationship', relationshipSchema),
    subscriptions: conn.model<StoredDoc>('Subscription', subscriptionSchema),
  };
}
