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

    it('Teams (ja): Hiroshi, Japanese by the directory, writes English; his approval card is Japanese, and clicking it is answered in Japanese (the card does not flip)', async () => {
      await h.say('hiroshi-yamada', 'show me my requests please', 'en-US');
      const confirmation = (await h.say('mei-kobayashi', 'コントソ・ディストリビューション・ジャパンと連携したい', 'en-US')).at(-1)!;
      const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
      expect(done.cardText).toContain('申請を送信しました'); // Mei's own card was Japanese (her words): so is its answer
      const requestId = REQUEST_ID.exec(done.cardText)![0];
      const approval = h.delivered.find((d) => d.to === 'hiroshi-yamada' && strings(d.message.card).includes(requestId))!;
      expect(strings(approval.message.card)).toContain('承認のお願い');
      const clicked = await h.execute('hiroshi-yamada', { ...buttonData(approval.message.card, 'reject')!, reason: 'MPA not signed yet' }, 'en-US');
      expect(strings(clicked.card)).toContain('申請は却下されました');
      expect(strings(clicked.card)).not.toMatch(/[Rr]ejected/);
      // A message he types next is still answered in the language he writes in.
      expect(strings(await h.say('hiroshi-yamada', 'show me my requests please', 'en-US'))).not.toMatch(/申請/);
    });

    it('Teams (en): Daniel, English by the directory, writes Japanese from a ja-JP client; his English approval card, clicked, is answered in English', async () => {
      await h.say('daniel-park', 'こんにちは、申請を見せて', 'ja-JP');
      const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions', 'en-US', 'slack')).at(-1)!;
      const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' }, 'en-US', 'slack')).answer!;
      const done = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'en-US', 'slack')).answer!;
      const requestId = REQUEST_ID.exec(done.cardText)![0];
      const approval = h.delivered.find((d) => d.to === 'daniel-park' && d.platform === 'teams' && strings(d.message.card).includes(requestId))!;
      expect(strings(approval.message.card)).toContain('Approval requested');
      const clicked = await h.execute('daniel-park', buttonData(approval.message.card, 'approve')!, 'ja-JP');
      expect(strings(clicked.card)).toContain(requestId);
      expect(strings(clicked.card)).toContain('Step 1 approved by Daniel Park');
      expect(strings(clicked.card)).not.toMatch(/承認しました|承認待ち/);
      // Yuki's own cards in her chat stayed in the language she wrote in.
      expect(done.cardText).toContain('Request sent');
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
