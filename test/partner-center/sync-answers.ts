import nock from 'nock';
import { parseDirectory } from '../../domain';
import { PC_BASE, fixture, replyWith, type PcFixture } from './pc-fixtures';

/**
 * Partner Center answering a whole directory sync, from the documented fixtures (see fixtures/SOURCES.md):
 * the operator's profile, its indirect resellers, two pages of customers, and each customer's details,
 * subscriptions and partners. Shared by the sync service test and the `partner-link sync` command test.
 */
export const OPERATOR = '3b33e682-00c3-41ee-9dd2-a548adf56438';
export const CONTOSO = 'b44bb1fb-c595-45b0-9e09-d657365580bf';
export const FABRIKAM = '45c44870-ef77-4fdd-b6fe-3dacb075cff2';
export const NORTHWIND = '7f4c1a2b-3d5e-4f60-8a9b-0c1d2e3f4a5b';
export const CONTINUATION = { 'MS-ContinuationToken': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1' };
export const NOW = new Date('2026-06-15T03:00:00.000Z');

/** What the directory file set before any sync: the operator, a customer Partner Center also knows, and records it does not. */
export function directoryFile() {
  const parsed = parseDirectory({
    organizations: [
      { id: 'adatum', kind: 'indirect_provider', name: 'Adatum', nameJa: 'アデータム', partnerId: '4800100', tenantId: OPERATOR, country: 'JP', workloads: ['microsoft365', 'azure'] },
      { id: 'contoso-jp', kind: 'customer', name: 'Contoso (file)', nameJa: 'コントソ', tenantId: CONTOSO, country: 'JP', slackTeamIds: ['T0CONTOSO'] },
      { id: 'local-reseller', kind: 'indirect_reseller', name: 'Local Reseller', partnerId: '4800200', tenantId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', country: 'JP', workloads: ['microsoft365'] },
      { id: 'file-customer', kind: 'customer', name: 'File Customer', tenantId: '7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e', country: 'JP' },
    ],
    people: [
      { id: 'adatum-admin', orgId: 'adatum', name: 'Ada Admin', roles: ['admin'] },
      { id: 'contoso-admin', orgId: 'contoso-jp', name: 'Carl Contoso', roles: ['requester', 'admin'], identities: [{ platform: 'slack', teamId: 'T0CONTOSO', userId: 'U0CADMIN' }] },
    ],
    links: [{ providerId: 'adatum', resellerId: 'local-reseller', since: '2024-01-01' }],
    relationships: [{ partnerId: 'local-reseller', customerId: 'file-customer', workload: 'microsoft365' }],
    subscriptions: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.data;
}

export function customerDetails(tenantId: string, companyName: string, domain: string): PcFixture {
  const f = fixture('customer-by-id');
  const body = structuredClone(f.body) as { id: string; companyProfile: Record<string, string> };
  body.id = tenantId;
  Object.assign(body.companyProfile, { tenantId, companyName, domain });
  return { ...f, body };
}

export const reply = (scope: nock.Interceptor, f: PcFixture) => scope.reply(f.status, JSON.stringify(f.body), f.headers);

const CUSTOMERS = {
  [CONTOSO]: { name: 'Contoso Japan', domain: 'contosojp.onmicrosoft.com', subscriptions: 'subscriptions' },
  [FABRIKAM]: { name: 'Fabrikam KK', domain: 'fabrikamkk.onmicrosoft.com', subscriptions: 'subscriptions-fabrikam' },
  [NORTHWIND]: { name: 'Northwind Traders', domain: 'northwind.onmicrosoft.com', subscriptions: 'subscriptions-empty' },
} as const;

/** The details, subscriptions and partners of one customer; `throttleSubscriptions`: a 429 comes first. */
export function answerCustomer(tenantId: keyof typeof CUSTOMERS, opts: { throttleSubscriptions?: boolean; onlyFirstSubscription?: boolean } = {}): void {
  const c = CUSTOMERS[tenantId];
  reply(nock(PC_BASE).get(`/customers/${tenantId}`), customerDetails(tenantId, c.name, c.domain));
  if (opts.throttleSubscriptions) replyWith(nock(PC_BASE).get(`/customers/${tenantId}/subscriptions`), 'throttled-429');
  if (opts.onlyFirstSubscription) {
    const subs = fixture(c.subscriptions);
    const body = structuredClone(subs.body) as { items: unknown[]; totalCount: number };
    Object.assign(body, { items: body.items.slice(0, 1), totalCount: 1 });
    reply(nock(PC_BASE).get(`/customers/${tenantId}/subscriptions`), { ...subs, body });
  } else replyWith(nock(PC_BASE).get(`/customers/${tenantId}/subscriptions`), c.subscriptions);
  replyWith(nock(PC_BASE).get(`/customers/${tenantId}/relationships`), 'customer-relationships');
}

export function answerStart(opts: { releCloudGone?: boolean } = {}): void {
  replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
  const resellers = fixture('indirect-resellers');
  if (opts.releCloudGone) {
    const body = structuredClone(resellers.body) as { items: unknown[]; totalCount: number };
    body.items = body.items.slice(0, 1);
    body.totalCount = 1;
    reply(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), { ...resellers, body });
  } else replyWith(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers');
}

export function answerPage2(): void {
  replyWith(nock(PC_BASE, { reqheaders: CONTINUATION }).get('/customers').query({ size: '2', seekOperation: 'Next' }), 'customers-page-2');
}

/** A whole run's answers, in order; `northwindGone`: the customer list is one page without Northwind. */
/** The first page of customers, whatever page size the caller asks for (the next link then says size=2, as the fixture does). */
export const FIRST_PAGE = (q: Record<string, unknown>) => typeof q.size === 'string' && q.seekOperation === undefined;

export function answerFullRun(opts: { northwindGone?: boolean; releCloudGone?: boolean; fabrikamAzureGone?: boolean } = {}): void {
  answerStart(opts);
  if (opts.northwindGone) {
    const page = fixture('customers-page-1');
    const body = structuredClone(page.body) as { links: Record<string, unknown> };
    delete body.links.next;
    reply(nock(PC_BASE).get('/customers').query(FIRST_PAGE), { ...page, body });
  } else replyWith(nock(PC_BASE).get('/customers').query(FIRST_PAGE), 'customers-page-1');
  answerCustomer(CONTOSO);
  answerCustomer(FABRIKAM, { onlyFirstSubscription: opts.fabrikamAzureGone ?? false });
  if (!opts.northwindGone) {
    answerPage2();
    answerCustomer(NORTHWIND);
  }
}

