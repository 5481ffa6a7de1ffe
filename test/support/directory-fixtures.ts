import { parseDirectory, PlatformIdentitySchema, type DirectoryData, type DirectorySection, type PlatformIdentity } from '../../domain';

/**
 * A small directory for the store contract tests: a distributor, two resellers, a direct-bill
 * partner, two customers, people with Teams and Slack identities, and one of each relationship.
 * Built through parseDirectory so that it is exactly what an import would hand a store.
 */
export const TENANTS = {
  acme: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  blue: '1b2c3d4e-5f60-4b7c-9d8e-0f1a2b3c4d5e',
  green: '2c3d4e5f-6071-4c8d-ae9f-1a2b3c4d5e6f',
  fab: '3d4e5f60-7182-4d9e-bfa0-2b3c4d5e6f70',
  contoso: '4e5f6071-8293-4eaf-80b1-3c4d5e6f7081',
  litware: '5f607182-93a4-4fb0-91c2-4d5e6f708192',
} as const;

const RAW_IDENTITIES = {
  acmeAdminTeams: { platform: 'teams', aadObjectId: 'aaaaaaaa-1111-4222-8333-444455556666', tenantId: TENANTS.acme },
  blueUserSlack: { platform: 'slack', teamId: 'T0BLUE01', userId: 'U0BLUE01' },
  blueUserTeams: { platform: 'teams', aadObjectId: 'bbbbbbbb-1111-4222-8333-444455556666' },
  contosoAdminSlack: { platform: 'slack', teamId: 'T0CONTOSO', userId: 'U0CADMIN' },
} as const;

/** The people's identities, parsed (as a Teams or Slack adapter would hand them to the directory). */
export const IDENTITIES = Object.fromEntries(
  Object.entries(RAW_IDENTITIES).map(([k, v]) => [k, PlatformIdentitySchema.parse(v)]),
) as Record<keyof typeof RAW_IDENTITIES, PlatformIdentity>;

export const SUBSCRIPTION_IDS = {
  contosoEa: 'c0ffee00-0000-4000-8000-000000000001',
  contosoAzure: 'c0ffee00-0000-4000-8000-000000000002',
} as const;

/** The directory file as it would be read from YAML, before validation. */
export type RawDirectory = Record<DirectorySection, Array<Record<string, unknown>>>;

export function rawDirectory(): RawDirectory {
  return {
    organizations: [
      { id: 'acme-dist', kind: 'indirect_provider', name: 'Acme Distribution', nameJa: 'アクメ', partnerId: '4800001', tenantId: TENANTS.acme, country: 'JP', workloads: ['microsoft365', 'azure'] },
      { id: 'blue-reseller', kind: 'indirect_reseller', name: 'Blue Reseller', partnerId: '4800002', tenantId: TENANTS.blue, country: 'JP', workloads: ['microsoft365'] },
      { id: 'green-reseller', kind: 'indirect_reseller', name: 'Green Reseller', partnerId: '4800003', tenantId: TENANTS.green, country: 'JP', enrolled: false },
      { id: 'fab-direct', kind: 'direct_bill_partner', name: 'Fabrikam Direct', partnerId: '4800004', tenantId: TENANTS.fab, country: 'JP', workloads: ['azure'] },
      { id: 'contoso', kind: 'customer', name: 'Contoso', tenantId: TENANTS.contoso, country: 'JP', primaryDomain: 'contoso.onmicrosoft.com' },
      { id: 'litware', kind: 'customer', name: 'Litware', tenantId: TENANTS.litware, country: 'JP' },
    ],
    people: [
      { id: 'acme-admin', orgId: 'acme-dist', name: 'Aiko Admin', roles: ['admin'], locale: 'ja', identities: [RAW_IDENTITIES.acmeAdminTeams] },
      { id: 'blue-user', orgId: 'blue-reseller', name: 'Ben Blue', email: 'ben@blue.example', roles: ['requester'], identities: [RAW_IDENTITIES.blueUserSlack, RAW_IDENTITIES.blueUserTeams] },
      { id: 'blue-admin', orgId: 'blue-reseller', name: 'Bea Blue', roles: ['requester', 'admin'] },
      { id: 'contoso-admin', orgId: 'contoso', name: 'Carl Contoso', roles: ['admin'], timeZone: 'Asia/Tokyo', identities: [RAW_IDENTITIES.contosoAdminSlack] },
    ],
    links: [{ providerId: 'acme-dist', resellerId: 'blue-reseller', since: '2024-04-01T00:00:00.000Z' }],
    relationships: [{ partnerId: 'blue-reseller', customerId: 'contoso', workload: 'microsoft365' }],
    subscriptions: [
      { id: SUBSCRIPTION_IDS.contosoEa, customerId: 'contoso', name: 'Contoso E3 (EA)', workload: 'microsoft365', channel: 'ea', billing: 'license', termEndsOn: '2026-03-31T00:00:00.000Z' },
      { id: SUBSCRIPTION_IDS.contosoAzure, customerId: 'contoso', name: 'Contoso Azure', workload: 'azure', channel: 'microsoft_direct', billing: 'usage', supportedBy: ['fab-direct'] },
    ],
  };
}

/** The fixture, validated; `edit` changes the raw file first (to test re-imports). */
export function directoryFixture(edit?: (raw: RawDirectory) => void): DirectoryData {
  const raw = rawDirectory();
  edit?.(raw);
  const parsed = parseDirectory(raw);
  if (!parsed.ok) throw new Error(`directory fixture is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}
