import { meiOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack: a reseller with no distributor left to offer (Mei has asked both that can link
 * with her) is told why nobody is offered, counted by rule, and what she can do, in Block Kit, in
 * English and Japanese. Teams: test/dialogs/empty-distributor-list.test.ts.
 */
const MEI = 'D09MEIKOB';

describe('Slack: an empty list of distributors says why', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
    await meiOnSlack(h.store);
  });
  afterEach(() => h.destroy());

  it.each([
    ['en', 'in English', 'link us with a distributor', 'No distributor can link with your organization right now', /Why there is nobody to choose: (\d+) organizations were considered, and none can be offered\./, 'a request for the same thing is already waiting (2)', 'What you can do:'],
    ['ja', '日本語で', 'ディストリビューターと連携したい', '現在、貴社と連携できるディストリビューターはありません', /選べる相手がいない理由：(\d+) 社を確認しましたが、どこも対象外です。/, '(2 社)', 'できること:'],
  ])('%s: Mei is told why nobody can be offered and what she can do', async (_lang, choose, ask, empty, title, pending, whatToDo) => {
    await h.dm('mei', choose);
    for (const text of ['link us with Contoso Distribution Japan please', 'link us with Tailspin Distribution KK please']) {
      await h.dm('mei', text);
      await h.click('mei', last(h.shown(MEI)), 'confirm');
    }
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(2);
    await h.dm('mei', ask);
    const text = textOf(last(h.shown(MEI)));
    expect(text).toContain(empty);
    expect(text).toMatch(title);
    expect(text).toContain(pending);
    expect(text).toContain(whatToDo);
    const total = Number(title.exec(text)![1]);
    const counts = [...text.matchAll(/• [^\n]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
