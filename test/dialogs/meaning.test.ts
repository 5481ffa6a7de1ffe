import { DEFAULT_UNDERSTANDING, meaningOf, roleMeaning } from '../../dialogs/understanding/meaning';
import type { Organization } from '../../domain';
import type { RankedIntent, Recognition } from '../../dialogs/recognition';
import { sampleLookup } from '../support/sample-directory';

/**
 * Issue 18: what a message means for the person who wrote it (dialogs/understanding/meaning.ts), on
 * the sample directory's organizations: the role first, then whether the classifier is sure enough.
 */
const sample = sampleLookup();
const reseller = sample.org('fuji-it-partners');
const customer = sample.org('yamato-manufacturing');
const distributor = sample.org('contoso-distribution-jp');
const directBill = sample.org('trey-research-direct');

function rec(text: string, ranked: RankedIntent[], entities: Recognition['entities'] = []): Recognition {
  const best = ranked[0]!;
  return { text, locale: 'en', intent: best.score >= 0.5 ? best.intent : 'none', score: best.score, entities, ranked };
}
const sure = (intent: RankedIntent['intent']): RankedIntent[] => [{ intent, score: 0.97 }, { intent: 'none', score: 0.03 }];
const meaning = (r: Recognition, org: Organization, kinds: Organization['kind'][] = []) => meaningOf(r, org, kinds, DEFAULT_UNDERSTANDING);

describe('the role decides what a request can mean', () => {
  it('a reseller: add_partner or multi-channel about a distributor is a distributor link, in either language and with typos', () => {
    for (const text of ['add Contoso as our partner, they are a distributor', 'we need a new distributer for Azure', 'can we get a disti w/ M365 pls', 'ディストリビューターをパートナーとして追加したい', '間接プロバイダーを追加したい']) {
      expect(meaning(rec(text, sure('add_partner')), reseller)).toEqual({ kind: 'intent', intent: 'link_distributor', refitted: true });
    }
    expect(meaning(rec('support our EA with Contoso', sure('multichannel_support')), reseller, ['indirect_provider'])).toMatchObject({ intent: 'link_distributor' });
  });

  it('a reseller: with no distributor in the words, asked between a link and the next best meaning it can have', () => {
    const cspQuestion = rec("can we resell M365 to another CSP partner's tenant?", [{ intent: 'add_partner', score: 0.99 }, { intent: 'policy_question', score: 0.01 }]);
    expect(meaning(cspQuestion, reseller)).toEqual({ kind: 'ask', choices: ['link_distributor', 'policy_question'], because: 'add_partner' });
    const status = rec('the partner thing', [{ intent: 'add_partner', score: 0.7 }, { intent: 'request_status', score: 0.3 }]);
    expect(meaning(status, reseller)).toEqual({ kind: 'ask', choices: ['link_distributor', 'request_status'], because: 'add_partner' });
  });

  it('a customer: a distributor link is multi-channel when a purchase channel is named, a partner when a workload is, else asked', () => {
    const ea = { type: 'purchase_channel' as const, value: 'ea' as const, text: 'EA', start: 0, end: 2, score: 1 };
    const azure = { type: 'workload' as const, value: 'azure' as const, text: 'Azure', start: 0, end: 5, score: 1 };
    expect(meaning(rec('EA with a distributor', sure('link_distributor'), [ea]), customer)).toMatchObject({ kind: 'intent', intent: 'multichannel_support' });
    expect(meaning(rec('Azure through a distributor', sure('link_distributor'), [azure]), customer)).toMatchObject({ kind: 'intent', intent: 'add_partner' });
    expect(meaning(rec('link me with a distributor', sure('link_distributor')), customer)).toEqual({ kind: 'ask', choices: ['add_partner', 'multichannel_support'], because: 'link_distributor' });
  });

  it('requests the person can make, and what is not a request, are left as they are', () => {
    expect(roleMeaning(rec('link us with Contoso', sure('link_distributor')), reseller, [])).toBeUndefined();
    expect(roleMeaning(rec('add a partner for Azure', sure('add_partner')), customer, [])).toBeUndefined();
    expect(roleMeaning(rec('my requests', sure('request_status')), reseller, [])).toBeUndefined();
    expect(roleMeaning(rec('list our approvers', sure('list_approvers')), distributor, [])).toBeUndefined();
  });

  it('a distributor or direct-bill partner files nothing: the intent is kept, for the request to say who files it', () => {
    expect(meaning(rec('add a partner for Azure', sure('add_partner')), directBill)).toEqual({ kind: 'intent', intent: 'add_partner' });
    expect(meaning(rec('link with a reseller distributor', sure('link_distributor')), distributor)).toEqual({ kind: 'intent', intent: 'link_distributor' });
  });
});

describe('when unsure, ask', () => {
  it('asks below the confidence threshold, and when the two best are within the margin', () => {
    const low = rec('partner request', [{ intent: 'request_status', score: 0.55 }, { intent: 'add_partner', score: 0.2 }]);
    expect(meaning(low, customer)).toEqual({ kind: 'ask', choices: ['request_status', 'add_partner'] });
    // Above the threshold (0.6) but the second is within the margin (0.2).
    const close = rec('partner request', [{ intent: 'request_status', score: 0.62 }, { intent: 'add_partner', score: 0.45 }]);
    expect(meaning(close, customer)).toEqual({ kind: 'ask', choices: ['request_status', 'add_partner'] });
    const apart = rec('partner request', [{ intent: 'request_status', score: 0.62 }, { intent: 'add_partner', score: 0.38 }]);
    expect(meaning(apart, customer)).toEqual({ kind: 'intent', intent: 'request_status' });
  });

  it('does not ask when sure, when the second is only a greeting or nothing, or when the best is nothing (out of scope stays out of scope)', () => {
    expect(meaning(rec('add a partner', [{ intent: 'add_partner', score: 0.8 }, { intent: 'request_status', score: 0.2 }]), customer)).toEqual({ kind: 'intent', intent: 'add_partner' });
    expect(meaning(rec('hello partner', [{ intent: 'add_partner', score: 0.55 }, { intent: 'greeting', score: 0.45 }]), customer)).toEqual({ kind: 'intent', intent: 'add_partner' });
    expect(meaning(rec('my monitor is flickering', [{ intent: 'none', score: 0.63 }, { intent: 'request_status', score: 0.31 }]), customer)).toEqual({ kind: 'intent', intent: 'none' });
    expect(meaning(rec('x', [{ intent: 'help', score: 0.55 }, { intent: 'policy_question', score: 0.05 }]), customer)).toEqual({ kind: 'intent', intent: 'help' });
  });

  it('offers only meanings this person can have: a reseller is not offered add_partner', () => {
    const r = rec('partner request', [{ intent: 'request_status', score: 0.5 }, { intent: 'add_partner', score: 0.45 }]);
    expect(meaning(r, reseller)).toEqual({ kind: 'intent', intent: 'request_status' });
    // ... unless the words settle it as the distributor link.
    const d = rec('distributor partner request', [{ intent: 'request_status', score: 0.5 }, { intent: 'add_partner', score: 0.45 }]);
    expect(meaning(d, reseller)).toEqual({ kind: 'ask', choices: ['request_status', 'link_distributor'] });
  });

  it('the thresholds are configuration: 0 and 0 never ask; 1 always asks when there is a second meaning', () => {
    const r = rec('partner request', [{ intent: 'request_status', score: 0.52 }, { intent: 'add_partner', score: 0.46 }]);
    expect(meaningOf(r, customer, [], { askBelow: 0, askMargin: 0 })).toEqual({ kind: 'intent', intent: 'request_status' });
    const confident = rec('add a partner', [{ intent: 'add_partner', score: 0.85 }, { intent: 'policy_question', score: 0.15 }]);
    expect(meaningOf(confident, customer, [], { askBelow: 1, askMargin: 0 })).toEqual({ kind: 'ask', choices: ['add_partner', 'policy_question'] });
  });
});
