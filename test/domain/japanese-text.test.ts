import { RULE_CODES, checkFiler, ruleMessage } from '../../domain';
import { sampleLookup } from '../support/sample-directory';

// Issue 18: in Japanese a name is followed by its particle with no space (「富士ITパートナーズは」).
describe('Japanese rule reasons', () => {
  const NAME = { en: 'Fuji IT Partners', ja: '富士ITパートナーズ' };
  const params = { customer: NAME, reseller: NAME, provider: NAME, partner: NAME, a: NAME, b: NAME, existing: NAME, org: NAME, target: NAME, subscription: NAME };
  it.each(RULE_CODES)('%s: no space between a name and its particle', (code) => {
    const { ja, en } = ruleMessage(code, params);
    expect(ja).not.toMatch(/富士ITパートナーズ (は|と|の|を|に|では|が|から|も)/);
    expect(en).not.toMatch(/富士/);
  });
  it('the reason names the organization with its particle attached', () => {
    expect(ruleMessage('RESELLER_NOT_ENROLLED', params).ja).toMatch(/^富士ITパートナーズは CSP/);
    expect(ruleMessage('DUPLICATE_RELATIONSHIP', params).ja).toMatch(/^富士ITパートナーズと富士ITパートナーズは/);
  });
});

describe('Japanese "what to do instead"', () => {
  it('a partner asking for multi-channel support is told, grammatically, to have the customer ask', () => {
    const refused = checkFiler('multichannel_support', sampleLookup().org('sakura-cloud'));
    expect(refused?.message.ja).toContain('お客様から、サブスクリプションのサポートを依頼していただくようお伝えください。');
    expect(refused?.message.ja).not.toContain('いただいてください');
    expect(refused?.message.en).toContain('Ask your customer to request your support');
  });
});
