import { createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18: a US Government customer asking for a second partner was offered only the partner it
 * already had, with no word why. A short list now says how many organizations the rules kept off it,
 * and why, in plain words, in the reader's language.
 */
describe('a short list of partners says why (Teams, US Government customer)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'we need another partner for Azure', /Why the list is short: \d+ other organizations are not offered\./, 'in a different Microsoft cloud from yours (public cloud or US Government) ('],
    ['ja-JP', 'Azure のパートナーを追加したい', /一覧が短い理由：ほかの \d+ 社は対象外です。/, 'お客様と異なる Microsoft クラウド (パブリック クラウドまたは US Government) にある ('],
  ])('%s: Marcus Lee (Bayview County) sees Relecloud Federal and why the others are not offered', async (locale, text, title, cloud) => {
    if (locale === 'ja-JP') await h.say('marcus-lee', '日本語で', locale);
    const form = (await h.say('marcus-lee', text, locale)).at(-1)!;
    expect(form.cardText).toContain('Relecloud Federal');
    expect(form.cardText).toMatch(title);
    expect(form.cardText).toContain(cloud);
    // The counts add up to the number in the title.
    const total = Number(/(\d+)/.exec(title.exec(form.cardText)![0])![1]);
    const counts = [...form.cardText.matchAll(/\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBeGreaterThan(0);
  });
});
