import { meiOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18, "Japanese text", as people see it on Slack (Block Kit, mrkdwn; the strings themselves:
 * test/domain/japanese-text.test.ts): a name and its particle with no space between them on a refusal,
 * countries by name in the reader's language (フランス, ドイツ; France, Germany), never ISO codes, and a
 * subscription named once, without doubled brackets, on the form and the confirmation. English alongside.
 * Teams: test/dialogs/japanese-text-transcript.test.ts.
 */
const MEI = 'D09MEIKOB';
const YUKI = 'D06YUKISZ';

const CASES = [
  {
    lang: 'en',
    choose: 'in English',
    wingtip: 'link us with Wingtip Supply Japan please',
    refused: 'Wingtip Supply Japan is not an authorized indirect provider',
    region: 'Can a French reseller work with a German distributor?',
    countries: 'France and Germany are both',
    multichannel: 'We bought Microsoft 365 through an EA. Can a CSP partner support it?',
  },
  {
    lang: 'ja',
    choose: '日本語で',
    wingtip: 'ウイングティップ・サプライ・ジャパンと連携したい',
    refused: 'ウイングティップ・サプライ・ジャパンは CSP の承認済み間接プロバイダー',
    region: 'フランスのリセラーはドイツのディストリビューターと連携できますか？',
    countries: 'フランスとドイツはどちらも CSP リージョン',
    multichannel: 'EA で購入した Microsoft 365 を CSP パートナーにサポートしてもらえますか？',
  },
] as const;

/** A space between a name in Japanese script and its particle (「富士ITパートナーズ は」); Latin words such as "Partner Link を" keep theirs. */
const SPACED_PARTICLE = /[\u30a0-\u30ff\u4e00-\u9fff] (?:は|が|を|に|と|の|で|へ)/u;

describe('Slack: Japanese text in Block Kit, with the English alongside (issue 18)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
    await meiOnSlack(h.store);
  });
  afterEach(() => h.destroy());

  it.each(CASES)('$lang: a refused distributor is named with its particle attached', async (c) => {
    await h.dm('mei', c.choose);
    await h.dm('mei', c.wingtip);
    const text = textOf(last(h.shown(MEI)));
    expect(text).toContain(c.refused);
    expect(text).not.toMatch(SPACED_PARTICLE);
    expect(text).not.toContain('いただいてください');
  });

  it.each(CASES)("$lang: countries are named in the reader's language, never as ISO codes", async (c) => {
    await h.dm('yuki', c.choose);
    await h.dm('yuki', c.region);
    const text = textOf(last(h.shown(YUKI)));
    expect(text).toContain(c.countries);
    expect(text).not.toMatch(/\bFR\b|\bDE\b/);
  });

  it.each(CASES)('$lang: a subscription is named once, without doubled brackets, on the form and the confirmation', async (c) => {
    await h.dm('yuki', c.choose);
    await h.dm('yuki', c.multichannel);
    const form = last(h.shown(YUKI));
    expect(textOf(form)).toContain('Microsoft 365 E3 (EA)');
    expect(textOf(form)).not.toMatch(/\(EA\)\s*\(/);
    await h.click('yuki', form, 'submit_form', { partnerId: 'trey-research-direct' });
    const confirmation = textOf(last(h.shown(YUKI)));
    expect(confirmation).toContain('Microsoft 365 E3 (EA)');
    expect(confirmation).not.toMatch(/\(EA\)\s*\(/);
    expect(confirmation).not.toMatch(SPACED_PARTICLE);
  });
});
