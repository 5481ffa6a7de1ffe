import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18: a reseller with no distributor left to offer (Mei Kobayashi of Fuji IT Partners has asked
 * both of the distributors that can link with her, Contoso and Tailspin) is told why nobody is offered,
 * summed up by rule over every distributor considered, and what she can do. It used to stop with one
 * candidate's reason, as if that were the only distributor. Slack: slack-empty-distributor-list.flow.test.ts.
 */
describe('an empty list of distributors says why (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  async function askBoth(locale: string) {
    for (const text of ['link us with Contoso Distribution Japan please', 'link us with Tailspin Distribution KK please']) {
      const form = (await h.say('mei-kobayashi', text, locale)).at(-1)!;
      await h.execute('mei-kobayashi', buttonData(form.card, 'confirm')!, locale);
    }
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(2);
  }

  it.each([
    ['en-US', 'in English', 'link us with a distributor', 'No distributor can link with your organization right now', /Why there is nobody to choose: (\d+) organizations were considered, and none can be offered\./, 'a request for the same thing is already waiting (2)', 'What you can do:', "This request can't go ahead"],
    ['ja-JP', '日本語で', 'ディストリビューターと連携したい', '現在、貴社と連携できるディストリビューターはありません', /選べる相手がいない理由：(\d+) 社を確認しましたが、どこも対象外です。/, '(2 社)', 'できること:', 'この申請は受け付けられません'],
  ])('%s: Mei is told why nobody can be offered, counted by rule, and what she can do', async (locale, choose, ask, empty, title, pending, whatToDo, stopTitle) => {
    await h.say('mei-kobayashi', choose, locale);
    await askBoth(locale);
    const card = (await h.say('mei-kobayashi', ask, locale)).at(-1)!;
    expect(card.cardText).toContain(empty);
    expect(card.cardText).toMatch(title);
    expect(card.cardText).toContain(pending);
    expect(card.cardText).toContain(whatToDo);
    expect(card.cardText).not.toContain(stopTitle);
    // Every distributor considered is counted under one rule: the counts add up to the title's number.
    const total = Number(title.exec(card.cardText)![1]);
    const counts = [...card.cardText.matchAll(/• [^•]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBeGreaterThan(2);
    // Nothing can be chosen, so nothing to continue with; the dialog has ended and a new message is read afresh.
    expect(buttonData(card.card, 'submit_form')).toBeUndefined();
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(2);
  });
});
