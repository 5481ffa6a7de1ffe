import { z } from 'zod';
import { CloudSchema, CountrySchema } from './geography';
import { DomainNameSchema, PartnerIdSchema, SlackEnterpriseIdSchema, SlackTeamIdSchema, SlugSchema, TenantIdSchema } from './identifiers';
import { WorkloadSchema } from './workload';

/** Where a directory record was last written from, when not the directory file. */
export const SyncSourceSchema = z.literal('partner_center');

/** Whether a record is in use: Partner Center has not stopped showing it. */
export const isActive = (record: { inactiveSince?: Date }): boolean => record.inactiveSince === undefined;

export const ORGANIZATION_KINDS = ['indirect_provider', 'indirect_reseller', 'direct_bill_partner', 'customer'] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

const OrganizationBase = z.object({
  id: SlugSchema,
  name: z.string().trim().min(1).max(200),
  /** The name as Japanese users write it, when it differs (used for display and recognition). */
  nameJa: z.string().trim().min(1).max(200).optional(),
  tenantId: TenantIdSchema,
  country: CountrySchema,
  cloud: CloudSchema.default('public'),
  primaryDomain: DomainNameSchema.optional(),
  /** The Slack workspaces that belong to this organization (a message from one of them is from this organization). */
  slackTeamIds: z.array(SlackTeamIdSchema).max(100).default([]),
  /** Enterprise Grid organizations whose every workspace belongs to this organization (org-wide installs). */
  slackEnterpriseIds: z.array(SlackEnterpriseIdSchema).max(20).default([]),
  /** Set when Partner Center is where this record comes from (the directory sync wrote it). */
  syncedFrom: SyncSourceSchema.optional(),
  /** When Partner Center stopped showing it: kept (never deleted), but not offered as a choice. */
  inactiveSince: z.coerce.date().optional(),
  /**
   * Issue 16 (opt-in): the Entra group (object ID) whose members are this organization's admins on
   * Teams, read through Microsoft Graph. Approvers are then changed in the group, not in chat.
   */
  adminGroupId: TenantIdSchema.optional(),
});

const PartnerFields = {
  partnerId: PartnerIdSchema,
  /** Workloads the partner sells and supports. */
  workloads: z.array(WorkloadSchema).default([]),
  /**
   * Whether this tenant is the partner's CSP transacting tenant. Such a tenant can never be a customer of
   * another CSP partner; a partner's separate corporate tenant is modelled as a customer org instead.
   */
  cspTransactingTenant: z.boolean().default(true),
};

export const OrganizationSchema = z.discriminatedUnion('kind', [
  OrganizationBase.extend({
    kind: z.literal('indirect_provider'),
    ...PartnerFields,
    /** Authorized by Microsoft as an indirect provider in CSP. */
    authorized: z.boolean().default(true),
  }),
  OrganizationBase.extend({
    kind: z.literal('indirect_reseller'),
    ...PartnerFields,
    /** Enrolled in CSP as an indirect reseller. */
    enrolled: z.boolean().default(true),
  }),
  OrganizationBase.extend({ kind: z.literal('direct_bill_partner'), ...PartnerFields }),
  OrganizationBase.extend({
    kind: z.literal('customer'),
    /** Set when this customer tenant is in fact some CSP partner's transacting tenant. */
    cspTransactingTenant: z.boolean().default(false),
  }),
]);
export type Organization = z.infer<typeof OrganizationSchema>;
export type OrganizationInput = z.input<typeof OrganizationSchema>;
export type PartnerOrganization = Exclude<Organization, { kind: 'customer' }>;

/** Partners that sell to customers: resellers (through their provider) and direct-bill partners. */
export function sellsToCustomers(org: Organization): org is PartnerOrganization {
  return org.kind === 'indirect_reseller' || org.kind === 'direct_bill_partner';
}

export function displayName(org: Pick<Organization, 'name' | 'nameJa'>, locale: 'en' | 'ja'): string {
  return locale === 'ja' && org.nameJa ? org.nameJa : org.name;
}
