import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18, "Japanese text", as people see it on Teams (the strings themselves: test/domain/japanese-text.test.ts):
 * a name and its particle with no space between them on a refusal (「ウイングティップ・サプライ・ジャパンは」),
 * countries by name in the reader's language (フランス, ドイツ; France, Germany), never ISO codes, and a
 * subscription named once, without doubled brackets ("Microsoft 365 E3 (EA)", never "… (EA) (Microsoft 365)"),
 * on the form and on the confirmation. English alongside. Slack: test/slack/slack-japanese-text.flow.test.ts.
 */
const CASES = [
  {
    locale: 'en-US',
    choose: 'in English',
    wingtip: 'link us with Wingtip Supply Japan please',
    refused: 'Wingtip Supply Japan is not an authorized indirect provider',
    region: 'Can a French reseller work with a German distributor?',
    countries: 'France and Germany are both',
    multichannel: 'We bought Microsoft 365 through an EA. Can a CSP partner support it?',
  },
  {
    locale: 'ja-JP',
    choose: '日本語で',
    wingtip: 'ウイングティップ・サプライ・ジャパンと連携したい',
    refused: 'ウイングティップ・サプライ・ジャパンは CSP の承認済み間接プロバイダー',
    region: 'フランスのリセラーはドイツのディストリビューターと連携できますか？',
    countries: 'フランスとドイツはどちらも CSP リージョン',
    multichannel: 'EA で購入した Microsoft 365 を CSP パートナーにサポートしてもらえますか？',
  },
] as const;

/** A space between a name in Japanese script and its particle (「富士ITパートナーズ は」), which the issue asked never to write (Latin words such as "Partner Link を" keep their space). */
const SPACED_PARTICLE = /[\u30a0-\u30ff\u4e00-\u9fff] (?:は|が|を|に|と|の|で|へ)/u;

describe('Japanese text on Teams, with the English alongside (issue 18)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each(CASES)('$locale: a refused distributor is named with its particle attached', async (c) => {
    await h.say('mei-kobayashi', c.choose, c.locale);
    const card = (await h.say('mei-kobayashi', c.wingtip, c.locale)).at(-1)!;
    expect(card.cardText).toContain(c.refused);
    expect(card.cardText).not.toMatch(SPACED_PARTICLE);
    expect(card.cardText).not.toContain('いただいてください');
  });

  it.each(CASES)('$locale: countries are named in the reader\'s language, never as ISO codes', async (c) => {
    await h.say('taro-ito', c.choose, c.locale);
    const replies = await h.say('taro-ito', c.region, c.locale);
    const text = replies.map((r) => r.text ?? '').join(' ');
    expect(text).toContain(c.countries);
    expect(text).not.toMatch(/\bFR\b|\bDE\b/);
  });

  it.each(CASES)('$locale: a subscription is named once, without doubled brackets, on the form and the confirmation', async (c) => {
    await h.say('taro-ito', c.choose, c.locale);
    const form = (await h.say('taro-ito', c.multichannel, c.locale)).at(-1)!;
    expect(form.cardText).toContain('Microsoft 365 E3 (EA)');
    expect(form.cardText).not.toMatch(/\(EA\)\s*\(/);
    const confirmation = (await h.execute('taro-ito', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' }, c.locale)).answer!;
    expect(confirmation.cardText).toContain('Microsoft 365 E3 (EA)');
    expect(confirmation.cardText).not.toMatch(/\(EA\)\s*\(/);
    expect(confirmation.cardText).not.toMatch(SPACED_PARTICLE);
  });
});
