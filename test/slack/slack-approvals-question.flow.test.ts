import { meiOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack: "who approves this?", 「承認って誰がするんですか？どのくらい時間かかります？」 while a
 * form is open get who decides and how long (the policy's reminder and expiry days), then the form is
 * posted again; not the "pick from the card" hint. Teams: test/dialogs/approvals-question.test.ts.
 */
const MEI = 'D09MEIKOB';
const YUKI = 'D06YUKISZ';
const since = (h: SlackHarness, channel: string, from: number) => h.shown(channel).slice(from).map(textOf).join(' | ');

describe('Slack: approvals questions while a form is open', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('in Japanese: Mei asks mid-form; she is told who approves and how long, and the distributor form is posted again', async () => {
    await meiOnSlack(h.store);
    h.api.locales.set('U09MEIKOB', 'ja-JP');
    await h.dm('mei', 'ディストリビューターと連携したい');
    const from = h.shown(MEI).length;
    await h.dm('mei', '承認って誰がするんですか？どのくらい時間かかります？');
    const shown = since(h, MEI, from);
    expect(shown).toContain('ディストリビューターとの連携: ディストリビューターの管理者 (1 段階)');
    expect(shown).toContain('90 日たっても判断されない申請は期限切れ');
    expect(shown).not.toMatch(/カードから選んで|どちらのご用件ですか/);
    expect(textOf(last(h.shown(MEI)))).toContain('テイルスピン・ディストリビューション');
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
  });

  it('in English: Yuki asks "who approves this?" mid-form; she is told, and the partner form is posted again', async () => {
    await h.dm('yuki', 'in English');
    await h.dm('yuki', 'I want to add a partner for Azure');
    const from = h.shown(YUKI).length;
    await h.dm('yuki', 'who approves this, and how long does it take?');
    const shown = since(h, YUKI, from);
    expect(shown).toContain("Adding a partner takes two steps: the partner's admins, then the customer's admins.");
    expect(shown).toContain('a request nobody decides expires after 90 days');
    expect(shown).not.toMatch(/Which did you mean/);
    expect(textOf(last(h.shown(YUKI)))).toContain('Trey Research Direct');
  });
});
