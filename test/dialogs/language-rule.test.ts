import { StoredReaderFacts } from '../../app';
import { readerLocale } from '../../domain';
import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * Issue 18: one language rule for every message and card the bot sends (the person's explicit choice,
 * the directory's language, the language they last wrote in, the client's locale), notifications and
 * redrawn cards included; redrawn cards in the reader's time zone.
 */
describe('the language rule', () => {
  it('ranks the explicit choice, then the directory, then the language last written, then the client', () => {
    expect(readerLocale({ chosen: 'en', directory: 'ja', written: 'ja', client: 'ja' })).toBe('en');
    expect(readerLocale({ directory: 'ja', written: 'en', client: 'en' })).toBe('ja');
    expect(readerLocale({ written: 'ja', client: 'en' })).toBe('ja');
    expect(readerLocale({ client: 'ja' })).toBe('ja');
    expect(readerLocale({})).toBe('en');
  });

  describe('through the bot (Teams and Slack)', () => {
    let h: BotHarness;
    beforeEach(async () => {
      h = await createBotHarness();
    });
    afterEach(() => h.destroy());

    /** Mei files a distributor link with her Teams client set to English; Hiroshi (Teams, en-US too) rejects it. */
    async function fileAndReject(text: string): Promise<string> {
      await h.say('hiroshi-yamada', 'hello', 'en-US');
      const confirmation = (await h.say('mei-kobayashi', text, 'en-US')).at(-1)!;
      const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
      const requestId = REQUEST_ID.exec(done.cardText)![0];
      const approval = h.delivered.find((d) => d.to === 'hiroshi-yamada' && strings(d.message.card).includes(requestId))!;
      const reject = buttonData(approval.message.card, 'reject')!;
      await h.execute('hiroshi-yamada', { ...reject, reason: 'MPA not signed yet' }, 'en-US');
      expect((await h.store.requests.get(requestId))?.status).toBe('rejected');
      return requestId;
    }

    it('Teams (ja): a Japanese person whose Teams reports en-US gets the rejection notice in Japanese; the replaced card is Japanese, in Tokyo time', async () => {
      const requestId = await fileAndReject('コントソ・ディストリビューション・ジャパンと連携したい');
      const notice = h.delivered.filter((d) => d.to === 'mei-kobayashi').at(-1)!;
      expect(strings(notice.message.card)).toContain(requestId);
      expect(strings(notice.message.card)).toContain('却下');
      expect(strings(notice.message.card)).not.toMatch(/Rejected|rejected/);
      // Hiroshi's posted approval card, redrawn after his decision: his language and time zone (not UTC).
      const replaced = h.updated.at(-1)!;
      expect(strings(replaced.message.card)).toContain('却下');
      expect(strings(replaced.message.card)).toContain('JST');
      expect(strings(replaced.message.card)).not.toContain('UTC');
    });

    it('Teams (en): after "in English" the same person gets English notices, and the choice is kept in the store', async () => {
      await h.say('mei-kobayashi', 'in English', 'ja-JP');
      expect(await new StoredReaderFacts(h.store.keyValues).of('mei-kobayashi')).toMatchObject({ chosen: 'en' });
      const requestId = await fileAndReject('link us with Contoso Distribution Japan');
      const notice = h.delivered.filter((d) => d.to === 'mei-kobayashi').at(-1)!;
      expect(strings(notice.message.card)).toContain(requestId);
      expect(strings(notice.message.card)).toMatch(/[Rr]ejected/);
      expect(strings(notice.message.card)).not.toContain('却下');
      // The approver's own card stays in his language (Japanese by the directory), not the requester's.
      expect(strings(h.updated.at(-1)!.message.card)).toContain('却下');
    });

    it('Slack (en and ja): Emily, English by the directory, decides in English though Slack reports ja-JP; the requester hears it in Japanese', async () => {
      await h.say('emily-clark', 'hello', 'ja-JP', 'slack');
      const confirmation = (await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
      const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
      const requestId = REQUEST_ID.exec(done.cardText)![0];
      const v = (await h.store.requests.get(requestId))!.version;
      // A click carries no text: the rule decides (the directory's English for Emily, not her client's ja-JP).
      const clicked = await h.execute('emily-clark', { verb: 'reject', requestId, version: v, reason: 'Credit check failed' }, 'ja-JP', 'slack');
      expect(strings(clicked.card)).toMatch(/[Rr]ejected/);
      const notice = h.delivered.filter((d) => d.to === 'mei-kobayashi').at(-1)!;
      expect(strings(notice.message.card)).toContain(requestId);
      expect(strings(notice.message.card)).toContain('却下');
    });
  });
});
