import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

describe('interruptions and resuming', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('help mid-dialog shows help, then asks the same question again', async () => {
    await h.say('mei-kobayashi', 'I need a distributor', 'en-US');
    const replies = await h.say('mei-kobayashi', 'help', 'en-US');
    expect(replies).toHaveLength(2);
    expect(replies[0]!.cardText).toMatch(/Help|help/);
    expect(replies[1]!.cardText).toContain('Link with a distributor');
  });

  it('"stop" / 「やめる」 ends the dialog; nothing is filed', async () => {
    await h.say('mei-kobayashi', 'ディストリビューターと連携したい', 'ja-JP');
    const [stopped] = await h.say('mei-kobayashi', 'やめる', 'ja-JP');
    expect(stopped!.text).toContain('中止しました');
    const after = await h.say('mei-kobayashi', 'Contoso Distribution Japan', 'ja-JP');
    expect(after.at(-1)!.cardText).not.toContain('確認'); // no dialog is waiting for a distributor any more
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
  });

  it('start over goes back to the menu', async () => {
    await h.say('yuki-suzuki', 'add a partner for Azure');
    const replies = await h.say('yuki-suzuki', 'start over');
    expect(replies[0]!.text).toContain("start over");
    expect(replies[1]!.cardText).toContain('Add a partner');
  });

  it('switching language mid-dialog asks again in the new language', async () => {
    await h.say('mei-kobayashi', 'I want to link with a distributor', 'en-US');
    const replies = await h.say('mei-kobayashi', '日本語で', 'en-US');
    expect(replies[0]!.text).toContain('日本語で対応します');
    expect(replies[1]!.cardText).toContain('ディストリビューターとの連携');
    const next = await h.say('mei-kobayashi', 'help', 'en-US');
    expect(next[0]!.cardText).toMatch(/[\u3040-\u30ff]/); // stays Japanese: an explicit choice wins
  });

  it('a new request mid-dialog is offered, and taken on yes', async () => {
    await h.say('yuki-suzuki', 'add a second partner for Azure');
    const [offer] = await h.say('yuki-suzuki', 'actually, what is the status of my requests?');
    expect(offer!.text).toMatch(/Switch to "my requests"/);
    const afterYes = await h.say('yuki-suzuki', 'yes');
    expect(afterYes[0]!.text).toContain('no requests yet');
  });

  it('a half-finished request survives a bot restart (state is in the store)', async () => {
    const form = (await h.say('mei-kobayashi', 'link with a distributor please', 'en-US')).at(-1)!;
    const submit = buttonData(form.card, 'submit_form')!;
    await h.close(); // the process goes away
    const { createBotHarness: again } = await import('../support/bot-harness');
    const h2 = await again({ dataDir: h.dataDir });
    try {
      const confirmation = (await h2.execute('mei-kobayashi', { ...submit, providerId: 'contoso-distribution-jp' }, 'en-US')).answer!;
      expect(confirmation.cardText).toContain('Please check your request');
      const done = (await h2.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
      expect(done.cardText).toMatch(/PL-[0-9A-Z]{8}/);
    } finally {
      await h2.close();
    }
  });

  it('an unknown user is told how to get access; nothing is stored for them', async () => {
    const before = (await h.store.conversationState.read(['x'])).x;
    const replies = await h.sayAs({ channelId: 'msteams', from: { id: '29:stranger', name: 'Stranger', aadObjectId: '99999999-9999-4999-8999-999999999999' }, conversation: { id: 'a:stranger', conversationType: 'personal', isGroup: false, name: '' } }, 'link me with a distributor');
    expect(replies[0]!.text).toContain('administrator to add you');
    expect(before).toBeUndefined();
    expect(await h.store.references.listForPerson('stranger')).toEqual([]);
  });
});
