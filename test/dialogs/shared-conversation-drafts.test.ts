import { MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { OptimisticConversationState } from '../../dialogs/bot/optimistic-conversation-state';
import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

const NOT_YOURS = 'that draft belongs to the person who started it';
const NOT_YOURS_JA = 'この下書きは作成した方のものです';

/**
 * In a Teams channel or group chat everyone sees everyone's cards, and botbuilder keys conversation
 * state by conversation: one person's "yes" (or click on the confirmation card) filed another's draft
 * under their own name. Each person's draft is now their own.
 */
describe.each([
  { kind: 'a Teams channel', conversation: { id: '19:partners@thread.tacv2', conversationType: 'channel' as const } },
  { kind: 'a Teams group chat', conversation: { id: '19:meeting_group@thread.v2', conversationType: 'groupChat' as const } },
])('drafts in $kind belong to the person who started them', ({ conversation }) => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  async function aikoDrafts() {
    const confirmation = (await h.sayIn('aiko-tanaka', conversation, 'link us with Tailspin Distribution KK', 'en-US')).at(-1)!;
    expect(confirmation.cardText).toContain('Please check your request');
    expect(buttonData(confirmation.card, 'confirm')).toMatchObject({ owner: 'aiko-tanaka' });
    return confirmation;
  }
  const filed = async () => [...(await h.store.requests.listByRequester('aiko-tanaka')), ...(await h.store.requests.listByRequester('mei-kobayashi'))];

  it("someone else's \"yes\" answers nobody's draft; the owner's files it under the owner", async () => {
    await aikoDrafts();
    const other = await h.sayIn('mei-kobayashi', conversation, 'yes', 'en-US');
    expect(strings(other)).not.toMatch(/PL-[0-9A-Z]{8}/);
    expect(await filed()).toEqual([]);
    const own = await h.sayIn('aiko-tanaka', conversation, 'yes', 'en-US');
    expect(strings(own)).toMatch(/PL-[0-9A-Z]{8}/);
    const requests = await filed();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ requester: { personId: 'aiko-tanaka', orgId: 'sakura-cloud' } });
  });

  it("someone else's Send, Change or Cancel on the card is refused politely, in their language; the draft is untouched", async () => {
    const card = (await aikoDrafts()).card;
    for (const verb of ['confirm', 'edit', 'start_over']) {
      // Mei's directory language is Japanese: she asks for each language (issue 18: an explicit choice wins).
      await h.sayIn('mei-kobayashi', conversation, 'in English', 'en-US');
      const en = await h.executeIn('mei-kobayashi', conversation, buttonData(card, verb)!, 'en-US');
      expect(strings([en.answer, en.replies])).toContain(NOT_YOURS);
      await h.sayIn('mei-kobayashi', conversation, '日本語で', 'ja-JP');
      const ja = await h.executeIn('mei-kobayashi', conversation, buttonData(card, verb)!, 'ja-JP');
      expect(strings([ja.answer, ja.replies])).toContain(NOT_YOURS_JA);
    }
    expect(await filed()).toEqual([]);
    // A forged card naming nobody as the owner is no better: Mei has no draft of her own here.
    const { owner: _owner, ...unowned } = buttonData(card, 'confirm')!;
    const forged = await h.executeIn('mei-kobayashi', conversation, unowned, 'en-US');
    expect(strings([forged.answer, forged.replies])).not.toMatch(/PL-[0-9A-Z]{8}/);
    expect(await filed()).toEqual([]);
    // Aiko's draft is where she left it: her own click files it.
    const mine = await h.executeIn('aiko-tanaka', conversation, buttonData(card, 'confirm')!, 'en-US');
    expect(strings([mine.answer, mine.replies])).toMatch(/PL-[0-9A-Z]{8}/);
    expect(await filed()).toEqual([expect.objectContaining({ requester: expect.objectContaining({ personId: 'aiko-tanaka' }) })]);
  });

  it('two people draft side by side in one conversation without touching each other', async () => {
    await aikoDrafts();
    const meis = (await h.sayIn('mei-kobayashi', conversation, 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
    expect(meis.cardText).toContain('Please check your request');
    await h.sayIn('aiko-tanaka', conversation, 'yes', 'en-US');
    await h.sayIn('mei-kobayashi', conversation, 'yes', 'en-US');
    const [aiko] = await h.store.requests.listByRequester('aiko-tanaka');
    const [mei] = await h.store.requests.listByRequester('mei-kobayashi');
    expect(aiko?.subject).toMatchObject({ providerId: 'tailspin-distribution-jp', resellerId: 'sakura-cloud' });
    expect(mei?.subject).toMatchObject({ providerId: 'contoso-distribution-jp', resellerId: 'fuji-it-partners' });
  });
});

describe('where conversation state is kept', () => {
  const key = (activity: Partial<Activity>, shared: boolean) =>
    new OptimisticConversationState(new MemoryStorage(), () => shared).getStorageKey(new TurnContext(new TestAdapter(), { channelId: 'msteams', ...activity } as Activity));

  it('a personal conversation keeps botbuilder\'s key (state saved before is found); a shared one has a key per person', () => {
    expect(key({ from: { id: '29:aiko', name: 'Aiko' }, conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' } }, false)).toBe('msteams/conversations/a:1/');
    const aiko = key({ from: { id: '29:aiko', name: 'Aiko' }, conversation: { id: '19:x', isGroup: true, conversationType: 'channel', name: '' } }, true);
    const mei = key({ from: { id: '29:mei', name: 'Mei' }, conversation: { id: '19:x', isGroup: true, conversationType: 'channel', name: '' } }, true);
    expect(aiko).toBe('msteams/conversations/19:x/users/29%3Aaiko');
    expect(mei).not.toBe(aiko);
    expect(() => key({ conversation: { id: '19:x', isGroup: true, conversationType: 'channel', name: '' } }, true)).toThrow(expect.objectContaining({ code: 'STATE_KEY_MISSING' }));
  });
});
