import nock from 'nock';
import { buttonData, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { usePartnerCenterHarness } from '../support/partner-center-harness';
import { PC_BASE, fixture, replyWith } from '../partner-center/pc-fixtures';

// Issue 17, done when: multi-channel support for an Azure subscription bought elsewhere goes through
// "completing" (the steps for a new Azure plan) to "completed" once the customer has an Azure plan with
// the partner as reseller of record. Japanese, Teams; Partner Center answered by fixtures.
const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';

describe.each(bothStores().map((s) => [s.name, s] as const))('multi-channel support completes in Partner Center (Teams, %s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest);
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it('ja: Azure bought elsewhere → completing with the new Azure plan step → completed when the Azure plan shows the partner', async () => {
    const [ask] = await h.say('yuki-suzuki', '他で購入したサブスクリプションのサポートをお願いしたい', 'ja-JP');
    const partners = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62' }, 'ja-JP')).answer!;
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(partners.card, 'submit_form')!, partnerId: 'trey-research-direct' }, 'ja-JP')).answer!;
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'ja-JP')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    await h.say('daniel-park', 'こんにちは', 'ja-JP');
    const request = (await h.store.requests.get(id))!;
    await h.execute('daniel-park', { verb: 'approve', requestId: id, version: request.version }, 'ja-JP');
    expect((await h.store.requests.get(id))?.status).toBe('completing');
    const toRequester = h.delivered.filter((d) => d.to === 'yuki-suzuki').at(-1)!;
    expect(strings(toRequester.message.card)).toContain('新しい Azure プランのサブスクリプションを作成');
    expect((await h.store.directory.getSubscription('9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62'))?.supportedBy).toEqual([]);

    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`), 'subscriptions');
    expect(await job.run()).toEqual({ completed: [], waiting: [id], failed: [] });
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`), 'subscriptions-after-azure-plan');
    expect(await job.run()).toEqual({ completed: [id], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(id))?.status).toBe('completed');
    expect((await h.store.directory.getSubscription('9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62'))?.supportedBy).toEqual(['trey-research-direct']);
    expect(strings(h.delivered.filter((d) => d.to === 'yuki-suzuki').at(-1)!.message.card)).toContain('申請はパートナー センターで完了しました');
  });

  it('en: an Azure request is not completed by a licence the partner sold, nor by a subscription Partner Center reports with the old ID; the new Azure plan completes it', async () => {
    await h.say('yuki-suzuki', 'in English', 'en-US');
    const [ask] = await h.say('yuki-suzuki', 'I want support for a subscription we bought elsewhere', 'en-US');
    const partners = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62' }, 'en-US')).answer!;
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(partners.card, 'submit_form')!, partnerId: 'trey-research-direct' }, 'en-US')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec((await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!.cardText)![0];
    await h.say('daniel-park', 'hello', 'en-US');
    await h.execute('daniel-park', { verb: 'approve', requestId: id, version: (await h.store.requests.get(id))!.version }, 'en-US');
    expect((await h.store.requests.get(id))?.status).toBe('completing');
    // The Azure steps only: a new Azure plan subscription, not a licence bought at a term end.
    const steps = strings(h.delivered.filter((d) => d.to === 'yuki-suzuki').at(-1)!.message.card);
    expect(steps).toContain('create a new Azure plan subscription');
    expect(steps).not.toContain('cannot move mid-term');

    // Partner Center shows the partner as reseller of record of a licence (Microsoft 365), and of the old subscription's ID.
    const after = fixture('subscriptions-after-azure-plan');
    const body = structuredClone(after.body) as { items: Record<string, unknown>[] };
    const plan = body.items.find((x) => x.partnerId === '8101234')!;
    const licence = { ...plan, id: '6e2f4d3c-8b5a-4f7c-8d9e-3a2b1c0d9e8f', offerName: 'Microsoft 365 E3', friendlyName: 'Microsoft 365 E3', billingType: 'license' };
    const oldId = { ...plan, id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62' };
    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`).reply(200, JSON.stringify({ ...body, items: [...body.items.filter((x) => x !== plan), licence, oldId] }), after.headers);
    expect(await job.run()).toEqual({ completed: [], waiting: [id], failed: [] });
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`), 'subscriptions-after-azure-plan');
    expect(await job.run()).toEqual({ completed: [id], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
  });
});
