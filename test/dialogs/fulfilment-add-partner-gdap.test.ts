import nock from 'nock';
import { renderCard, validateBlocks } from '../../adapters/slack/block-kit';
import { GDAP_ROLES } from '../../domain';
import { graphFixture } from '../graph/graph-support';
import { buttonData, openUrls, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { fixtureGdap, usePartnerCenterHarness } from '../support/partner-center-harness';
import { fixture, PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17, "Add a partner" with admin access: Trey Research Direct (a direct-bill partner) runs Partner
// Link, so it is the operator itself. The customer asks for Trey with two GDAP roles; at Trey's approval
// the bot fetches Trey's own relationship link and creates the GDAP relationship in Microsoft Graph, locked
// for approval; the customer admin's card carries both links. Completed once Partner Center shows the
// customer and the GDAP relationship is active. Graph answered by test/graph/fixtures (SOURCES.md).
const GRAPH = 'https://graph.microsoft.com';
const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';
const REL_ID = String(graphFixture('gdap-relationship-created').id);
const LINK = (fixture('relationship-request-trey').body as { url: string }).url;
const APPROVAL = `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${REL_ID}`;

const named = (id: string, status?: string) => {
  const body = { ...graphFixture(status ? `gdap-relationship-${status}` : 'gdap-relationship-created'), displayName: `Partner Link ${id}` };
  return JSON.stringify(body);
};

describe.each(bothStores().map((s) => [s.name, s] as const))('add a partner with admin access (GDAP), partner on Slack (en), customer on Teams (ja) (%s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest, { gdap: fixtureGdap });
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it('the form asks for roles; Graph creates and locks the relationship; both links on the cards; completed when it is active', async () => {
    await h.say('daniel-park', 'hello', undefined, 'slack');
    await h.say('taro-ito', 'こんにちは');
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions')).at(-1)!;
    // The form offers the least-privileged roles (multi-select, optional).
    expect(JSON.stringify(form.card)).toContain('"isMultiSelect":true');
    // On Slack the same form is valid Block Kit with checkboxes for the roles (optional).
    const formBlocks = renderCard(form.card as Parameters<typeof renderCard>[0]).blocks;
    expect(validateBlocks(formBlocks)).toEqual([]);
    expect(JSON.stringify(formBlocks)).toContain('"block_id":"aciM0:adminRoles","label":{"type":"plain_text","text":"Admin access for the partner (GDAP, optional)"},"element":{"type":"checkboxes"');
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct', adminRoles: 'directory_readers,helpdesk_administrator' })).answer!;
    expect(confirmation.cardText).toContain('Directory Readers, Helpdesk Administrator');
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!;
    const requestId = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    expect((await h.store.requests.get(requestId))?.subject).toMatchObject({ adminRoles: [GDAP_ROLES.directory_readers, GDAP_ROLES.helpdesk_administrator] });

    const pc = [replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile-trey'), replyWith(nock(PC_BASE).get('/customers/relationshiprequests'), 'relationship-request-trey')];
    const graph = nock(GRAPH, { reqheaders: { authorization: 'Bearer graph-user-token' } })
      .get('/v1.0/tenantRelationships/delegatedAdminRelationships')
      .query({ $filter: `displayName eq 'Partner Link ${requestId}'` })
      .reply(200, graphFixture('gdap-relationships-none'))
      .post('/v1.0/tenantRelationships/delegatedAdminRelationships', (body) =>
        body.displayName === `Partner Link ${requestId}` && body.duration === 'P730D' && body.customer?.tenantId === YAMATO && body.autoExtendDuration === 'PT0S' &&
        JSON.stringify(body.accessDetails) === JSON.stringify({ unifiedRoles: [{ roleDefinitionId: GDAP_ROLES.directory_readers }, { roleDefinitionId: GDAP_ROLES.helpdesk_administrator }] }))
      .reply(201, named(requestId), { 'Content-Type': 'application/json' })
      .post(`/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}/requests`, { action: 'lockForApproval' })
      .reply(201, graphFixture('gdap-lock-for-approval'));
    const viaSlack = h.delivered.find((d) => d.to === 'daniel-park' && d.platform === 'slack')!;
    await h.execute('daniel-park', buttonData(viaSlack.message.card, 'approve')!, undefined, 'slack');
    expect(pc.every((s) => s.isDone()) && graph.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.fulfilment).toMatchObject({ link: 'ready', url: LINK, gdap: { state: 'requested', relationshipId: REL_ID, approvalUrl: APPROVAL } });

    const toCustomer = h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!;
    expect(openUrls(toCustomer.message.card)).toEqual([LINK, APPROVAL].sort());
    expect(strings(toCustomer.message.card)).toContain('次のロールに限った管理者アクセス (GDAP) も求めています: ディレクトリ閲覧者, ヘルプデスク管理者');
    await h.execute('taro-ito', buttonData(toCustomer.message.card, 'approve')!, 'ja-JP');
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');

    // The partner's admin gets the completing card on Slack, in English, as valid Block Kit with both links.
    const onSlack = h.delivered.filter((d) => d.to === 'daniel-park' && d.platform === 'slack').at(-1)!;
    const rendered = renderCard(onSlack.message.card as Parameters<typeof renderCard>[0]);
    expect(validateBlocks(rendered.blocks)).toEqual([]);
    const blocks = JSON.stringify(rendered.blocks);
    expect(blocks).toContain('Trey Research Direct also asks for admin access (GDAP) with these roles only: Directory Readers, Helpdesk Administrator.');
    expect(blocks).toContain(APPROVAL);

    const job = h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;
    const answers = (status: string) => {
      replyWith(nock(PC_BASE).get(`/customers/${YAMATO}`), 'customer-yamato');
      replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile-trey');
      nock(GRAPH).get(`/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}`).reply(200, named(requestId, status), { 'Content-Type': 'application/json' });
    };
    // The customer is there (Trey is the operator itself) but the GDAP relationship waits for approval.
    answers('approval-pending');
    expect(await job.run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    answers('active');
    expect(await job.run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
  });
});
