import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

describe('customer adds a second partner for a workload (multi-partner)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('in English on Slack: the partner admin approves in Slack, the customer admin consents in Teams, the requester is told', async () => {
    await h.say('daniel-park', 'hello', undefined, 'slack');
    await h.say('daniel-park', 'hello', undefined, 'teams');
    await h.say('taro-ito', 'hi there');
    await h.say('olivia-brown', 'hi'); // unrelated; keeps the harness honest about who gets what

    // Yuki is Japanese but writes English here: the answer follows the text.
    const replies = await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    const form = replies.at(-1)!;
    expect(form.cardText).toContain('Trey Research Direct'); // offers Azure, same region
    expect(form.cardText).not.toContain('Woodgrove'); // US partner: another region
    expect(form.cardText).not.toContain('Contoso Distribution'); // a distributor does not sell to customers

    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' })).answer!;
    expect(confirmation.cardText).toMatch(/Azure/);
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!;
    const requestId = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];

    const toPartner = h.delivered.filter((d) => d.to === 'daniel-park');
    expect(toPartner.map((d) => d.platform).sort()).toEqual(['slack', 'teams']);
    const viaSlack = toPartner.find((d) => d.platform === 'slack')!;
    const step1 = await h.execute('daniel-park', buttonData(viaSlack.message.card, 'approve')!, undefined, 'slack');
    expect(strings(step1.card)).toContain(requestId);
    const afterStep1 = await h.store.requests.get(requestId);
    expect(afterStep1?.stage).toBe(1);
    expect(afterStep1?.audit.at(-1)).toMatchObject({ action: 'approve', platform: 'slack', actor: { personId: 'daniel-park' } });
    expect(await h.store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([]);

    const toCustomerAdmin = h.delivered.find((d) => d.to === 'taro-ito');
    expect(toCustomerAdmin).toBeDefined();
    await h.execute('taro-ito', buttonData(toCustomerAdmin!.message.card, 'approve')!, 'ja-JP');
    expect((await h.store.requests.get(requestId))?.status).toBe('approved');
    expect(await h.store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]);
    expect(h.delivered.some((d) => d.to === 'yuki-suzuki' && strings(d.message.card).includes(requestId))).toBe(true);
    expect(h.delivered.some((d) => d.to === 'olivia-brown')).toBe(false);
  });

  it('in Japanese: asks for the workload first, then only eligible partners', async () => {
    const [ask] = await h.say('yuki-suzuki', 'パートナーを追加したい', 'ja-JP');
    expect(ask!.cardText).toContain('Microsoft Azure');
    const form = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, workload: 'azure' }, 'ja-JP')).answer!;
    expect(form.cardText).toContain('トレイ・リサーチ・ダイレクト');
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' }, 'ja-JP')).answer!;
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'ja-JP')).answer!;
    expect(submitted.cardText).toMatch(/PL-[0-9A-Z]{8}/);
  });

  it('CSP_TO_CSP_RESALE: a CSP transacting tenant cannot add a CSP partner; nothing is filed', async () => {
    const replies = await h.say('haruto-kimura', 'Azure のパートナーを追加したい', 'ja-JP');
    expect(replies.at(-1)!.cardText).toContain('CSP パートナーが別の CSP パートナーに再販することはできません');
    expect(await h.store.requests.listByRequester('haruto-kimura')).toEqual([]);
  });

  it('REGION_MISMATCH and WORKLOAD_NOT_OFFERED: a named partner that cannot serve is refused with the reason and the eligible list', async () => {
    const replies = await h.say('olivia-brown', 'add Trey Research Direct as a partner for Azure');
    const form = replies.at(-1)!;
    expect(form.cardText).toMatch(/CSP region/);
    expect(form.cardText).toContain('Woodgrove Partners');
  });

  it('REQUEST_NOT_FOR_ORGANIZATION: a partner asking to add a partner is told what to do instead', async () => {
    const replies = await h.say('daniel-park', 'I want to add a partner for Azure');
    expect(replies.at(-1)!.cardText).toContain('Ask your customer');
  });
});
