import { stringsFor } from '../../cards';
import { createBotHarness, type BotHarness } from '../support/bot-harness';

/** Issue 18: the distributor admin's help card had a request-types heading with nothing under it. */
describe('help for a distributor admin (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'help', 'en'],
    ['ja-JP', 'ヘルプ', 'ja'],
  ] as const)('%s: no empty request-types heading; the word for approvers is there', async (locale, text, lang) => {
    const s = stringsFor(lang);
    // Hiroshi's directory language is Japanese: the English run asks for English first.
    if (lang === 'en') await h.say('hiroshi-yamada', 'in English please', locale);
    const card = (await h.say('hiroshi-yamada', text, locale)).at(-1)!;
    expect(card.cardText).toContain(s.help.approversTitle);
    expect(card.cardText).not.toContain(s.help.whatTitle);
  });

  it('a reseller still sees the request types under their heading', async () => {
    const s = stringsFor('en');
    await h.say('mei-kobayashi', 'in English please', 'en-US');
    const card = (await h.say('mei-kobayashi', 'help', 'en-US')).at(-1)!;
    expect(card.cardText).toContain(s.help.whatTitle);
    expect(card.cardText).toContain(s.kind.link_distributor);
  });
});
