import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18: a US Government customer asking for a second partner was offered only the partner it
 * already had, with no word why. A short list now says how many organizations the rules kept off it,
 * and why, in plain words, in the reader's language. An empty list (his one US Government partner
 * already works with him for Microsoft 365) says why nobody is offered and asks the workload again; it
 * used to stop with one unrelated reseller's reason. The Slack transcripts are in
 * test/slack/slack-cards-never-dead-end.flow.test.ts.
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

  it.each([
    ['en-US', 'we need another partner for Microsoft 365', 'No partner is eligible for this request right now.', /Why there is nobody to choose: (\d+) organizations were considered, and none can be offered\./, 'you already work with them for this (1)', "This request can't go ahead", 'What you can do: choose another workload above.'],
    ['ja-JP', 'Microsoft 365 のパートナーを追加したい', '現在、この申請の対象となるパートナーはありません。', /選べる相手がいない理由：(\d+) 社を確認しましたが、どこも対象外です。/, 'すでにこの内容で連携している (1 社)', 'この申請は受け付けられません', 'できること: 上で別のワークロードを選べます。'],
  ])('%s: an empty list says why nobody is offered, what he can do, and asks the workload again; Azure then offers Relecloud Federal', async (locale, text, empty, title, already, stopTitle, whatToDo) => {
    if (locale === 'ja-JP') await h.say('marcus-lee', '日本語で', locale);
    const form = (await h.say('marcus-lee', text, locale)).at(-1)!;
    expect(form.cardText).toContain(empty);
    expect(form.cardText).toMatch(title);
    expect(form.cardText).toContain(already);
    expect(form.cardText).not.toContain(stopTitle);
    expect(form.cardText).toContain(whatToDo);
    // No unrelated organization is named as the reason.
    expect(form.cardText).not.toContain('Bellows');
    const total = Number(title.exec(form.cardText)![1]);
    const counts = [...form.cardText.matchAll(/• [^•]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    // Not a dead end: the workload is asked again, with Continue.
    const submit = buttonData(form.card, 'submit_form')!;
    expect(submit).toBeDefined();
    const next = (await h.execute('marcus-lee', { ...submit, workload: 'azure' }, locale)).answer!;
    expect(next.cardText).toContain('Relecloud Federal');
    expect(next.cardText).not.toContain(empty);
  });
});
