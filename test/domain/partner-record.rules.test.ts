import { OrganizationSchema, partnerToVerify, RULE_CODES, validatePartnerRecord, type Organization } from '../../domain';

const reseller = OrganizationSchema.parse({ id: 'fuji-it-partners', kind: 'indirect_reseller', name: 'Fuji IT Partners', nameJa: '富士ITパートナーズ', tenantId: '11111111-1111-4111-8111-111111111111', country: 'JP', partnerId: '4391507' });
const provider = OrganizationSchema.parse({ id: 'contoso-jp', kind: 'indirect_provider', name: 'Contoso Distribution Japan', tenantId: '22222222-2222-4222-8222-222222222222', country: 'JP', partnerId: '1234567' });
const direct = OrganizationSchema.parse({ id: 'trey-direct', kind: 'direct_bill_partner', name: 'Trey Research Direct', tenantId: '33333333-3333-4333-8333-333333333333', country: 'JP', partnerId: '7654321' });
const orgs = new Map<string, Organization>([reseller, provider, direct].map((o) => [o.id, o]));
const partner = { name: reseller.name, nameJa: reseller.nameJa, partnerId: '4391507' };

describe('issue 17: Partner Center record rules', () => {
  it('the two codes are stable members of RULE_CODES, appended', () => {
    const at = RULE_CODES.indexOf('PARTNER_ID_NOT_FOUND');
    // Appended after the codes of earlier issues (issue 18's RESELLER_CANNOT_TRANSACT came after them).
    expect(at).toBeGreaterThan(RULE_CODES.indexOf('DUPLICATE_PENDING_REQUEST'));
    expect(RULE_CODES.slice(at, at + 2)).toEqual(['PARTNER_ID_NOT_FOUND', 'PARTNER_AGREEMENT_NOT_SIGNED']);
  });

  it('passes both checks when the PartnerID is known and the agreement is signed', () => {
    const v = validatePartnerRecord({ partner, found: true, agreementSigned: true });
    expect(v).toMatchObject({ ok: true, passed: ['PARTNER_ID_NOT_FOUND', 'PARTNER_AGREEMENT_NOT_SIGNED'], refusals: [] });
  });

  it('an unknown PartnerID is refused, in both languages, saying what to do; the agreement is not judged', () => {
    const v = validatePartnerRecord({ partner, found: false });
    expect(v.ok).toBe(false);
    expect(v.refusals.map((r) => r.code)).toEqual(['PARTNER_ID_NOT_FOUND']);
    const m = v.refusals[0]!.message;
    expect(m.en).toContain('4391507');
    expect(m.en).toContain('Fuji IT Partners');
    expect(m.en).toMatch(/ask again/);
    expect(m.ja).toContain('富士ITパートナーズ');
    expect(m.ja).toContain('もう一度申請');
  });

  it('an unsigned (or unanswered) Microsoft Partner Agreement is refused with who signs it and where', () => {
    for (const agreementSigned of [false, undefined]) {
      const v = validatePartnerRecord({ partner, found: true, ...(agreementSigned === undefined ? {} : { agreementSigned }) });
      expect(v.refusals.map((r) => r.code)).toEqual(['PARTNER_AGREEMENT_NOT_SIGNED']);
      expect(v.passed).toEqual(['PARTNER_ID_NOT_FOUND']);
      expect(v.refusals[0]!.message.en).toMatch(/Global admin .* signs it in Partner Center/);
      expect(v.refusals[0]!.message.ja).toContain('グローバル管理者');
    }
  });

  it('checks the reseller of a link, and the partner of a customer request only when it is an indirect reseller', () => {
    const org = (id: string) => orgs.get(id);
    expect(partnerToVerify({ kind: 'link_distributor', resellerId: reseller.id, providerId: provider.id }, org)).toEqual({ orgId: reseller.id, partnerId: '4391507', name: reseller.name, nameJa: reseller.nameJa });
    expect(partnerToVerify({ kind: 'add_partner', customerId: 'x', partnerId: reseller.id, workload: 'azure' }, org)?.orgId).toBe(reseller.id);
    expect(partnerToVerify({ kind: 'add_partner', customerId: 'x', partnerId: direct.id, workload: 'azure' }, org)).toBeUndefined();
    expect(partnerToVerify({ kind: 'multichannel_support', customerId: 'x', partnerId: 'nobody', subscriptionId: 'sub-1' }, org)).toBeUndefined();
  });
});
