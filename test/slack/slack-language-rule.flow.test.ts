import { strings } from '../support/bot-harness';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * Issue 18 on Slack: one language rule for every message and card (explicit choice, directory language,
 * language last written, client locale), notifications included; a clicked card is answered in its own
 * language, never flipped to the language of the clicker's last words or of their Slack client.
 * The fake Slack API reports en-US for everyone unless a test says otherwise (users.info locale).
 */
describe('Slack: the language rule for notifications and clicked cards', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  /** Yuki (Japanese by the directory) asks, in English, for Trey Research Direct as a second partner. */
  async function fileAddPartner(): Promise<string> {
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const sent = textOf(last(h.shown('D06YUKISZ')));
    expect(sent).toContain('Request sent'); // her own cards follow the language she wrote in
    return REQUEST_ID.exec(sent)![0];
  }

  it('ja: Yuki, Japanese by the directory, whose Slack reports en-US and who wrote English, gets the rejection notice in Japanese', async () => {
    await h.dm('daniel', 'hello');
    const requestId = await fileAddPartner();
    const card = last(h.posted('D05DANPARK'));
    await h.click('daniel', card, '#showCard');
    await h.click('daniel', last(h.posted('D05DANPARK')), 'reject', { reason: 'Our Azure team is full this quarter.' });
    expect((await h.store.requests.get(requestId))?.status).toBe('rejected');
    const notice = last(h.posted('D06YUKISZ'));
    expect(textOf(notice)).toContain(requestId);
    expect(textOf(notice)).toContain('申請は却下されました');
    expect(textOf(notice)).toContain('Our Azure team is full this quarter.');
    expect(textOf(notice)).not.toMatch(/Request rejected/);
    // Daniel (English) decided in English: his card was replaced once, in English and his time zone.
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card.ts);
    expect(updates).toHaveLength(1);
    expect(strings(updates[0]!.args.blocks)).toContain('Request rejected');
    expect(strings(updates[0]!.args.blocks)).not.toContain('UTC');
  });

  it('ja: Taro, Japanese by the directory, wrote English; his Japanese approval card, clicked, is replaced in Japanese (it does not flip to English)', async () => {
    await h.dm('daniel', 'hello');
    await h.dm('taro', 'hi there, what can you do?');
    const requestId = await fileAddPartner();
    await h.click('daniel', last(h.posted('D05DANPARK')), 'approve');
    const card2 = last(h.posted('D06TAROITO'));
    expect(textOf(card2)).toContain(requestId);
    expect(textOf(card2)).toContain('承認のお願い');
    await h.click('taro', card2, 'approve');
    expect((await h.store.requests.get(requestId))?.status).toBe('approved');
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'D06TAROITO' && c.args.ts === card2.ts);
    expect(updates).toHaveLength(1);
    const text = strings(updates[0]!.args.blocks);
    expect(text).toContain('申請は承認されました');
    expect(text).not.toMatch(/Request approved/);
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2} JST/);
  });

  it('en: Daniel, English by the directory, writes Japanese from a ja-JP Slack; his English approval card, clicked, is replaced in English', async () => {
    h.api.locales.set('U05DANPARK', 'ja-JP');
    await h.dm('daniel', 'こんにちは、申請を見せてください');
    const requestId = await fileAddPartner();
    const card1 = last(h.posted('D05DANPARK'));
    expect(textOf(card1)).toContain('Approval requested');
    await h.click('daniel', card1, 'approve');
    expect((await h.store.requests.get(requestId))?.stage).toBe(1);
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card1.ts);
    expect(updates).toHaveLength(1);
    const text = strings(updates[0]!.args.blocks);
    expect(text).toContain('Step 1 approved by Daniel Park');
    expect(text).not.toMatch(/承認しました|承認待ち/);
    expect(text).toMatch(/GMT\+9/);
  });
});
