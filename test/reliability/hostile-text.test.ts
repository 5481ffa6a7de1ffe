import { cardBytes, cardProblems, MAX_CARD_BYTES } from '../support/card-validator';
import { createBotHarness, type BotHarness } from '../support/bot-harness';

const HOSTILE: Record<string, string> = {
  veryLong: 'link me with a distributor '.repeat(2000),
  emoji: '🤝🏽 distributor please 🇯🇵🔥💯 👨‍👩‍👧‍👦',
  mixedScripts: 'Azure のパートナーを追加したい please 谢谢 спасибо',
  rightToLeft: 'أريد ربط موزع \u202Elink distributor\u202C שלום',
  controlChars: 'link\u0000me\u0007with\u001b[31m a\u0008 distributor\r\n\t\u200B\uFEFF',
  markup: '<script>alert(1)</script> **bold** [x](javascript:alert(1)) <at>Someone</at> {{name}} ${process.env} <!-- -->',
  mongo: '{"$gt": ""} {"$where": "sleep(10000)"} PL-AAAAAAAA',
  lonelySurrogate: 'distributor \uD800 please',
  onlySpaces: '     ',
};

describe('free text that tries to break things', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await createBotHarness();
  });
  afterAll(() => h.destroy());

  it.each(Object.entries(HOSTILE))('%s: answered without an error, with valid cards', async (_name, text) => {
    for (const who of ['mei-kobayashi', 'yuki-suzuki']) {
      const replies = await h.say(who, text);
      expect(replies.length).toBeGreaterThan(0);
      for (const r of replies) {
        if (!r.card) continue;
        expect(cardProblems(r.card)).toEqual([]);
        expect(cardBytes(r.card)).toBeLessThan(MAX_CARD_BYTES);
        expect(r.cardText).not.toContain('<script>');
      }
      await h.say(who, 'start over');
    }
  });
});
