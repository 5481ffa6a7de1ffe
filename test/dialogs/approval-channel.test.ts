import { createBotHarness, type BotHarness } from '../support/bot-harness';

describe('"use this channel for approvals"', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('an admin sets the channel (in Japanese, with an @mention); approval cards then go there instead of to each admin', async () => {
    const [done] = await h.sayInChannel('hiroshi-yamada', '19:approvals@thread.tacv2', '<at>Partner Link</at> 承認はこのチャネルで', 'ja-JP');
    expect(done!.text).toContain('コントソ・ディストリビューション・ジャパン');
    await h.say('hiroshi-yamada', 'hello');
    const form = (await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan please')).at(-1)!;
    expect(form.cardText).toContain('Contoso Distribution Japan');
    const { buttonData } = await import('../support/bot-harness');
    await h.execute('mei-kobayashi', buttonData(form.card, 'confirm')!);
    expect(h.delivered.map((d) => d.to)).toEqual(['channel:contoso-distribution-jp:teams']);
  });

  it('a non-admin cannot set it, and saying it in personal chat explains where to say it', async () => {
    // Naoki's directory language is Japanese (issue 18's rule); he asks for English first.
    await h.sayInChannel('naoki-mori', '19:general@thread.tacv2', 'in English', 'en-US');
    const [refused] = await h.sayInChannel('naoki-mori', '19:general@thread.tacv2', 'use this channel for approvals', 'en-US');
    expect(refused!.text).toContain('Only an admin');
    expect(await h.store.references.get('channel:contoso-distribution-jp:teams')).toBeUndefined();
    await h.say('hiroshi-yamada', 'in English', 'en-US'); // his directory language is Japanese (issue 18)
    const [personal] = await h.say('hiroshi-yamada', 'approvals here', 'en-US');
    expect(personal!.text).toContain('team channel');
  });
});
