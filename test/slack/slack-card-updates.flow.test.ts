import { StoredReaderFacts } from '../../app';
import { strings } from '../support/bot-harness';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * Issue 18: the approver's own card, clicked in their DM, is replaced once (the click's answer), in
 * their language and time zone; the notifier does not redraw the same message a second time (before,
 * two chat.update calls raced for it, one of them in UTC).
 */
describe('Slack: a clicked approval card is replaced once, in the reader\'s language and time zone', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  async function fileAddPartner(taroSays = 'hi there'): Promise<string> {
    await h.dm('daniel', 'hello');
    await h.dm('taro', taroSays);
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    return REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];
  }

  it('in English: Daniel approves step 1 in his DM: exactly one chat.update of his card, with the time in Tokyo time', async () => {
    const requestId = await fileAddPartner();
    const card1 = last(h.posted('D05DANPARK'));
    expect(textOf(card1)).toContain(requestId);
    await h.click('daniel', card1, 'approve');
    expect((await h.store.requests.get(requestId))?.stage).toBe(1);
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card1.ts);
    expect(updates).toHaveLength(1);
    const text = strings(updates[0]!.args.blocks);
    expect(text).toMatch(/Step 1 approved by Daniel Park, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M GMT\+9/);
    expect(text).not.toContain('UTC');
  });

  it('in Japanese: Taro consents at step 2 in his DM: exactly one chat.update of his card, in Japanese and Japan time', async () => {
    const requestId = await fileAddPartner('こんにちは');
    await h.click('daniel', last(h.posted('D05DANPARK')), 'approve');
    const card2 = last(h.posted('D06TAROITO'));
    expect(textOf(card2)).toContain(requestId);
    await h.click('taro', card2, 'approve');
    expect((await h.store.requests.get(requestId))?.status).toBe('approved');
    const updates = h.api.called('chat.update').filter((c) => c.args.channel === 'D06TAROITO' && c.args.ts === card2.ts);
    expect(updates).toHaveLength(1);
    const text = strings(updates[0]!.args.blocks);
    expect(text).toContain('承認');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2} JST/);
    expect(text).not.toContain('UTC');
  });
});

describe("Slack: the person's time zone from users.info is kept in the store, for a day", () => {
  it('Yuki writes; her Slack tz is recorded for her with an expiry, and a time zone Slack cannot have is ignored', async () => {
    const h = await createSlackHarness();
    try {
      h.api.timeZones.set('U06YUKISZ', 'America/New_York');
      h.api.timeZones.set('U05DANPARK', 'Not/A_Zone');
      await h.dm('yuki', 'hello there');
      await h.dm('daniel', 'hello there');
      const readers = new StoredReaderFacts(h.store.keyValues);
      expect(await readers.of('yuki-suzuki')).toMatchObject({ timeZone: 'America/New_York' });
      expect((await readers.of('daniel-park')).timeZone).toBeUndefined();
      // Trusted for a day, then users.info is asked again.
      const dayAfter = new Date(Date.now() + 25 * 60 * 60 * 1000);
      expect(await new StoredReaderFacts(h.store.keyValues, () => dayAfter).of('yuki-suzuki')).not.toHaveProperty('timeZone');
    } finally {
      await h.destroy();
    }
  });
});
