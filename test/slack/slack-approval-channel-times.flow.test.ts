import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18: a card in an approval channel has many readers, each in their own zone. Its times are
 * Slack's date tokens (`<!date^unix^{…}|fallback>`), which each reader's client draws in their own zone;
 * the fallback, for clients that cannot, is in UTC and says so. A card to one person keeps their zone.
 */
const DATE_TOKEN = /<!date\^\d{10}\^\{date_short\}\|\d{4}-\d{2}-\d{2}>/;
const TIME_TOKEN = /<!date\^\d{10}\^\{time\}\|\d{2}:\d{2} UTC>/;
/** A time the bot drew in one zone names it (GMT+9, JST); a bare "UTC" outside a token is one too. */
const ZONE_NAME = /GMT|JST|UTC(?!>)/;

const blocksOf = (message: { blocks?: unknown }) => JSON.stringify(message.blocks ?? []);

describe('Slack: times on cards in an approval channel', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('in English: Trey Research\'s channel card and its replacement after Daniel approves there carry date tokens', async () => {
    await h.command('daniel', 'C05TREYAPP', 'approvals here');
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');

    const card = last(h.posted('C05TREYAPP'));
    expect(textOf(card)).toContain('Approval requested');
    const blocks = blocksOf(card);
    expect(blocks).toMatch(DATE_TOKEN);
    expect(blocks).toMatch(TIME_TOKEN);
    expect(blocks).not.toMatch(ZONE_NAME);

    await h.click('daniel', card, 'approve');
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'C05TREYAPP' && c.args.ts === card.ts);
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) {
      expect(blocksOf(u.args)).toMatch(TIME_TOKEN);
      expect(blocksOf(u.args)).not.toMatch(ZONE_NAME);
    }
  });

  it('in Japanese: Yamato\'s channel card and its replacement after Taro approves there carry date tokens; Yuki\'s own card keeps her zone', async () => {
    for (const u of ['U06YUKISZ', 'U06TAROITO']) h.api.locales.set(u, 'ja-JP');
    await h.dm('daniel', 'hello');
    await h.command('taro', 'C06APPROVE', 'approvals here');
    await h.dm('yuki', 'パートナーを追加したい');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { workload: 'azure' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    await h.click('daniel', last(h.posted('D05DANPARK')), 'approve');

    const card = last(h.posted('C06APPROVE'));
    expect(textOf(card)).toMatch(/承認/);
    const blocks = blocksOf(card);
    expect(blocks).toMatch(DATE_TOKEN);
    expect(blocks).toMatch(TIME_TOKEN);
    expect(blocks).not.toMatch(ZONE_NAME);

    await h.click('taro', card, 'approve');
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'C06APPROVE' && c.args.ts === card.ts);
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) {
      expect(blocksOf(u.args)).toMatch(/承認/);
      expect(blocksOf(u.args)).toMatch(TIME_TOKEN);
      expect(blocksOf(u.args)).not.toMatch(ZONE_NAME);
    }
    // Yuki's decision in her DM is hers alone: drawn in Tokyo time, naming the zone.
    const decision = last(h.shown('D06YUKISZ'));
    expect(textOf(decision)).toMatch(/承認されました|承認済み/);
    expect(textOf(decision)).toMatch(/JST|GMT\+9/);
    expect(textOf(decision)).not.toMatch(/<!date/);
  });
});
