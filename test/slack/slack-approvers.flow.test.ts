import { bothStores } from '../support/both-stores';
import { textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 16 in Slack, through signed HTTP requests and the Web API fake, on both stores: Yamato
 * Manufacturing's only admin Taro Ito and its requester Yuki Suzuki. Lists, adds by `<@U…>` mention in
 * a DM, removes by mention in a channel (app_mention), the refusals (not an admin, last admin), and
 * Yuki told in her own DM (chat.postMessage), in English and Japanese. Replies are Block Kit rendered
 * from the Adaptive Cards.
 */
const lastIn = (h: SlackHarness, channel: string) => textOf(h.posted(channel).at(-1)!);
const roles = async (h: SlackHarness, id: string) => (await h.store.directory.getPerson(id))!.roles;

describe.each(bothStores())('Slack: approvers managed in chat ($name store)', (store) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness(store.options());
    // Yuki's Slack client is in Japanese (users.info): she is told in Japanese, in her DM with the bot.
    h.api.locales.set('U06YUKISZ', 'ja-JP');
    await h.dm('yuki', 'こんにちは');
  });
  afterEach(async () => {
    await h.destroy();
    await store.cleanUp();
  });

  it('an admin adds by mention in a DM (Japanese); the person is told in her DM; a channel mention removes her again (English)', async () => {
    await h.dm('taro', '<@U06YUKISZ> を承認者にして');
    expect(lastIn(h, 'D06TAROITO')).toMatch(/Yuki Suzuki さんを .+の承認者にしました/);
    expect(await roles(h, 'yuki-suzuki')).toEqual(['requester', 'admin']);
    // Yuki's notice: posted to her DM, in Japanese, with the workspace's token.
    const told = h.posted('D06YUKISZ').at(-1)!;
    expect(textOf(told)).toContain('承認者になりました');
    expect(textOf(told)).toContain('Taro Ito さんがあなたを');
    expect(told.blocks.length).toBeGreaterThan(0);

    await h.dm('yuki', 'who are our approvers?');
    expect(lastIn(h, 'D06YUKISZ')).toMatch(/Yuki Suzuki \(you\): approver \(admin\), requester/);
    expect(lastIn(h, 'D06YUKISZ')).toMatch(/Taro Ito: approver \(admin\), requester/);

    // In a channel: "@Partner Link remove @Yuki as an approver" (the bot's own mention comes first).
    await h.mention('taro', 'C06APPROVE', 'remove <@U06YUKISZ> as an approver');
    expect(lastIn(h, 'C06APPROVE')).toContain('Yuki Suzuki is no longer an approver');
    expect(await roles(h, 'yuki-suzuki')).toEqual(['requester']);
    expect(textOf(h.posted('D06YUKISZ').at(-1)!)).toMatch(/あなたを .+の承認者から外しました/);
    // Every call went to the fake Web API with the bot token.
    expect(h.api.called('chat.postMessage').every((c) => c.token === 'xoxb-0000-test-token')).toBe(true);
  });

  it('refusals: a requester may not change approvers (Japanese); the last admin cannot remove himself (English)', async () => {
    await h.dm('yuki', '<@U06TAROITO> を承認者から外して');
    expect(lastIn(h, 'D06YUKISZ')).toContain('承認者を変更できるのは御社の管理者だけです');
    await h.dm('taro', 'remove me as an approver');
    expect(lastIn(h, 'D06TAROITO')).toContain('Taro Ito is the last approver of your organization');
    expect(await roles(h, 'taro-ito')).toEqual(['requester', 'admin']);
  });

  it('a name the bot cannot place: it asks with buttons for the people of the organization; the click makes the change', async () => {
    await h.dm('taro', 'make Ken an approver');
    const asked = h.posted('D06TAROITO').at(-1)!;
    expect(textOf(asked)).toContain('Whom should I make an approver?');
    expect(textOf(asked)).toContain('Yuki Suzuki');
    expect(textOf(asked)).not.toContain('Ken Sato'); // Sakura Cloud's Ken is not Yamato's
    await h.click('taro', asked, 'approver_pick');
    expect(h.shown('D06TAROITO').map(textOf).join('\n')).toContain('Yuki Suzuki is now an approver');
    expect(await roles(h, 'yuki-suzuki')).toContain('admin');
  });
});
