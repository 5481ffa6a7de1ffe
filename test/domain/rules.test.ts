import {
  DEFAULT_POLICY,
  DomainPolicySchema,
  RULE_CODES,
  parsePartnerId,
  parseTenantId,
  validateAddPartner,
  validateLinkDistributor,
  validateMultichannel,
  type RuleCode,
  type Verdict,
} from '../../domain';
import { sampleLookup } from '../support/sample-directory';

const { data, org, person, subscription } = sampleLookup();
const NOW = new Date('2026-11-24T00:00:00Z');

const codes = (v: Verdict) => v.refusals.map((r) => r.code);
function expectOnly(v: Verdict, code: RuleCode) {
  expect(codes(v)).toEqual([code]);
  const r = v.refusals[0]!;
  expect(r.message.en.length).toBeGreaterThan(30);
  expect(r.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese text, not a copy of the English
  expect(r.message.en).not.toContain('undefined');
  expect(r.message.ja).not.toContain('undefined');
}

const link = (resellerId: string, providerId: string, requesterId: string, extra: Partial<Parameters<typeof validateLinkDistributor>[0]> = {}) =>
  validateLinkDistributor({
    requester: person(requesterId),
    reseller: org(resellerId),
    provider: org(providerId),
    links: data.links.filter((l) => l.resellerId === resellerId),
    policy: DEFAULT_POLICY,
    ...extra,
  });

const addPartner = (customerId: string, partnerId: string, workload: 'microsoft365' | 'azure' | 'dynamics365' | 'power_platform', requesterId: string, extra: Partial<Parameters<typeof validateAddPartner>[0]> = {}) =>
  validateAddPartner({
    requester: person(requesterId),
    customer: org(customerId),
    partner: org(partnerId),
    workload,
    relationships: data.relationships.filter((r) => r.customerId === customerId),
    policy: DEFAULT_POLICY,
    ...extra,
  });

const multichannel = (customerId: string, partnerId: string, subSuffix: string, requesterId: string, extra: Partial<Parameters<typeof validateMultichannel>[0]> = {}) =>
  validateMultichannel({
    requester: person(requesterId),
    customer: org(customerId),
    partner: org(partnerId),
    subscription: subscription(subSuffix),
    relationships: data.relationships.filter((r) => r.customerId === customerId),
    policy: DEFAULT_POLICY,
    now: NOW,
    ...extra,
  });

describe('link a distributor', () => {
  it('accepts an enrolled reseller and an authorized distributor in the same region and cloud', () => {
    const v = link('fuji-it-partners', 'contoso-distribution-jp', 'mei-kobayashi');
    expect(v.ok).toBe(true);
    expect(v.passed).toEqual(expect.arrayContaining(['RESELLER_NOT_ENROLLED', 'PROVIDER_NOT_AUTHORIZED', 'REGION_MISMATCH', 'CLOUD_MISMATCH', 'DUPLICATE_RELATIONSHIP', 'DUPLICATE_PENDING_REQUEST']));
  });
  it('accepts a French reseller with a German distributor (one European region)', () => {
    expect(link('bellows-it-fr', 'northwind-distribution-eu', 'camille-martin').ok).toBe(true);
  });
  it('RESELLER_NOT_ENROLLED: a reseller still enrolling', () => expectOnly(link('kumo-startup-it', 'contoso-distribution-jp', 'riku-endo'), 'RESELLER_NOT_ENROLLED'));
  it('RESELLER_NOT_ENROLLED: a customer cannot link with a distributor', () => {
    expect(codes(link('yamato-manufacturing', 'contoso-distribution-jp', 'taro-ito'))).toContain('RESELLER_NOT_ENROLLED');
  });
  it('PROVIDER_NOT_AUTHORIZED: an unauthorized provider', () => expectOnly(link('fuji-it-partners', 'wingtip-supply-jp', 'mei-kobayashi'), 'PROVIDER_NOT_AUTHORIZED'));
  it('PROVIDER_NOT_AUTHORIZED: a reseller is not a distributor', () => {
    expect(codes(link('fuji-it-partners', 'sakura-cloud', 'mei-kobayashi'))).toContain('PROVIDER_NOT_AUTHORIZED');
  });
  it('REGION_MISMATCH: a Japanese reseller with a European distributor', () => expectOnly(link('fuji-it-partners', 'northwind-distribution-eu', 'mei-kobayashi'), 'REGION_MISMATCH'));
  it('REGION_MISMATCH: a US reseller may not work with a European provider', () => {
    expectOnly(link('proseware-us', 'northwind-distribution-eu', 'sam-rivera'), 'REGION_MISMATCH');
  });
  it('CLOUD_MISMATCH: public-cloud reseller with a US Government distributor', () => expectOnly(link('proseware-us', 'adatum-federal-distribution', 'sam-rivera'), 'CLOUD_MISMATCH'));
  it('DUPLICATE_RELATIONSHIP: already linked', () => expectOnly(link('sakura-cloud', 'contoso-distribution-jp', 'aiko-tanaka'), 'DUPLICATE_RELATIONSHIP'));
  it('DUPLICATE_PENDING_REQUEST: the same request is open', () => {
    const v = link('fuji-it-partners', 'contoso-distribution-jp', 'mei-kobayashi', { openRequestId: 'PL-AAAA1111' });
    expectOnly(v, 'DUPLICATE_PENDING_REQUEST');
    expect(v.refusals[0]!.message.en).toContain('PL-AAAA1111');
  });
  it('REQUESTER_NOT_IN_ORGANIZATION: someone files for another reseller', () => expectOnly(link('fuji-it-partners', 'contoso-distribution-jp', 'aiko-tanaka'), 'REQUESTER_NOT_IN_ORGANIZATION'));
  it('CLOUD_CLOSED: Microsoft Cloud Germany takes no new relationships', () => {
    const reseller = { ...org('bellows-it-fr'), cloud: 'germany' as const };
    const provider = { ...org('northwind-distribution-eu'), cloud: 'germany' as const };
    const v = validateLinkDistributor({ requester: person('camille-martin'), reseller, provider, links: [], policy: DEFAULT_POLICY });
    expectOnly(v, 'CLOUD_CLOSED');
    const open = validateLinkDistributor({ requester: person('camille-martin'), reseller, provider, links: [], policy: DomainPolicySchema.parse({ closedClouds: [] }) });
    expect(open.ok).toBe(true);
  });
});

describe('add a partner for a workload (multi-partner)', () => {
  it('accepts a second partner for Azure while Microsoft 365 stays with the first', () => {
    expect(addPartner('yamato-manufacturing', 'trey-research-direct', 'azure', 'yuki-suzuki').ok).toBe(true);
  });
  it('accepts a second partner for the same workload (several partners per workload are allowed)', () => {
    expect(addPartner('yamato-manufacturing', 'trey-research-direct', 'microsoft365', 'yuki-suzuki').ok).toBe(true);
  });
  it('CSP_TO_CSP_RESALE: the customer tenant is a CSP transacting tenant', () => expectOnly(addPartner('hikari-systems-csp', 'trey-research-direct', 'azure', 'haruto-kimura'), 'CSP_TO_CSP_RESALE'));
  it('CSP_TO_CSP_RESALE: a partner org in the customer seat', () => {
    const v = validateAddPartner({ requester: person('aiko-tanaka'), customer: org('sakura-cloud'), partner: org('trey-research-direct'), workload: 'azure', relationships: [], policy: DEFAULT_POLICY });
    expect(codes(v)).toContain('CSP_TO_CSP_RESALE');
  });
  it('WORKLOAD_NOT_OFFERED: the partner does not sell Dynamics 365', () => expectOnly(addPartner('yamato-manufacturing', 'trey-research-direct', 'dynamics365', 'yuki-suzuki'), 'WORKLOAD_NOT_OFFERED'));
  it('NOT_A_CUSTOMER_PARTNER: a distributor does not sell to customers', () => {
    expect(codes(addPartner('yamato-manufacturing', 'contoso-distribution-jp', 'azure', 'yuki-suzuki'))).toEqual(['NOT_A_CUSTOMER_PARTNER']);
  });
  it('REGION_MISMATCH: a Japanese customer and a US partner', () => expectOnly(addPartner('yamato-manufacturing', 'woodgrove-partners-us', 'azure', 'yuki-suzuki'), 'REGION_MISMATCH'));
  it('CLOUD_MISMATCH: a US Government customer and a public-cloud partner', () => expectOnly(addPartner('bayview-county-gov', 'woodgrove-partners-us', 'azure', 'marcus-lee'), 'CLOUD_MISMATCH'));
  it('DUPLICATE_RELATIONSHIP: the same partner twice for one workload', () => expectOnly(addPartner('yamato-manufacturing', 'sakura-cloud', 'microsoft365', 'yuki-suzuki'), 'DUPLICATE_RELATIONSHIP'));
  it('DUPLICATE_PENDING_REQUEST', () => expectOnly(addPartner('yamato-manufacturing', 'trey-research-direct', 'azure', 'yuki-suzuki', { openRequestId: 'PL-BBBB2222' }), 'DUPLICATE_PENDING_REQUEST'));
  it('REQUESTER_NOT_IN_ORGANIZATION: a partner cannot file on the customer\'s behalf', () => {
    expect(codes(addPartner('yamato-manufacturing', 'trey-research-direct', 'azure', 'daniel-park'))).toEqual(['REQUESTER_NOT_IN_ORGANIZATION']);
  });
  describe('national-cloud policy', () => {
    const fedReseller = () => org('relecloud-federal');
    const secondFed = () => ({ ...org('relecloud-federal'), id: 'second-federal', name: 'Second Federal Partner' });
    it('allows a second partner in US Government by default (the newer article)', () => {
      const v = validateAddPartner({ requester: person('marcus-lee'), customer: org('bayview-county-gov'), partner: secondFed(), workload: 'azure', relationships: data.relationships, policy: DEFAULT_POLICY });
      expect(v.ok).toBe(true);
    });
    it('NATIONAL_CLOUD_SINGLE_PARTNER: refuses a second partner when configured single-partner', () => {
      const policy = DomainPolicySchema.parse({ singlePartnerClouds: ['us_government'] });
      const v = validateAddPartner({ requester: person('marcus-lee'), customer: org('bayview-county-gov'), partner: secondFed(), workload: 'azure', relationships: data.relationships, policy, partnerName: () => ({ en: 'Relecloud Federal', ja: 'Relecloud Federal' }) });
      expectOnly(v, 'NATIONAL_CLOUD_SINGLE_PARTNER');
      expect(v.refusals[0]!.message.en).toContain('Relecloud Federal');
    });
    it('single-partner policy still lets the existing partner add a workload', () => {
      const policy = DomainPolicySchema.parse({ singlePartnerClouds: ['us_government'] });
      const v = validateAddPartner({ requester: person('marcus-lee'), customer: org('bayview-county-gov'), partner: fedReseller(), workload: 'azure', relationships: data.relationships, policy });
      expect(v.ok).toBe(true);
    });
  });
});

describe('multi-channel support', () => {
  it('accepts an EA subscription whose term has ended', () => {
    const v = multichannel('yamato-manufacturing', 'sakura-cloud', '61', 'yuki-suzuki');
    expect(v.ok).toBe(true);
    expect(v.passed).toContain('MULTICHANNEL_CHANNEL_INELIGIBLE');
  });
  it('accepts usage-based Azure bought online, with the note that a new subscription is created', () => {
    const v = multichannel('yamato-manufacturing', 'trey-research-direct', '62', 'yuki-suzuki');
    expect(v.ok).toBe(true);
    expect(v.advisories.map((a) => a.code)).toEqual(['USAGE_BASED_NEW_SUBSCRIPTION']);
  });
  it('MULTICHANNEL_CHANNEL_INELIGIBLE: bought from another CSP partner', () => expectOnly(multichannel('yamato-manufacturing', 'trey-research-direct', '64', 'yuki-suzuki'), 'MULTICHANNEL_CHANNEL_INELIGIBLE'));
  it('MULTICHANNEL_CHANNEL_INELIGIBLE: bought from a syndication partner', () => {
    const sub = { ...subscription('62'), channel: 'syndication_partner' as const };
    expectOnly(multichannel('yamato-manufacturing', 'trey-research-direct', '62', 'yuki-suzuki', { subscription: sub }), 'MULTICHANNEL_CHANNEL_INELIGIBLE');
  });
  it.each(['microsoft_direct', 'advisor', 'open', 'ea', 'third_party'] as const)('channel %s qualifies', (channel) => {
    const sub = { ...subscription('62'), channel };
    expect(multichannel('yamato-manufacturing', 'trey-research-direct', '62', 'yuki-suzuki', { subscription: sub }).ok).toBe(true);
  });
  it('MULTICHANNEL_LICENSE_MID_TERM: license-based Dynamics 365 mid-term, with the end date', () => {
    const v = multichannel('yamato-manufacturing', 'fuji-it-partners', '63', 'yuki-suzuki');
    expectOnly(v, 'MULTICHANNEL_LICENSE_MID_TERM');
    expect(v.refusals[0]!.message.en).toContain('2027-09-30');
    expect(v.refusals[0]!.message.ja).toContain('2027年9月30日');
  });
  it('license-based with no recorded term end is accepted with a note to check', () => {
    const sub = { ...subscription('63') };
    delete (sub as { termEndsOn?: Date }).termEndsOn;
    const v = multichannel('yamato-manufacturing', 'fuji-it-partners', '63', 'yuki-suzuki', { subscription: sub });
    expect(v.ok).toBe(true);
    expect(v.advisories.map((a) => a.code)).toEqual(['LICENSE_TERM_UNKNOWN']);
  });
  it('SUBSCRIPTION_NOT_OWNED: another customer\'s subscription', () => expectOnly(multichannel('yamato-manufacturing', 'sakura-cloud', '65', 'yuki-suzuki'), 'SUBSCRIPTION_NOT_OWNED'));
  it('DUPLICATE_RELATIONSHIP: the partner already supports it', () => {
    const sub = { ...subscription('62'), supportedBy: ['trey-research-direct'] };
    expectOnly(multichannel('yamato-manufacturing', 'trey-research-direct', '62', 'yuki-suzuki', { subscription: sub }), 'DUPLICATE_RELATIONSHIP');
  });
  it('CSP_TO_CSP_RESALE and REGION_MISMATCH apply to multi-channel too', () => {
    expect(codes(multichannel('margies-travel-fr', 'trey-research-direct', '66', 'camille-martin', { requester: { ...person('camille-martin'), orgId: 'margies-travel-fr' } }))).toEqual(['REGION_MISMATCH']);
    const cspCustomer = { ...org('yamato-manufacturing'), cspTransactingTenant: true };
    expect(codes(multichannel('yamato-manufacturing', 'sakura-cloud', '61', 'yuki-suzuki', { customer: cspCustomer }))).toEqual(['CSP_TO_CSP_RESALE']);
  });
});

describe('well-formed identifiers', () => {
  it.each(['1234567', '4801123', '0012345'])('accepts PartnerID %s', (id) => expect(parsePartnerId(id).ok).toBe(true));
  it.each(['12a4567', 'MPN-1234567', '', '1234567890123'])('INVALID_PARTNER_ID for "%s"', (id) => {
    const r = parsePartnerId(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_PARTNER_ID');
  });
  it('accepts a GUID tenant ID and stores it lower-case', () => {
    const r = parseTenantId('72F988BF-86F1-41AF-91AB-2D7CD011DB47');
    expect(r).toEqual({ ok: true, value: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
  });
  it.each(['contoso.onmicrosoft.com', '72f988bf86f141af91ab2d7cd011db47', '72f988bf-86f1-41af-91ab-2d7cd011db4'])('INVALID_TENANT_ID for "%s"', (id) => {
    const r = parseTenantId(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_TENANT_ID');
  });
});

describe('rule messages', () => {
  it('every rule code has an English and a Japanese reason', () => {
    const { ruleMessage } = jest.requireActual('../../domain/messages');
    for (const code of RULE_CODES) {
      const m = ruleMessage(code, { a: 'A', b: 'B' });
      expect(m.en.trim().length).toBeGreaterThan(10);
      expect(m.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('who files which request', () => {
  const { checkFiler } = jest.requireActual('../../domain');
  it('accepts a reseller linking, a customer adding a partner or asking for multi-channel support', () => {
    expect(checkFiler('link_distributor', org('sakura-cloud'))).toBeUndefined();
    expect(checkFiler('add_partner', org('yamato-manufacturing'))).toBeUndefined();
    expect(checkFiler('multichannel_support', org('coho-winery-us'))).toBeUndefined();
  });
  it('REQUEST_NOT_FOR_ORGANIZATION: a partner asking to add a partner is told what to do instead', () => {
    const r = checkFiler('add_partner', org('trey-research-direct'));
    expect(r.code).toBe('REQUEST_NOT_FOR_ORGANIZATION');
    expect(r.message.en).toContain('Ask your customer');
    expect(r.message.ja).toContain('お客様');
  });
  it('REQUEST_NOT_FOR_ORGANIZATION: a customer cannot link with a distributor', () => {
    expect(checkFiler('link_distributor', org('yamato-manufacturing')).code).toBe('REQUEST_NOT_FOR_ORGANIZATION');
  });
});
