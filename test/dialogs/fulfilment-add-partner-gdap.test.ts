import nock from 'nock';
import { renderCard, validateBlocks } from '../../adapters/slack/block-kit';
import { GDAP_ROLES } from '../../domain';
import { graphFixture } from '../graph/graph-support';
import { buttonData, openUrls, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { GraphGdapClient } from '../../adapters/graph';
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

/** Trey Research Direct's security group the roles are given to when PARTNER_CENTER_GDAP_GROUP_ID names it. */
const GROUP = String((graphFixture('gdap-access-assignment-created').accessContainer as { accessContainerId: string }).accessContainerId);
const withGroup = () => new GraphGdapClient({ graphUrl: 'https://graph.microsoft.com/v1.0', tokens: { token: async () => 'graph-user-token' }, accessGroupId: GROUP });

describe.each(bothStores().flatMap((s) => [[s.name, 'no group configured', s, fixtureGdap] as const, [s.name, 'a group configured', s, withGroup] as const]))('add a partner with admin access (GDAP), partner on Slack (en), customer on Teams (ja) (%s store, %s)', (_name, groupCase, storeUnderTest, gdap) => {
  const harness = usePartnerCenterHarness(storeUnderTest, { gdap });
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it('the form asks for roles; Graph creates and locks the relationship; both links on the cards; completed when it is active, the roles given to the group if one is configured', async () => {
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
    const ASSIGNMENTS = `/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}/accessAssignments`;
    if (groupCase === 'a group configured') {
      nock(GRAPH, { reqheaders: { authorization: 'Bearer graph-user-token' } })
        .get(ASSIGNMENTS)
        .reply(200, graphFixture('gdap-access-assignments-none'))
        .post(ASSIGNMENTS, (body) => body.accessContainer?.accessContainerId === GROUP && body.accessContainer?.accessContainerType === 'securityGroup' && JSON.stringify(body.accessDetails) === JSON.stringify({ unifiedRoles: [{ roleDefinitionId: GDAP_ROLES.directory_readers }, { roleDefinitionId: GDAP_ROLES.helpdesk_administrator }] }))
        .reply(201, graphFixture('gdap-access-assignment-created'));
    }
    expect(await job.run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    const done = await h.store.requests.get(requestId);
    expect(done?.status).toBe('completed');
    if (groupCase === 'a group configured') expect(done?.fulfilment?.gdap).toMatchObject({ state: 'requested', status: 'active', access: { groupId: GROUP, assignmentId: '5b7f2c1e-9a4d-4f3e-8c21-6d0e9b3a7f45', status: 'pending' } });
    else expect(done?.fulfilment?.gdap?.access).toBeUndefined();

    // The completed cards say the roles are active, and whether the group got them or Trey assigns them first.
    const completedJa = strings(h.delivered.filter((d) => d.to === 'taro-ito').at(-1)!.message.card);
    expect(completedJa).toContain('管理者アクセス (GDAP) が有効になりました。トレイ・リサーチ・ダイレクトは大和製造株式会社で次のロールを持ちます: ディレクトリ閲覧者, ヘルプデスク管理者。');
    const completedEn = JSON.stringify(renderCard(h.delivered.filter((d) => d.to === 'daniel-park' && d.platform === 'slack').at(-1)!.message.card as Parameters<typeof renderCard>[0]).blocks);
    expect(completedEn).toContain('Admin access (GDAP) is active: Trey Research Direct holds these roles in');
    if (groupCase === 'a group configured') {
      expect(completedJa).toContain('管理者アクセス用セキュリティグループに割り当てました');
      expect(completedEn).toContain("Partner Link gave these roles to Trey Research Direct's admin-access security group");
    } else {
      expect(completedJa).toContain('ロールをセキュリティグループに割り当てます');
      expect(completedEn).toContain('Nobody at Trey Research Direct can use them yet');
    }

    // Another run (or another instance) finds nothing more to do: no second assignment.
    expect(await job.run()).toEqual({ completed: [], waiting: [], failed: [] });
  });
});
