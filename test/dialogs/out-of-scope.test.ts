import { createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18 on Teams: out-of-scope requests come back as out of scope, never as an action such as cancel,
 * in English and Japanese (the words "cancel" and 「キャンセル」 name nothing of this bot's here).
 * Slack: test/slack/slack-out-of-scope.flow.test.ts.
 */
describe('Teams: out-of-scope requests are never actions', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'in English', 'cancel my gym membership', "Sorry, I didn't understand that", /Cancel a request|Which request|Which did you mean/],
    ['en-US', 'in English', 'can you cancel my flight to Osaka', "Sorry, I didn't understand that", /Cancel a request|Which request|Which did you mean/],
    ['ja-JP', '日本語で', '新幹線の予約を取り消して', '申し訳ありません、うまく理解できませんでした', /申請の取り消し|どの申請|どちらのご用件ですか/],
    ['ja-JP', '日本語で', 'ジムの会員をキャンセルしたい', '申し訳ありません、うまく理解できませんでした', /申請の取り消し|どの申請|どちらのご用件ですか/],
  ])('%s (%s): "%s" is out of scope', async (locale, choose, text, sorry, never) => {
    await h.say('taro-ito', choose, locale);
    const replies = await h.say('taro-ito', text, locale);
    const shown = replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' | ');
    expect(shown).toContain(sorry);
    expect(shown).not.toMatch(never);
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
  });
});
