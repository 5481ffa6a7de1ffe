import { createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * A distributor named by its PartnerID in the text is found by index (issue 19: this read the whole
 * directory on every such turn), in English and Japanese.
 */
describe('a PartnerID in the text names the distributor (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'link us with the distributor with PartnerID 4801123 please', 'Contoso Distribution Japan'],
    ['ja-JP', 'PartnerID 4801123 のディストリビューターと連携したい', 'コントソ・ディストリビューション・ジャパン'],
  ])('%s: Mei is asked to confirm the link with that distributor', async (locale, text, name) => {
    if (locale === 'ja-JP') await h.say('mei-kobayashi', '日本語で', locale);
    const card = (await h.say('mei-kobayashi', text, locale)).at(-1)!;
    expect(card.cardText).toContain(name);
    expect(card.cardText).toMatch(/Please check your request|申請内容のご確認/);
  });
});
