import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

describe('customer asks a partner to support a subscription bought elsewhere (multi-channel)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('in English: "we bought Microsoft 365 through an EA" picks that subscription, offers eligible partners, files it', async () => {
    const [form] = await h.say('yuki-suzuki', 'We bought Microsoft 365 through an EA. Can a CSP partner support it?');
    expect(form!.cardText).toContain('Microsoft 365 E3 (EA)');
    expect(form!.cardText).toContain('Sakura Cloud Solutions');
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form!.card, 'submit_form')!, partnerId: 'sakura-cloud' })).answer!;
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    expect((await h.store.requests.get(id))?.subject).toMatchObject({ kind: 'multichannel_support', subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61', partnerId: 'sakura-cloud' });
  });

  it('in Japanese: asks which subscription; one bought from another CSP partner is refused with the reason and asked again', async () => {
    const [ask] = await h.say('yuki-suzuki', '他で購入したサブスクリプションのサポートをお願いしたい', 'ja-JP');
    expect(ask!.cardText).toContain('Azure subscription (from another CSP partner)');
    const refused = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c64' }, 'ja-JP')).answer!;
    expect(refused.cardText).toContain('マルチチャンネル サポートの対象外です'); // MULTICHANNEL_CHANNEL_INELIGIBLE
    expect(refused.cardText).toContain('Microsoft 365 E3 (EA)'); // asked again, with the list
    // Picks the Azure plan bought online instead: usage-based, so the partner creates a new subscription.
    const partners = (await h.execute('yuki-suzuki', { ...buttonData(refused.card, 'submit_form')!, subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62' }, 'ja-JP')).answer!;
    expect(partners.cardText).toContain('トレイ・リサーチ・ダイレクト');
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(partners.card, 'submit_form')!, partnerId: 'trey-research-direct' }, 'ja-JP')).answer!;
    expect(confirmation.cardText).toContain('新しい Azure サブスクリプションを作成');
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'ja-JP')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    await h.say('daniel-park', 'こんにちは', 'ja-JP');
    const request = (await h.store.requests.get(id))!;
    await h.execute('daniel-park', { verb: 'approve', requestId: id, version: request.version }, 'ja-JP');
    expect((await h.store.requests.get(id))?.status).toBe('approved');
    expect((await h.store.directory.getSubscription('9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62'))?.supportedBy).toEqual(['trey-research-direct']);
  });

  it('MULTICHANNEL_LICENSE_MID_TERM: a license-based subscription mid-term is refused with its end date', async () => {
    const [ask] = await h.say('yuki-suzuki', 'I want a partner to support a subscription we bought elsewhere');
    const refused = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c63' })).answer!;
    expect(refused.cardText).toContain('2027-09-30');
    expect(await h.store.requests.listByRequester('yuki-suzuki')).toEqual([]);
  });
});
