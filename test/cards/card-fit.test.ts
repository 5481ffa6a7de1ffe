import { renderCard, validateBlocks } from '../../adapters/slack/block-kit';
import { addPartnerFormCard, CARD_BUDGET_BYTES, fitCard, linkDistributorFormCard, SEARCHABLE_LISTED, stringsFor, TEAMS_MESSAGE_MAX_BYTES, type AdaptiveCard } from '../../cards';
import { OrganizationSchema, type Locale, type Organization } from '../../domain';
import { ORGS } from '../support/card-fixtures';
import { sampleContext } from '../support/card-samples';
import { cardBytes, cardProblems, MAX_CARD_BYTES } from '../support/card-validator';

/**
 * Issue 19: a 50-choice form with the longest names the directory schema allows (200 characters, in
 * Japanese 3 bytes each in UTF-8) is over Teams' 28 KB; the one check before sending cuts it down with
 * a note in the reader's language. (A name may be in any script in either language: the widest, 3 bytes a
 * character, is the worst case for both.) A searchable form lists only the best few and fits as it is.
 */
const long = (n: number) => '長'.repeat(n);
const partners: Organization[] = Array.from({ length: 50 }, (_, i) =>
  OrganizationSchema.parse({ ...ORGS.sakura, id: `long-partner-${String(i).padStart(2, '0')}`, partnerId: String(7_100_000 + i), name: `${long(195)} ${i}`, nameJa: `${long(195)}${i}` }),
);
const distributors: Organization[] = partners.map((p, i) => OrganizationSchema.parse({ ...ORGS.contoso, id: `long-dist-${i}`, partnerId: String(4_100_000 + i), name: p.name, nameJa: p.nameJa }));

const forms: [string, (locale: Locale, search?: string) => AdaptiveCard][] = [
  ['add partner, workload asked too (workloads shown per choice)', (locale, search) => addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: partners, ask: ['workload', 'partnerId'], values: {}, ...(search ? { search } : {}) }, sampleContext(locale))],
  ['link with a distributor', (locale, search) => linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: distributors, values: {}, ...(search ? { search } : {}) }, sampleContext(locale))],
];

const choicesOf = (card: AdaptiveCard) => {
  const found: { value: string }[][] = [];
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Input.ChoiceSet' && (o.id === 'partnerId' || o.id === 'providerId')) found.push(o.choices as { value: string }[]);
      stack.push(...Object.values(o));
    }
  }
  return found[0]!;
};

describe.each<Locale>(['en', 'ja'])('the 28 KB check before sending (%s)', (locale) => {
  const s = stringsFor(locale);

  it.each(forms)('%s: 50 longest names are over the limit, and cut down with a note', (_name, build) => {
    const card = build(locale);
    expect(cardBytes(card)).toBeGreaterThan(MAX_CARD_BYTES); // the problem the issue measured (33–37 KB)
    const fitted = fitCard(card, locale);
    expect(fitted.shortened).toBe(true);
    expect(fitted.bytes).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cardBytes(fitted.card)).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
    expect(cardProblems(fitted.card)).toEqual([]);
    // Choices were dropped from the end, the first ones kept in order; the note says how many.
    const kept = choicesOf(fitted.card).map((c) => c.value);
    expect(kept).toEqual(choicesOf(card).slice(0, kept.length).map((c) => c.value));
    expect(fitted.droppedChoices).toBe(50 - kept.length);
    expect(JSON.stringify(fitted.card.body.at(-1))).toContain(JSON.stringify(s.shortened.choices(fitted.droppedChoices)).slice(1, -1));
    // The original is not changed (the check works on a copy).
    expect(choicesOf(card)).toHaveLength(50);
  });

  it.each(forms)('%s: searchable, it lists the best few, fits as it is, and stays valid', (_name, build) => {
    const card = build(locale, 'add_partner:azure');
    expect(choicesOf(card)).toHaveLength(SEARCHABLE_LISTED);
    expect(cardBytes(card)).toBeLessThan(CARD_BUDGET_BYTES);
    expect(fitCard(card, locale)).toMatchObject({ shortened: false, card });
    expect(cardProblems(card)).toEqual([]);
  });

  it('a card that fits is sent as it is (the same object)', () => {
    const card = addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: partners.slice(0, 3), values: { workload: 'azure' } }, sampleContext(locale));
    expect(fitCard(card, locale).card).toBe(card);
  });

  it('a value already chosen stays among the choices when the list is cut', () => {
    const card = addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: partners, ask: ['workload', 'partnerId'], values: { partnerId: 'long-partner-49' } }, sampleContext(locale));
    const kept = choicesOf(fitCard(card, locale).card).map((c) => c.value);
    expect(kept).toContain('long-partner-49');
  });

  it.each(forms)('%s on Slack: the same long form renders within Block Kit limits, plain and searchable', (_name, build) => {
    for (const card of [build(locale), fitCard(build(locale), locale).card, build(locale, 'add_partner:azure')]) {
      const rendered = renderCard(card, { locale });
      expect(validateBlocks(rendered.blocks)).toEqual([]);
    }
    const searchable = renderCard(build(locale, 'add_partner:azure'), { locale });
    expect(JSON.stringify(searchable.blocks)).toContain('"external_select"');
  });
});
