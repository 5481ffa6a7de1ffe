import { strings } from '../support/bot-harness';
import { createSlackHarness, type PostedMessage, type SlackHarness } from './support/slack-harness';

const CHANNEL = 'C06PARTNERS';
const ID = /PL-[0-9A-Z]{8}/;

/**
 * A Slack channel is one conversation for botbuilder, so state was keyed by channel: Taro's "yes" in
 * the channel sent the draft Yuki had just checked, under Taro's name. Each person's state in a
 * channel is now their own, and only the draft's owner may use its confirmation card.
 */
describe('Slack: in a channel, a draft belongs to the person who started it', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  /** What the bot showed `user` alone in the channel (chat.postEphemeral), newest last. */
  const whispered = (user: string): PostedMessage[] =>
    h.api
      .called('chat.postEphemeral')
      .filter((c) => c.args.channel === CHANNEL && c.args.user === user)
      .map((c) => ({ channel: CHANNEL, ts: String(c.result?.message_ts ?? ''), text: String(c.args.text ?? ''), blocks: (c.args.blocks as unknown[] | undefined) ?? [] }));
  const everything = () => h.api.calls.filter((c) => c.method.startsWith('chat.')).map((c) => `${String(c.args.text ?? '')} ${strings(c.args.blocks)}`).join('\n');
  const filed = async () => [...(await h.store.requests.listByRequester('yuki-suzuki')), ...(await h.store.requests.listByRequester('taro-ito'))];

  async function yukiDrafts(): Promise<PostedMessage> {
    await h.mention('yuki', CHANNEL, 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    const form = h.posted(CHANNEL).at(-1)!;
    await h.click('yuki', form, 'submit_form', { partnerId: 'Trey Research Direct' });
    const confirmation = whispered('U06YUKISZ').at(-1)!;
    expect(confirmation.text).toContain('Please check your request');
    return confirmation;
  }

  it("Taro's \"yes\" in the channel does not send Yuki's draft; Yuki's does, under her name", async () => {
    await yukiDrafts();
    const before = h.api.calls.length;
    await h.mention('taro', CHANNEL, 'yes');
    expect(h.api.calls.length).toBeGreaterThan(before); // Taro got an answer of his own
    expect(await filed()).toEqual([]);
    await h.mention('yuki', CHANNEL, 'yes');
    const requests = await filed();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ requester: { personId: 'yuki-suzuki' } });
    expect(everything()).toContain(requests[0]!.id);
  });

  it("Taro's click on Yuki's Send, Change or Cancel is refused politely, to him alone; Yuki's draft goes on", async () => {
    const card = await yukiDrafts();
    h.api.locales.set('U06TAROITO', 'ja-JP');
    for (const verb of ['confirm', 'edit', 'start_over']) {
      await h.click('taro', card, verb);
      expect(strings(whispered('U06TAROITO').at(-1))).toContain('この下書きは作成した方のものです');
    }
    expect(await filed()).toEqual([]);
    await h.click('yuki', card, 'confirm');
    const requests = await filed();
    expect(requests).toEqual([expect.objectContaining({ requester: expect.objectContaining({ personId: 'yuki-suzuki' }) })]);
    expect(ID.test(everything())).toBe(true);
  });
});
