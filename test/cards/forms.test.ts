import {
  addPartnerFormCard,
  INPUT_IDS,
  linkDistributorFormCard,
  MAX_CHOICES,
  multichannelFormCard,
  parseCardAction,
  type AdaptiveCard,
} from '../../cards';
import { OrganizationSchema, type Locale } from '../../domain';
import { ORGS, SUBSCRIPTIONS } from '../support/card-fixtures';
import { sampleContext } from '../support/card-samples';
import { actionsOf, cardBytes, cardProblems, clickPayload, inputsOf, MAX_CARD_BYTES } from '../support/card-validator';

const inputIds = (card: AdaptiveCard) => inputsOf(card).map((i) => i.id);
const continueButton = (card: AdaptiveCard) => actionsOf(card).find((a) => a.verb === 'submit_form' || a.data?.verb === 'submit_form');

describe.each<Locale>(['en', 'ja'])('request forms (%s)', (locale) => {
  const ctx = sampleContext(locale);

  it('link distributor: asks for the distributor from the eligible list only, labelled and required', () => {
    const card = linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: [ORGS.contoso, ORGS.tailspin] }, ctx);
    const [input, ...rest] = inputsOf(card);
    expect(rest).toEqual([]);
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', id: INPUT_IDS.providerId, isRequired: true });
    expect(input?.label).toBeTruthy();
    expect(input?.errorMessage).toBeTruthy();
    const values = (input as unknown as { choices: { value: string }[] }).choices.map((c) => c.value);
    expect(values).toEqual(['contoso-distribution-jp', 'tailspin-distribution-jp']);
  });

  it('add partner: asks only for the missing slot and sends the known one with the click', () => {
    const card = addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: [ORGS.trey], values: { workload: 'azure' } }, ctx);
    expect(inputIds(card)).toEqual([INPUT_IDS.partnerId]);
    const submit = continueButton(card);
    expect(submit).toBeDefined();
    const parsed = parseCardAction(clickPayload(submit!, { [INPUT_IDS.partnerId]: 'trey-research-direct' }));
    expect(parsed).toEqual({
      ok: true,
      action: { verb: 'submit_form', form: 'add_partner', workload: 'azure', partnerId: 'trey-research-direct' },
      lang: locale,
    });
  });

  it('add partner: asks both when nothing is known, with every workload', () => {
    const card = addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: [ORGS.trey, ORGS.fuji] }, ctx);
    expect(inputIds(card)).toEqual([INPUT_IDS.workload, INPUT_IDS.partnerId]);
  });

  it('an asked slot starts with its prefilled value', () => {
    const card = addPartnerFormCard(
      { customer: ORGS.yamato, eligiblePartners: [ORGS.trey, ORGS.sakura], values: { workload: 'azure', partnerId: 'sakura-cloud' }, ask: ['partnerId'] },
      ctx,
    );
    const [input] = inputsOf(card) as unknown as { id: string; value?: string }[];
    expect(input).toMatchObject({ id: INPUT_IDS.partnerId, value: 'sakura-cloud' });
    expect(continueButton(card)?.data).not.toHaveProperty('partnerId');
  });

  it('multi-channel: a subscription is named once, without doubled brackets (issue 18)', () => {
    const card = multichannelFormCard({ customer: ORGS.yamato, subscriptions: [SUBSCRIPTIONS.m365Ea, SUBSCRIPTIONS.azureDirect], eligiblePartners: [] }, ctx);
    const text = JSON.stringify(card);
    expect(text).toContain('Microsoft 365 E3 (EA)');
    expect(text).not.toMatch(/\(EA\) \(/);
    expect(text).not.toMatch(/\) \(Microsoft 365\)/);
  });

  it('multi-channel: subscription and partner; the refusal that made it ask again is shown', () => {
    const refusal = { code: 'UNKNOWN_SUBSCRIPTION' as const, message: { en: 'Pick one from the list.', ja: '一覧から選んでください。' }, params: {} };
    const card = multichannelFormCard(
      { customer: ORGS.yamato, subscriptions: [SUBSCRIPTIONS.azureDirect], eligiblePartners: [ORGS.sakura], refusal },
      ctx,
    );
    expect(inputIds(card)).toEqual([INPUT_IDS.subscriptionId, INPUT_IDS.partnerId]);
    expect(JSON.stringify(card)).toContain(refusal.message[locale]);
    const parsed = parseCardAction(
      clickPayload(continueButton(card)!, { subscriptionId: SUBSCRIPTIONS.azureDirect.id, partnerId: 'sakura-cloud' }),
    );
    expect(parsed.ok).toBe(true);
  });

  it('with nobody eligible there is no Continue button, only a way out', () => {
    const card = linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: [] }, ctx);
    expect(inputsOf(card)).toEqual([]);
    expect(continueButton(card)).toBeUndefined();
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['start_over']);
    expect(cardProblems(card)).toEqual([]);
  });

  it('Cancel does not validate the inputs (associatedInputs none)', () => {
    const card = linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: [ORGS.contoso] }, ctx);
    expect(actionsOf(card).find((a) => a.verb === 'start_over')?.associatedInputs).toBe('none');
  });

  it('a very large directory is capped and the card stays valid and under 28 KB', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      OrganizationSchema.parse({
        ...ORGS.contoso,
        id: `distributor-${i}`,
        name: `Distributor number ${i} with a rather long company name Kabushiki Kaisha`,
        nameJa: `ディストリビューター第${i}号株式会社（とても長い会社名の例）`,
        partnerId: String(4000000 + i),
      }),
    );
    const card = linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: many }, ctx);
    const [input] = inputsOf(card) as unknown as { choices: unknown[] }[];
    expect(input?.choices).toHaveLength(MAX_CHOICES);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(cardProblems(card)).toEqual([]);
  });
});
