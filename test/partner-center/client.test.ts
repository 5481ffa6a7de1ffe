import nock from 'nock';
import { PartnerCenterError } from '../../app/ports/partner-center.port';
import { PartnerCenterClient, type PcAuthMode } from '../../adapters/partner-center/partner-center.client';
import { PC_BASE, PC_ORIGIN, fixture, replyWith } from './pc-fixtures';

const APP_TOKEN = 'app-token-eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-app';
const USER_TOKEN = 'user-token-eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-user';
const CUSTOMER = 'eebd1b55-5360-4438-a11d-5c06918c3014';

function setup(overrides: { maxAttempts?: number } = {}) {
  const waits: number[] = [];
  const modes: PcAuthMode[] = [];
  let n = 0;
  const client = new PartnerCenterClient({
    baseUrl: PC_BASE,
    tokens: { token: async (mode) => (modes.push(mode), mode === 'app' ? APP_TOKEN : USER_TOKEN) },
    sleep: async (ms) => void waits.push(ms),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    locale: 'ja-JP',
    ...overrides,
  });
  return { client, waits, modes };
}

async function collect<T>(pages: AsyncIterable<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const p of pages) all.push(...p.items);
  return all;
}

async function failure(p: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PartnerCenterError);
    return e as PartnerCenterError;
  }
  throw new Error('expected the call to fail');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('PartnerCenterClient against the documented fixtures', () => {
  test('sends the bearer token, Accept, a GUID MS-RequestId and MS-CorrelationId, X-Locale', async () => {
    const { client, modes } = setup();
    let seen: Record<string, string | string[] | undefined> = {};
    const scope = nock(PC_ORIGIN).get(`/v1/customers/${CUSTOMER}`);
    scope.reply(function () {
      seen = this.req.headers;
      return [200, JSON.stringify(fixture('customer-by-id').body), { 'Content-Type': 'application/json' }];
    });
    const c = await client.getCustomer(CUSTOMER);
    expect(c).toEqual({ tenantId: CUSTOMER, companyName: 'Tailspin Toys', domain: 'abcdefgh1234.ccsctp.net', country: 'JP', relationshipToPartner: 'reseller' });
    expect(seen.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(seen.accept).toBe('application/json');
    expect(seen['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen['ms-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen['ms-requestid']).not.toBe(seen['ms-correlationid']);
    expect(seen['x-locale']).toBe('ja-JP');
    expect(modes).toEqual(['app']);
  });

  test('getCustomer is undefined for a 404', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get(`/customers/${CUSTOMER}`), 'customer-not-found');
    await expect(client.getCustomer(CUSTOMER)).resolves.toBeUndefined();
  });

  test('listCustomers follows links.next with its MS-ContinuationToken, adding /v1 to the relative link', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get('/customers').query({ size: '2' }), 'customers-page-1');
    replyWith(
      nock(PC_BASE, { reqheaders: { 'MS-ContinuationToken': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1' } })
        .get('/customers')
        .query({ size: '2', seekOperation: 'Next' }),
      'customers-page-2',
    );
    const pages = [];
    for await (const p of client.listCustomers({ pageSize: 2 })) pages.push(p);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.next).toEqual({ uri: '/customers?size=2&seekOperation=Next', headers: { 'MS-ContinuationToken': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1' } });
    expect(pages[1]?.next).toBeUndefined();
    expect(pages.flatMap((p) => p.items.map((c) => [c.tenantId, c.companyName, c.relationshipToPartner]))).toEqual([
      ['b44bb1fb-c595-45b0-9e09-d657365580bf', 'Contoso Japan', 'reseller'],
      ['45c44870-ef77-4fdd-b6fe-3dacb075cff2', 'Fabrikam KK', 'reseller'],
      ['7f4c1a2b-3d5e-4f60-8a9b-0c1d2e3f4a5b', 'Northwind Traders', 'advisor'],
    ]);
  });

  test('listCustomers resumes from a saved continuation after a page that fails', async () => {
    const { client } = setup({ maxAttempts: 2 });
    replyWith(nock(PC_BASE).get('/customers').query({ size: '2' }), 'customers-page-1');
    replyWith(nock(PC_BASE).get('/customers').query({ size: '2', seekOperation: 'Next' }).times(2), 'server-error-503');
    let saved;
    const got: string[] = [];
    const err = await failure(
      (async () => {
        for await (const p of client.listCustomers({ pageSize: 2 })) {
          got.push(...p.items.map((c) => c.companyName));
          saved = p.next;
        }
      })(),
    );
    expect(err.code).toBe('PARTNER_CENTER_UNAVAILABLE');
    expect(err.transient).toBe(true);
    expect(got).toEqual(['Contoso Japan', 'Fabrikam KK']);
    replyWith(nock(PC_BASE).get('/customers').query({ size: '2', seekOperation: 'Next' }), 'customers-page-2');
    expect((await collect(client.listCustomers({ continuation: saved }))).map((c) => c.companyName)).toEqual(['Northwind Traders']);
  });

  test('429 waits the Retry-After through the injected sleep and resends with the same MS-RequestId and a new token read', async () => {
    const { client, waits, modes } = setup();
    const ids: string[] = [];
    const capture = function (this: nock.ReplyFnContext) {
      ids.push(String(this.req.headers['ms-requestid']));
    };
    nock(PC_BASE)
      .get('/customers')
      .query(true)
      .reply(function () {
        capture.call(this);
        return [429, JSON.stringify(fixture('throttled-429').body), fixture('throttled-429').headers];
      })
      .get('/customers')
      .query(true)
      .reply(function () {
        capture.call(this);
        return [200, JSON.stringify(fixture('customers-page-2').body), { 'Content-Type': 'application/json' }];
      });
    const all = await collect(client.listCustomers({ pageSize: 2 }));
    expect(all.map((c) => c.companyName)).toEqual(['Northwind Traders']);
    expect(waits).toEqual([57_000]);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(modes).toEqual(['app', 'app']);
  });

  test('429 that keeps coming backs off exponentially, then fails THROTTLED after the bounded attempts', async () => {
    const { client, waits } = setup({ maxAttempts: 3 });
    replyWith(nock(PC_BASE).get(`/customers/${CUSTOMER}/subscriptions`).times(3), 'throttled-429');
    const err = await failure(client.listSubscriptions(CUSTOMER));
    expect(err.code).toBe('PARTNER_CENTER_THROTTLED');
    expect(err.details).toMatchObject({ status: 429, retryAfterSeconds: 57 });
    expect(waits).toEqual([57_000, 114_000]);
  });

  test('listSubscriptions maps offer, billing type, term end, partner of record; unknown statuses pass as strings', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get(`/customers/${CUSTOMER}/subscriptions`), 'subscriptions');
    const subs = await client.listSubscriptions(CUSTOMER);
    expect(subs).toEqual([
      expect.objectContaining({ offerName: 'Microsoft 365 Business Basic', billingType: 'license', status: 'active', commitmentEndDate: '2026-11-24T00:00:00Z', partnerOfRecord: '4847383', termDuration: 'P1Y' }),
      expect.objectContaining({ offerName: 'Azure plan', billingType: 'usage', status: 'Expired', partnerOfRecord: undefined }),
    ]);
  });

  test('listIndirectResellers and listCustomerRelationships use app+user tokens', async () => {
    const { client, modes } = setup();
    replyWith(nock(PC_BASE, { reqheaders: { authorization: `Bearer ${USER_TOKEN}` } }).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers');
    replyWith(nock(PC_BASE).get(`/customers/${CUSTOMER}/relationships`), 'customer-relationships');
    const resellers = await collect(client.listIndirectResellers());
    expect(resellers).toEqual([
      { tenantId: '484e548c-f5f3-4528-93a9-c16c6373cb59', name: 'First Up Consultants', partnerId: '4847383', location: 'US', state: 'Active', relationshipType: 'is_indirect_cloud_solution_provider_of' },
      expect.objectContaining({ name: 'ReleCloud', state: 'Suspended', location: 'BR' }),
    ]);
    expect((await client.listCustomerRelationships(CUSTOMER)).map((r) => r.partnerId)).toEqual(['4847383']);
    expect(modes).toEqual(['user', 'user']);
  });

  test('getOrganizationProfile reads the operator profile', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    await expect(client.getOrganizationProfile()).resolves.toEqual({
      id: '5a7e9f03-9d3c-4f0e-8a52-1c2b3d4e5f60', tenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', companyName: 'Adatum Distribution', domain: 'adatumdist.onmicrosoft.com', country: 'JP', language: 'ja',
    });
  });

  test('findPartner returns the profile, and undefined for 404 code 3000', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get('/profiles/mpn').query({ mpnId: '4391507' }), 'mpn-profile');
    replyWith(nock(PC_BASE).get('/profiles/mpn').query({ mpnId: '9999999' }), 'mpn-not-found');
    await expect(client.findPartner('4391507')).resolves.toEqual({ partnerId: '4391507', partnerName: 'Trey Research' });
    await expect(client.findPartner('9999999')).resolves.toBeUndefined();
  });

  test('agreementSigned by PartnerID or tenant; 400 2000 is BAD_REQUEST with its apiCode', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ mpnId: '4847383' }), 'agreement-status');
    replyWith(nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ tenantId: '484e548c-f5f3-4528-93a9-c16c6373cb59' }), 'agreement-status');
    replyWith(nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ mpnId: 'abc' }), 'agreement-status-bad-mpn');
    await expect(client.agreementSigned({ partnerId: '4847383' })).resolves.toBe(true);
    await expect(client.agreementSigned({ tenantId: '484e548c-f5f3-4528-93a9-c16c6373cb59' })).resolves.toBe(true);
    const err = await failure(client.agreementSigned({ partnerId: 'abc' }));
    expect(err.code).toBe('PARTNER_CENTER_BAD_REQUEST');
    expect(err.details).toMatchObject({ status: 400, apiCode: '2000' });
    expect(err.message).toContain('MPN Id must be numeric.');
  });

  test('relationshipRequestLink passes the indirect reseller and provider', async () => {
    const { client } = setup();
    replyWith(
      nock(PC_BASE).get('/customers/relationshiprequests').query({ indirectResellerId: '484e548c-f5f3-4528-93a9-c16c6373cb59', indirectCloudSolutionProviderId: '3b33e682-00c3-41ee-9dd2-a548adf56438' }),
      'relationship-request',
    );
    const url = await client.relationshipRequestLink({ indirectResellerTenantId: '484e548c-f5f3-4528-93a9-c16c6373cb59', indirectProviderTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438' });
    expect(url).toMatch(/^https:\/\/admin\.microsoft\.com\/Adminportal\/Home\?invType=ResellerRelationship&partnerId=3b33e682/);
  });

  test('401 with 900421 is MFA_REQUIRED; no token in the message or details', async () => {
    const { client } = setup();
    replyWith(nock(PC_BASE).get('/relationships').query(true), 'mfa-required-401');
    const err = await failure(collect(client.listIndirectResellers()));
    expect(err.code).toBe('PARTNER_CENTER_MFA_REQUIRED');
    expect(err.details).toMatchObject({ status: 401, apiCode: '900421' });
    expect(err.message).toContain('partner-link partner-center login');
    const everything = `${err.message} ${err.stack} ${JSON.stringify(err.details)}`;
    expect(everything).not.toContain(USER_TOKEN);
    expect(everything).not.toContain('secret-user');
  });

  test('403 20002 is FORBIDDEN with its apiCode, and not retried', async () => {
    const { client, waits } = setup();
    replyWith(nock(PC_BASE).get(`/customers/${CUSTOMER}/subscriptions`), 'forbidden-no-relationship');
    const err = await failure(client.listSubscriptions(CUSTOMER));
    expect(err.code).toBe('PARTNER_CENTER_FORBIDDEN');
    expect(err.details.apiCode).toBe('20002');
    expect(waits).toEqual([]);
  });

  test('a network failure is retried with back-off and ends UNAVAILABLE without the token', async () => {
    const { client, waits } = setup({ maxAttempts: 3 });
    nock(PC_BASE).get('/profiles/organization').times(3).replyWithError({ code: 'ECONNRESET', message: `reset ${USER_TOKEN}` });
    const err = await failure(client.getOrganizationProfile());
    expect(err.code).toBe('PARTNER_CENTER_UNAVAILABLE');
    expect(waits).toEqual([1000, 2000]);
    expect(err.message).not.toContain(USER_TOKEN);
  });

  test('a body of the wrong shape is a typed error, not a crash later', async () => {
    const { client } = setup();
    nock(PC_BASE).get('/compliance/csp/agreementstatus').query(true).reply(200, { isAgreementSigned: 'yes' });
    const err = await failure(client.agreementSigned({ partnerId: '4847383' }));
    expect(err.code).toBe('PARTNER_CENTER_ERROR');
    expect(err.message).toContain('isAgreementSigned');
  });

  test('a next link to another host is not followed (the token stays home)', async () => {
    const { client } = setup();
    nock(PC_BASE)
      .get('/customers')
      .query(true)
      .reply(200, { items: [], links: { next: { uri: 'https://evil.example/v1/customers', headers: [] } } });
    const err = await failure(collect(client.listCustomers()));
    expect(err.message).toContain('evil.example');
  });

  test('resolve keeps /v1 links, adds /v1 to relative links that lack it', () => {
    const { client } = setup();
    expect(client.resolve('/v1/customers?size=40').href).toBe(`${PC_BASE}/customers?size=40`);
    expect(client.resolve('/customers?size=40').href).toBe(`${PC_BASE}/customers?size=40`);
    expect(client.resolve('customers').href).toBe(`${PC_BASE}/customers`);
  });
});
