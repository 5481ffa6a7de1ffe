import nock from 'nock';
import { renderCard, validateBlocks } from '../../adapters/slack/block-kit';
import { buttonData, openUrls, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { usePartnerCenterHarness } from '../support/partner-center-harness';
import { fixture, PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17, "Add a partner" where the operator can act: the partner (Sakura Cloud Solutions, already Yamato's partner for Microsoft 365, now asked for Azure) is one of the
// operator's indirect resellers, so the bot fetches the reseller relationship request link from Partner
// Center as soon as the partner approved, and the customer admin's approval card carries it with what it
// does and who must click it. Partner Center answered by fixtures (test/partner-center/fixtures/SOURCES.md).
const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';
const SAKURA = '60718293-a4b5-46cd-97e8-f90a1b2c3d45';
const OPERATOR = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const LINK = (fixture('relationship-request-reseller').body as { url: string }).url;

/** Partner Center's answers to the preparation for Sakura: the operator's profile, its resellers, the link. */
function nockLinkForSakura(): nock.Scope[] {
  return [
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile'),
    replyWith(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers-with-sakura'),
    replyWith(nock(PC_BASE).get('/customers/relationshiprequests').query({ indirectResellerId: SAKURA, indirectCloudSolutionProviderId: OPERATOR }), 'relationship-request-reseller'),
  ];
}

async function fileForSakura(h: BotHarness): Promise<string> {
  // The filing check of the reseller (issue 17): its PartnerID and Partner Agreement.
  replyWith(nock(PC_BASE).get('/profiles/mpn').query({ mpnId: '7012345' }), 'mpn-profile');
  replyWith(nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ mpnId: '7012345' }), 'agreement-status');
  await h.say('aiko-tanaka', 'こんにちは');
  await h.say('taro-ito', 'こんにちは');
  const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions')).at(-1)!;
  const answered = await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'sakura-cloud' });
  const confirmation = answered.answer!;
  if (!buttonData(confirmation?.card, 'confirm')) throw new Error(`no confirmation: ${confirmation?.cardText} ${JSON.stringify(answered.replies)}`);
  const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!;
  return /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
}

describe.each(bothStores().map((s) => [s.name, s] as const))('add a partner: the operator can act, the link is on the customer admin card (%s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest);
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it('partner approves on Teams → the customer admin (Teams, Japanese) gets the link with who must click; completed once Partner Center shows Sakura', async () => {
    const requestId = await fileForSakura(h);
    const toPartner = h.delivered.find((d) => d.to === 'aiko-tanaka')!;
    const scopes = nockLinkForSakura();
    await h.execute('aiko-tanaka', buttonData(toPartner.message.card, 'approve')!, 'ja-JP');
    expect(scopes.every((s) => s.isDone())).toBe(true);

    const stored = await h.store.requests.get(requestId);
    expect(stored?.partnerCheck).toBeUndefined();
    expect(stored).toMatchObject({ status: 'pending_approval', stage: 1, fulfilment: { link: 'ready', url: LINK, attempts: 1 } });
    const toCustomer = h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!;
    const text = strings(toCustomer.message.card);
    expect(text).toContain('Microsoft でパートナーを承諾する');
    expect(text).toContain('大和製造株式会社のグローバル管理者');
    expect(text).toContain('承諾できるのは 大和製造株式会社のテナントのグローバル管理者だけです');
    expect(openUrls(toCustomer.message.card)).toEqual([LINK]);
    // Still the approval card: the customer admin approves here too.
    expect(buttonData(toCustomer.message.card, 'approve')).toBeDefined();

    await h.execute('taro-ito', buttonData(toCustomer.message.card, 'approve')!, 'ja-JP');
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
    const completing = h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!;
    expect(strings(completing.message.card)).toContain('Microsoft でパートナーを承諾する');
    expect(openUrls(completing.message.card)).toEqual([LINK]);
    // The requester, on Slack, gets it as valid Block Kit with the link as a button.
    const toRequester = h.delivered.filter((d) => d.to === 'yuki-suzuki' && d.platform === 'slack').at(-1)!;
    const rendered = renderCard(toRequester.message.card as Parameters<typeof renderCard>[0]);
    expect(validateBlocks(rendered.blocks)).toEqual([]);
    expect(JSON.stringify(rendered.blocks)).toContain(JSON.stringify(LINK).slice(1, -1));

    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships');
    expect(await job.run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships-after-sakura');
    expect(await job.run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect(await h.store.directory.listRelationships({ partnerId: 'sakura-cloud' })).toEqual(expect.arrayContaining([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]));
    // Nothing more to prepare: the link schedule asks Partner Center nothing.
    expect(await h.jobs.find((j) => j.name === 'add-partner-fulfilment')!.run()).toEqual({ prepared: [], pending: [] });
  });

  it('en, Teams: Aiko (partner) and Taro (customer admin) approve on Teams in English; Taro\'s card carries the link and who must click; completed once Partner Center shows Sakura, both told', async () => {
    await h.say('aiko-tanaka', 'in English', 'en-US');
    await h.say('taro-ito', 'in English', 'en-US');
    const requestId = await fileForSakura(h);
    const toPartner = h.delivered.find((d) => d.to === 'aiko-tanaka' && d.platform === 'teams' && buttonData(d.message.card, 'approve'))!;
    expect(strings(toPartner.message.card)).toContain('Approval requested');
    const scopes = nockLinkForSakura();
    await h.execute('aiko-tanaka', buttonData(toPartner.message.card, 'approve')!, 'en-US', 'teams');
    expect(scopes.every((s) => s.isDone())).toBe(true);
    expect(await h.store.requests.get(requestId)).toMatchObject({ status: 'pending_approval', stage: 1, fulfilment: { link: 'ready', url: LINK } });

    // The customer admin's approval card, in English on Teams: what the link does, who must click it, the link itself.
    const toCustomer = h.delivered.filter((d) => d.to === 'taro-ito' && d.platform === 'teams').at(-1)!;
    const text = strings(toCustomer.message.card);
    expect(text).toContain('Accept the partner in Microsoft');
    expect(text).toContain('A Global admin of Yamato Manufacturing Co., Ltd. opens the link below');
    expect(text).toContain("Only a Global admin of Yamato Manufacturing Co., Ltd.'s tenant can accept.");
    expect(openUrls(toCustomer.message.card)).toEqual([LINK]);
    await h.execute('taro-ito', buttonData(toCustomer.message.card, 'approve')!, 'en-US', 'teams');
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
    const completing = h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!;
    expect(strings(completing.message.card)).toContain('Completing in Partner Center');
    expect(openUrls(completing.message.card)).toEqual([LINK]);
    // The approval cards posted on Teams are redrawn as completing, in English.
    expect(strings(h.updated.filter((u) => u.platform === 'teams').map((u) => u.message.card))).toContain('Completing in Partner Center');

    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships');
    expect(await job.run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    const before = h.delivered.length;
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), 'customer-relationships-after-sakura');
    expect(await job.run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.audit.at(-1)).toMatchObject({ action: 'complete', to: 'completed', platform: 'system' });
    const told = h.delivered.slice(before);
    for (const who of ['aiko-tanaka', 'taro-ito']) {
      const card = told.find((d) => d.to === who && d.platform === 'teams')?.message.card;
      expect(strings(card)).toContain('Request completed in Partner Center');
      expect(openUrls(card)).toEqual([]);
    }
  });

  it('Partner Center down at the partner approval → the card says the link will follow; the schedule fetches it and redraws the posted card', async () => {
    const requestId = await fileForSakura(h);
    const toPartner = h.delivered.find((d) => d.to === 'aiko-tanaka')!;
    const down = replyWith(nock(PC_BASE).get('/profiles/organization'), 'server-error-503');
    await h.execute('aiko-tanaka', buttonData(toPartner.message.card, 'approve')!, 'ja-JP');
    expect(down.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.fulfilment).toMatchObject({ link: 'pending', attempts: 1, lastError: 'PARTNER_CENTER_UNAVAILABLE' });
    const toCustomer = h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!;
    expect(strings(toCustomer.message.card)).toContain('このカードに自動で追加されます');
    expect(openUrls(toCustomer.message.card)).toEqual([]);
    // Nothing in the logs names the token or the link.
    expect(JSON.stringify(h.logs)).not.toContain('test-token');

    const updatedBefore = h.updated.length;
    const scopes = nockLinkForSakura();
    expect(await h.jobs.find((j) => j.name === 'add-partner-fulfilment')!.run()).toEqual({ prepared: [requestId], pending: [] });
    expect(scopes.every((s) => s.isDone())).toBe(true);
    expect((await h.store.requests.get(requestId))?.fulfilment).toMatchObject({ link: 'ready', url: LINK, attempts: 2 });
    const redrawn = h.updated.slice(updatedBefore).map((u) => u.message.card);
    expect(redrawn.some((card) => openUrls(card).includes(LINK))).toBe(true);
    // The version did not move: the customer admin's card still approves.
    await h.execute('taro-ito', buttonData(toCustomer.message.card, 'approve')!, 'ja-JP');
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
  });
});
