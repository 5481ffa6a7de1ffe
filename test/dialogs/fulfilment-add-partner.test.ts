import nock from 'nock';
import { renderCard, validateBlocks } from '../../adapters/slack/block-kit';
import { buttonData, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { usePartnerCenterHarness } from '../support/partner-center-harness';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17, done when: adding a partner goes through "completing in Partner Center" to "completed"; the
// partner approves on Slack, the customer admin on Teams (Japanese); Partner Center answered by fixtures.
// Trey Research Direct is a direct-bill partner, neither the operator nor one of its indirect resellers:
// the operator cannot ask Partner Center for its link, so the cards say what Trey must do itself.
const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';

describe.each(bothStores().map((s) => [s.name, s] as const))('add a partner completes in Partner Center (Slack and Teams, %s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest);
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it('partner approves on Slack, customer on Teams → completing with both steps; completed when the customer shows the partner', async () => {
    await h.say('daniel-park', 'hello', undefined, 'slack');
    await h.say('taro-ito', 'hi there');
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions')).at(-1)!;
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' })).answer!;
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!;
    const requestId = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    const viaSlack = h.delivered.find((d) => d.to === 'daniel-park' && d.platform === 'slack')!;
    // At the partner's approval the bot asks Partner Center whether it can act for Trey: it cannot.
    const asked = [
      replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile'),
      replyWith(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers'),
    ];
    await h.execute('daniel-park', buttonData(viaSlack.message.card, 'approve')!, undefined, 'slack');
    expect(asked.every((s) => s.isDone())).toBe(true);
    expect((await h.store.requests.get(requestId))?.fulfilment).toMatchObject({ link: 'partner_acts', attempts: 1 });
    expect((await h.store.requests.get(requestId))?.fulfilment?.url).toBeUndefined();
    const toCustomerAdmin = h.delivered.find((d) => d.to === 'taro-ito')!;
    // The customer admin's approval card says exactly what the partner must do, and that the link comes from the partner.
    expect(strings(toCustomerAdmin.message.card)).toContain('トレイ・リサーチ・ダイレクトが自社のパートナー センターにサインインし、[顧客] を開いて [リセラー関係の要求] を選び、そのリンクを 大和製造株式会社のグローバル管理者に送ります');
    expect(JSON.stringify(toCustomerAdmin.message.card)).not.toContain('Action.OpenUrl');
    await h.execute('taro-ito', buttonData(toCustomerAdmin.message.card, 'approve')!, 'ja-JP');

    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
    expect(await h.store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([]);
    const toCustomer = h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!;
    expect(strings(toCustomer.message.card)).toContain('Partner Link は トレイ・リサーチ・ダイレクトのリンクをパートナー センターに要求できません');
    const toRequester = h.delivered.filter((d) => d.to === 'yuki-suzuki').at(-1)!;
    expect(strings(toRequester.message.card)).toContain('[リセラー関係の要求]');

    // On Slack the partner's admin gets the completing card as valid Block Kit with the steps.
    const onSlack = h.delivered.filter((d) => d.to === 'daniel-park' && d.platform === 'slack').at(-1)!;
    const rendered = renderCard(onSlack.message.card as Parameters<typeof renderCard>[0]);
    expect(validateBlocks(rendered.blocks)).toEqual([]);
    expect(JSON.stringify(rendered.blocks)).toContain("Partner Link cannot ask Partner Center for Trey Research Direct's link. Trey Research Direct signs in to its own Partner Center, opens Customers, selects Request a reseller relationship, and sends the link to a Global admin of Yamato Manufacturing Co., Ltd., who opens it and accepts.");
    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships');
    expect(await job.run()).toEqual({ completed: [], waiting: [requestId], failed: [] });

    const before = h.delivered.length;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships-after-add');
    expect(await job.run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.audit.at(-1)).toMatchObject({ action: 'complete', to: 'completed', platform: 'system' });
    expect(await h.store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]);
    const told = h.delivered.slice(before);
    expect(strings(told.find((d) => d.to === 'yuki-suzuki')?.message.card)).toContain('申請はパートナー センターで完了しました');
    expect(strings(told.find((d) => d.to === 'taro-ito')?.message.card)).toContain('申請はパートナー センターで完了しました');
    // The partner's admin, who approved on Slack, hears of it there too.
    expect(strings(told.find((d) => d.to === 'daniel-park' && d.platform === 'slack')?.message.card)).toContain('Request completed in Partner Center');
  });

  it('en, Teams: Daniel (partner) and Taro (customer admin) approve on Teams in English → the cards say what Trey must do itself; completed when the customer shows Trey, both told', async () => {
    await h.say('daniel-park', 'hello', 'en-US', 'teams');
    await h.say('taro-ito', 'in English', 'en-US', 'teams');
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions')).at(-1)!;
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' })).answer!;
    const requestId = /PL-[0-9A-Z]{8}/.exec((await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!.cardText)![0];
    const onTeams = h.delivered.find((d) => d.to === 'daniel-park' && d.platform === 'teams' && buttonData(d.message.card, 'approve'))!;
    const asked = [
      replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile'),
      replyWith(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers'),
    ];
    await h.execute('daniel-park', buttonData(onTeams.message.card, 'approve')!, 'en-US', 'teams');
    expect(asked.every((s) => s.isDone())).toBe(true);
    expect((await h.store.requests.get(requestId))?.fulfilment).toMatchObject({ link: 'partner_acts' });
    const partnerActs = "Partner Link cannot ask Partner Center for Trey Research Direct's link. Trey Research Direct signs in to its own Partner Center, opens Customers, selects Request a reseller relationship, and sends the link to a Global admin of Yamato Manufacturing Co., Ltd., who opens it and accepts.";
    const toCustomerAdmin = h.delivered.filter((d) => d.to === 'taro-ito' && d.platform === 'teams').at(-1)!;
    expect(strings(toCustomerAdmin.message.card)).toContain(partnerActs);
    expect(JSON.stringify(toCustomerAdmin.message.card)).not.toContain('Action.OpenUrl');
    await h.execute('taro-ito', buttonData(toCustomerAdmin.message.card, 'approve')!, 'en-US', 'teams');
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
    const completing = strings(h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!.message.card);
    expect(completing).toContain('Completing in Partner Center');
    expect(completing).toContain(partnerActs);
    const toPartner = strings(h.delivered.filter((d) => d.to === 'daniel-park' && d.platform === 'teams').at(-1)!.message.card);
    expect(toPartner).toContain('Completing in Partner Center');
    expect(toPartner).toContain(partnerActs);

    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships');
    expect(await job.run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    const before = h.delivered.length;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships-after-add');
    expect(await job.run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.status).toBe('completed');
    const told = h.delivered.slice(before);
    for (const who of ['daniel-park', 'taro-ito']) expect(strings(told.find((d) => d.to === who && d.platform === 'teams')?.message.card)).toContain('Request completed in Partner Center');
  });
});
