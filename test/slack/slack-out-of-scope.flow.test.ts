import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack: an out-of-scope request that shares an action word ("cancel my gym membership",
 * 「新幹線の予約を取り消して」) comes back as out of scope, never as an action such as cancel: the bot says
 * it did not understand and shows what it can do; nothing is cancelled or asked about. Teams:
 * test/dialogs/understanding.test.ts; the recognizer: test/nlu/normalisation.test.ts.
 */
const TARO = 'D06TAROITO';

describe('Slack: out-of-scope requests are never actions', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['in English', 'cancel my gym membership', "Sorry, I didn't understand that", /Cancel a request|Which request|Which did you mean/],
    ['in English', 'can you cancel my flight to Osaka', "Sorry, I didn't understand that", /Cancel a request|Which request|Which did you mean/],
    ['日本語で', '新幹線の予約を取り消して', '申し訳ありません、うまく理解できませんでした', /申請の取り消し|どの申請|どちらのご用件ですか/],
    ['日本語で', 'ジムの会員をキャンセルしたい', '申し訳ありません、うまく理解できませんでした', /申請の取り消し|どの申請|どちらのご用件ですか/],
  ])('%s: "%s" is out of scope', async (choose, text, sorry, never) => {
    await h.dm('taro', choose);
    const from = h.shown(TARO).length;
    await h.dm('taro', text);
    const shown = h.shown(TARO).slice(from).map(textOf).join(' | ');
    expect(shown).toContain(sorry);
    expect(shown).not.toMatch(never);
    expect(textOf(last(h.shown(TARO)))).not.toBe('');
  });
});
