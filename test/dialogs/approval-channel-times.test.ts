import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18: a card in an approval channel has many readers, each in their own zone. Its times are the
 * Adaptive Cards date functions, which Teams draws in each reader's locale and zone (see
 * test/cards/browser.test.ts for the official renderer doing so); a card to one person keeps their zone.
 */
const CHANNEL = '19:approvals@thread.tacv2';
const DATE_FN = /\{\{DATE\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z, SHORT\)\}\}/;
const TIME_FN = /\{\{TIME\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\)\}\}/;
/** A time drawn by the bot in one zone names it (GMT+9, JST, UTC). */
const ZONE_NAME = /UTC|GMT|JST/;

describe('Teams: times on cards in an approval channel', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  /** Hiroshi names the channel for Contoso's approvals; Mei asks for the link; the card goes to the channel. */
  async function channelCard() {
    await h.sayInChannel('hiroshi-yamada', CHANNEL, '<at>Partner Link</at> 承認はこのチャネルで', 'ja-JP');
    const form = (await h.say('mei-kobayashi', 'Contoso Distribution Japanと連携したいです', 'ja-JP')).at(-1)!;
    await h.execute('mei-kobayashi', buttonData(form.card, 'confirm')!, 'ja-JP');
    const posted = h.delivered.filter((d) => d.to === 'channel:contoso-distribution-jp:teams');
    expect(posted).toHaveLength(1);
    return posted[0]!.message.card!;
  }

  it('in Japanese: the card that replaces the channel card after Hiroshi approves there carries date functions, not one zone', async () => {
    const card = await channelCard();
    const clicked = await h.executeIn('hiroshi-yamada', { id: CHANNEL, conversationType: 'channel' }, buttonData(card, 'approve')!, 'ja-JP');
    expect(clicked.answer!.cardText).toMatch(/承認されました|承認済み/);
    expect(clicked.answer!.cardText).toMatch(TIME_FN);
    expect(clicked.answer!.cardText).not.toMatch(ZONE_NAME);
    // The posted channel card is redrawn the same way.
    expect(h.updated.length).toBeGreaterThan(0);
    for (const u of h.updated) expect(strings(u.message.card)).not.toMatch(ZONE_NAME);

    // Mei's own notice is hers alone: drawn in her zone (Tokyo), naming it.
    const notice = h.delivered.filter((d) => d.to === 'mei-kobayashi').at(-1)!;
    expect(strings(notice.message.card)).toMatch(/JST|GMT\+9/);
    expect(strings(notice.message.card)).not.toMatch(TIME_FN);
  });

  it('in English: the channel card (in its first approver\'s language) and the card that replaces it after Emily approves are drawn per reader', async () => {
    const card = await channelCard();
    const text = strings(card);
    expect(text).toContain('Approval requested');
    expect(text).toMatch(DATE_FN);
    expect(text).toMatch(TIME_FN);
    expect(text).not.toMatch(ZONE_NAME);

    const clicked = await h.executeIn('emily-clark', { id: CHANNEL, conversationType: 'channel' }, buttonData(card, 'approve')!, 'en-US');
    expect(clicked.answer!.cardText).toMatch(/approved/i);
    expect(clicked.answer!.cardText).toMatch(DATE_FN);
    expect(clicked.answer!.cardText).toMatch(TIME_FN);
    expect(clicked.answer!.cardText).not.toMatch(ZONE_NAME);

    // In her personal chat Emily's cards keep her own zone (Tokyo).
    const mine = (await h.say('emily-clark', 'my requests', 'en-US')).at(-1)!;
    expect(mine.cardText).not.toMatch(/\{\{(DATE|TIME)\(/);
  });

  it('a reminder posted in the channel (Mei asks for one, in Japanese) carries date functions too', async () => {
    await channelCard();
    const said = await h.say('mei-kobayashi', '承認者にリマインドしてください', 'ja-JP');
    expect(said.map((r) => r.text ?? '').join(' ')).toMatch(/催促しました/);
    const posted = h.delivered.filter((d) => d.to === 'channel:contoso-distribution-jp:teams');
    expect(posted).toHaveLength(2);
    const reminder = strings(posted[1]!.message.card);
    expect(reminder).toMatch(DATE_FN);
    expect(reminder).not.toMatch(ZONE_NAME);
  });
});
