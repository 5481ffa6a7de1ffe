/**
 * Generated directories for the scale benchmark (issue 19), in the directory file's own format (the
 * README's "The directory file"), deterministic from a seed: the same size and seed give the same bytes.
 *
 * Sizes: S ≈ 100 organizations, M ≈ 10,000, L ≈ 100,000 (200 distributors, 20,000 resellers, 80,000
 * customers). Every organization has an admin with a Teams identity; resellers are linked with one or two
 * authorized distributors of their own country and cloud; each customer has one or two partners and one to
 * three subscriptions, some bought outside CSP (so that multi-channel has something to offer).
 */
import { seededRandom } from '../../domain/seeded-random';

export type DirectorySize = 'S' | 'M' | 'L';

export const DIRECTORY_SIZES: Record<DirectorySize, { distributors: number; resellers: number; customers: number }> = {
  S: { distributors: 2, resellers: 20, customers: 80 },
  M: { distributors: 20, resellers: 2_000, customers: 8_000 },
  L: { distributors: 200, resellers: 20_000, customers: 80_000 },
};

type Json = Record<string, unknown>;
export interface GeneratedDirectory {
  organizations: Json[];
  people: Json[];
  links: Json[];
  relationships: Json[];
  subscriptions: Json[];
}

const COUNTRIES = ['JP', 'JP', 'JP', 'US', 'US', 'DE', 'FR', 'GB', 'AU', 'SG'] as const;
const WORDS = ['Aoba', 'Birch', 'Cobalt', 'Delta', 'Ember', 'Fern', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Maple', 'Nimbus', 'Onyx', 'Pine', 'Quartz', 'River', 'Summit', 'Tide', 'Umber', 'Vale', 'Willow', 'Yuzu', 'Zephyr'];
const KINDS = { distributor: ['Distribution', 'Supply', 'Wholesale'], reseller: ['IT', 'Cloud Partners', 'Systems', 'Solutions'], customer: ['Manufacturing', 'Logistics', 'Foods', 'Retail', 'Clinic', 'Bank', 'Studio'] };
const WORKLOAD_SETS = [['microsoft365', 'azure'], ['microsoft365'], ['azure', 'dynamics365'], ['microsoft365', 'azure', 'dynamics365', 'power_platform']];
const OUTSIDE_CSP = ['microsoft_direct', 'ea', 'open', 'advisor', 'third_party'] as const;

export function generateDirectory(size: DirectorySize, seed = 1): GeneratedDirectory {
  const n = DIRECTORY_SIZES[size];
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const hex = (len: number) => Array.from({ length: len }, () => Math.floor(rand() * 16).toString(16)).join('');
  const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const nameOf = (kind: keyof typeof KINDS, i: number) => `${pick(WORDS)} ${pick(WORDS)} ${pick(KINDS[kind])} ${i + 1}`;
  const out: GeneratedDirectory = { organizations: [], people: [], links: [], relationships: [], subscriptions: [] };
  const admin = (orgId: string, tenantId: string, name: string, roles: string[]) =>
    out.people.push({ id: `${orgId}-admin`, orgId, name: `Admin of ${name}`, roles, identities: [{ platform: 'teams', aadObjectId: guid(), tenantId }] });
  const cloudOf = (country: string) => (country === 'US' && rand() < 0.1 ? 'us_government' : 'public');

  const distributors: { id: string; country: string; cloud: string }[] = [];
  for (let i = 0; i < n.distributors; i++) {
    const id = `dist-${i + 1}`;
    // Every country (and the US Government cloud) has distributors, so every reseller can be linked.
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const cloud = country === 'US' && i % 20 === 3 ? 'us_government' : 'public';
    const tenantId = guid();
    const name = nameOf('distributor', i);
    out.organizations.push({ id, kind: 'indirect_provider', name, partnerId: String(4_000_000 + i), tenantId, country, cloud, workloads: ['microsoft365', 'azure', 'dynamics365', 'power_platform'], authorized: rand() > 0.05 });
    admin(id, tenantId, name, ['requester', 'admin']);
    distributors.push({ id, country, cloud });
  }
  const authorizedIn = (country: string, cloud: string) =>
    distributors.filter((d, i) => d.country === country && d.cloud === cloud && out.organizations[i]!.authorized === true);

  const resellers: { id: string; country: string; cloud: string; workloads: string[] }[] = [];
  for (let i = 0; i < n.resellers; i++) {
    const id = `reseller-${i + 1}`;
    const country = pick(COUNTRIES);
    let cloud = cloudOf(country);
    if (authorizedIn(country, cloud).length === 0) cloud = 'public';
    const tenantId = guid();
    const name = nameOf('reseller', i);
    const workloads = pick(WORKLOAD_SETS);
    const enrolled = rand() > 0.03;
    out.organizations.push({ id, kind: 'indirect_reseller', name, partnerId: String(5_000_000 + i), tenantId, country, cloud, workloads, enrolled });
    admin(id, tenantId, name, ['requester', 'admin']);
    const choices = authorizedIn(country, cloud);
    const linkCount = choices.length === 0 || rand() < 0.1 ? 0 : rand() < 0.7 ? 1 : 2;
    const linked = new Set<string>();
    for (let k = 0; k < linkCount; k++) linked.add(pick(choices).id);
    for (const providerId of linked) out.links.push({ providerId, resellerId: id, since: '2024-04-01' });
    resellers.push({ id, country, cloud, workloads });
  }

  for (let i = 0; i < n.customers; i++) {
    const id = `customer-${i + 1}`;
    const country = pick(COUNTRIES);
    const tenantId = guid();
    const name = nameOf('customer', i);
    out.organizations.push({ id, kind: 'customer', name, tenantId, country, cloud: cloudOf(country) });
    admin(id, tenantId, name, ['requester', 'admin']);
    const partners = new Set<string>();
    const partnerCount = rand() < 0.6 ? 1 : 2;
    for (let k = 0; k < partnerCount; k++) partners.add(pick(resellers).id);
    for (const partnerId of partners) out.relationships.push({ partnerId, customerId: id, workload: pick(['microsoft365', 'azure']), since: '2024-05-20' });
    const subscriptionCount = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < subscriptionCount; k++) {
      const usage = rand() < 0.4;
      out.subscriptions.push({
        id: guid(),
        customerId: id,
        name: usage ? `Azure plan ${k + 1}` : `Microsoft 365 E3 ${k + 1}`,
        workload: usage ? 'azure' : 'microsoft365',
        channel: rand() < 0.5 ? 'csp_partner' : pick(OUTSIDE_CSP),
        billing: usage ? 'usage' : 'license',
        ...(usage ? {} : { termEndsOn: `202${7 + Math.floor(rand() * 2)}-0${1 + Math.floor(rand() * 9)}-28` }),
      });
    }
  }
  return out;
}
