import nock from 'nock';
import { validateBlocks } from '../../adapters/slack/block-kit';
import { bothStores } from '../support/both-stores';
import { fixturePartnerCenter } from '../support/partner-center-harness';
import { fixture, PC_BASE, replyWith } from '../partner-center/pc-fixtures';
import { aikoOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 17 on Slack, in Japanese, through signed HTTP and the (fake) Web API, with Partner Center
 * answered by the fixtures: "add a partner" through "completing in Partner Center" to "completed", on
 * both branches. Where the operator can act (Sakura Cloud Solutions is one of its indirect resellers) the
 * customer admin's card carries Partner Center's acceptance link as a Slack button; where it cannot
 * (Trey Research Direct, a direct-bill partner) the cards say what Trey must do itself. The Teams
 * transcripts are test/dialogs/fulfilment-add-partner-link.test.ts and fulfilment-add-partner.test.ts.
 */
const REQUEST_ID = /PL-[0-9A-Z]{8}/;
const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';
const SAKURA = '60718293-a4b5-46cd-97e8-f90a1b2c3d45';
const OPERATOR = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const LINK = (fixture('relationship-request-reseller').body as { url: string }).url;
const DM = { yuki: 'D06YUKISZ', taro: 'D06TAROITO', daniel: 'D05DANPARK', aiko: 'D01AIKOTAN' } as const;
type Rec = Record<string, unknown>;
/** The URL buttons of Block Kit blocks. */
const urlButtons = (blocks: unknown[]): string[] =>
  (blocks as Rec[]).flatMap((b) => [...((b.elements as Rec[] | undefined) ?? []), ...(b.accessory ? [b.accessory as Rec] : [])]).filter((e) => e.type === 'button' && typeof e.url === 'string').map((e) => String(e.url));

/** Partner Center's answers when the bot looks whether the customer has the new partner: not yet, then yes. */
function nockCustomerCheck(relationships: string): void {
  replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
  replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
  replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/relationships`), relationships);
}

describe.each(bothStores().map((s) => [s.name, s] as const))('Slack (ja): adding a partner completes in Partner Center (%s store)', (_name, storeUnderTest) => {
  let h: SlackHarness;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1'); // the bot's own HTTP server and the fake Slack Web API
    h = await createSlackHarness({ ...storeUnderTest.options(), partnerCenter: fixturePartnerCenter() });
    await aikoOnSlack(h.store);
  });
  afterEach(async () => {
    await h.destroy();
    await storeUnderTest.cleanUp();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  const fulfilment = () => h.runtime.jobs.find((j) => j.name === 'partner-center-fulfilment')!;

  /** Yuki asks in Japanese in her DM for a second partner for Azure and picks it. */
  async function file(partnerId: string): Promise<string> {
    await h.dm('yuki', 'Azureのパートナーを追加したい。Microsoft 365はさくらクラウドソリューションズのまま');
    // The workload (Azure) is understood from the message: the form asks only for the partner.
    const form = last(h.shown(DM.yuki));
    expect(textOf(form)).toContain('Microsoft Azure');
    await h.click('yuki', form, 'submit_form', { partnerId });
    await h.click('yuki', last(h.shown(DM.yuki)), 'confirm');
    return REQUEST_ID.exec(textOf(last(h.shown(DM.yuki))))![0];
  }

  it('the operator can act (Sakura): Aiko approves → Taro\'s approval card has the acceptance link as a button and who must click it; completing, then completed, all told in Japanese', async () => {
    // The filing check of the reseller: its PartnerID and Partner Agreement.
    replyWith(nock(PC_BASE).get('/profiles/mpn').query({ mpnId: '7012345' }), 'mpn-profile');
    replyWith(nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ mpnId: '7012345' }), 'agreement-status');
    await h.dm('aiko', 'こんにちは');
    await h.dm('taro', 'こんにちは');
    const requestId = await file('sakura-cloud');
    const approval = last(h.posted(DM.aiko));
    expect(textOf(approval)).toContain(requestId);
    expect(textOf(approval)).toContain('承認のお願い');

    const prepared = [
      replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile'),
      replyWith(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers-with-sakura'),
      replyWith(nock(PC_BASE).get('/customers/relationshiprequests').query({ indirectResellerId: SAKURA, indirectCloudSolutionProviderId: OPERATOR }), 'relationship-request-reseller'),
    ];
    expect((await h.click('aiko', approval, 'approve')).status).toBe(200);
    expect(prepared.every((s) => s.isDone())).toBe(true);
    expect(await h.store.requests.get(requestId)).toMatchObject({ status: 'pending_approval', stage: 1, fulfilment: { link: 'ready', url: LINK } });

    // Step 2 in Taro's DM: the link is a Slack URL button, with what it does and who must click it.
    const card2 = last(h.posted(DM.taro));
    expect(validateBlocks(card2.blocks)).toEqual([]);
    expect(textOf(card2)).toContain('Microsoft でパートナーを承諾する');
    expect(textOf(card2)).toContain('承諾できるのは 大和製造株式会社のテナントのグローバル管理者だけです');
    expect(urlButtons(card2.blocks)).toEqual([LINK]);
    await h.click('taro', card2, 'approve');
    const completing = (await h.store.requests.get(requestId))!;
    expect(completing.status).toBe('completing');
    expect(completing.audit.at(-1)).toMatchObject({ action: 'approve', to: 'completing', platform: 'slack', actor: { personId: 'taro-ito' } });
    // Taro's clicked card becomes the completing card, still with the link; Yuki and Aiko are told in Japanese.
    const replaced = h.shown(DM.taro).find((m) => m.ts === card2.ts)!;
    expect(textOf(replaced)).toContain('パートナー センターで完了待ち');
    expect(urlButtons(replaced.blocks)).toEqual([LINK]);
    expect(textOf(last(h.posted(DM.yuki)))).toContain('パートナー センターで完了待ち');
    expect(urlButtons(last(h.posted(DM.yuki)).blocks)).toEqual([LINK]);
    expect(textOf(h.shown(DM.aiko).find((m) => m.ts === approval.ts)!)).toContain('パートナー センターで完了待ち');

    nockCustomerCheck('customer-relationships');
    expect(await fulfilment().run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    const before = { yuki: h.posted(DM.yuki).length, taro: h.posted(DM.taro).length, aiko: h.posted(DM.aiko).length };
    nockCustomerCheck('customer-relationships-after-sakura');
    expect(await fulfilment().run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.audit.at(-1)).toMatchObject({ action: 'complete', to: 'completed', actor: { type: 'system' }, platform: 'system' });
    expect(await h.store.directory.listRelationships({ partnerId: 'sakura-cloud' })).toEqual(expect.arrayContaining([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]));
    for (const who of ['yuki', 'taro', 'aiko'] as const) {
      const told = h.posted(DM[who]).slice(before[who]);
      expect(told.map(textOf).join(' ')).toContain('申請はパートナー センターで完了しました');
      expect(told.flatMap((m) => urlButtons(m.blocks))).toEqual([]);
    }
  });

  it('the operator cannot act (Trey): Daniel approves (in Japanese) → the cards say what Trey must do itself, no link; completed when the customer shows Trey', async () => {
    await h.dm('daniel', '日本語で');
    await h.dm('taro', 'こんにちは');
    const requestId = await file('trey-research-direct');
    const approval = last(h.posted(DM.daniel));
    expect(textOf(approval)).toContain('承認のお願い');
    const asked = [
      replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile'),
      replyWith(nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' }), 'indirect-resellers'),
    ];
    await h.click('daniel', approval, 'approve');
    expect(asked.every((s) => s.isDone())).toBe(true);
    expect((await h.store.requests.get(requestId))?.fulfilment).toMatchObject({ link: 'partner_acts' });
    const partnerActs = 'トレイ・リサーチ・ダイレクトが自社のパートナー センターにサインインし、[顧客] を開いて [リセラー関係の要求] を選び、そのリンクを 大和製造株式会社のグローバル管理者に送ります';

    const card2 = last(h.posted(DM.taro));
    expect(validateBlocks(card2.blocks)).toEqual([]);
    expect(textOf(card2)).toContain(partnerActs);
    expect(urlButtons(card2.blocks)).toEqual([]);
    await h.click('taro', card2, 'approve');
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
    for (const shown of [h.shown(DM.taro).find((m) => m.ts === card2.ts)!, h.shown(DM.daniel).find((m) => m.ts === approval.ts)!, last(h.posted(DM.yuki))]) {
      expect(textOf(shown)).toContain('パートナー センターで完了待ち');
      expect(textOf(shown)).toContain('Partner Link は トレイ・リサーチ・ダイレクトのリンクをパートナー センターに要求できません');
      expect(urlButtons(shown.blocks)).toEqual([]);
    }

    nockCustomerCheck('customer-relationships');
    expect(await fulfilment().run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    const before = { yuki: h.posted(DM.yuki).length, taro: h.posted(DM.taro).length, daniel: h.posted(DM.daniel).length };
    nockCustomerCheck('customer-relationships-after-add');
    expect(await fulfilment().run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.status).toBe('completed');
    expect(await h.store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]);
    for (const who of ['yuki', 'taro', 'daniel'] as const) expect(h.posted(DM[who]).slice(before[who]).map(textOf).join(' ')).toContain('申請はパートナー センターで完了しました');
  });
});
