import nock from 'nock';
import { GraphGdapClient } from '../../adapters/graph';
import { PartnerCenterError } from '../../app/ports';
import { GDAP_ROLES } from '../../domain';
import { GRAPH, GRAPH_URL, graphFixture } from './graph-support';

// Issue 17: the GDAP client against Graph answers shaped like the v1.0 reference (fixtures/SOURCES.md).
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.gdap-user-token-secret';
const client = () => new GraphGdapClient({ graphUrl: GRAPH_URL, tokens: { token: async () => TOKEN } });
const REL = graphFixture('gdap-relationship-created');
const REL_ID = String(REL.id);
const NAME = 'Partner Link PL-7K2M9Q4D';
const input = { displayName: NAME, customerTenantId: 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6', duration: 'P730D', roleDefinitionIds: [GDAP_ROLES.directory_readers] };
const list = (value: unknown[]) => nock(GRAPH).get('/v1.0/tenantRelationships/delegatedAdminRelationships').query({ $filter: `displayName eq '${NAME}'` }).reply(200, { value });

describe('GraphGdapClient', () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('a relationship an earlier attempt created is not created again: still "created" → only locked for approval', async () => {
    list([{ ...REL, displayName: NAME }]);
    const lock = nock(GRAPH).post(`/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}/requests`, { action: 'lockForApproval' }).reply(201, graphFixture('gdap-lock-for-approval'));
    const rel = await client().requestRelationship(input);
    expect(lock.isDone()).toBe(true);
    expect(rel).toMatchObject({ id: REL_ID, status: 'approvalPending', approvalUrl: `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${REL_ID}` });
  });

  it('already locked (approvalPending): neither created nor locked again', async () => {
    list([{ ...graphFixture('gdap-relationship-approval-pending'), displayName: NAME }]);
    expect(await client().requestRelationship(input)).toMatchObject({ id: REL_ID, status: 'approvalPending' });
    expect(nock.isDone()).toBe(true);
  });

  it('a refusal becomes a coded error that names the permission, never the token; 404 on read is "none"', async () => {
    list([]);
    nock(GRAPH).post('/v1.0/tenantRelationships/delegatedAdminRelationships').reply(403, graphFixture('forbidden-403'));
    const err = (await client().requestRelationship(input).catch((e: unknown) => e)) as PartnerCenterError;
    expect(err).toBeInstanceOf(PartnerCenterError);
    expect(err).toMatchObject({ code: 'PARTNER_CENTER_FORBIDDEN', details: { status: 403, apiCode: 'Authorization_RequestDenied' } });
    expect(err.message).toContain('DelegatedAdminRelationship.ReadWrite.All');
    expect(err.message).not.toContain(TOKEN);
    list([]);
    nock(GRAPH).post('/v1.0/tenantRelationships/delegatedAdminRelationships').reply(400, graphFixture('gdap-bad-request-400'));
    await expect(client().requestRelationship(input)).rejects.toMatchObject({ code: 'PARTNER_CENTER_BAD_REQUEST', details: { apiCode: 'roleDefinitionIdNotValid' } });
    nock(GRAPH).get(`/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}`).reply(404, { error: { code: 'Request_ResourceNotFound', message: 'not found' } });
    expect(await client().getRelationship(REL_ID)).toBeUndefined();
    await expect(client().getRelationship('../me')).rejects.toMatchObject({ code: 'PARTNER_CENTER_BAD_REQUEST' });
  });

  it('an answer in another shape is refused', async () => {
    nock(GRAPH).get(`/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}`).reply(200, { id: REL_ID });
    await expect(client().getRelationship(REL_ID)).rejects.toMatchObject({ code: 'PARTNER_CENTER_ERROR' });
  });

  describe('access assignment once the relationship is active', () => {
    const GROUP = String((graphFixture('gdap-access-assignment-created').accessContainer as { accessContainerId: string }).accessContainerId);
    const ASSIGNMENTS = `/v1.0/tenantRelationships/delegatedAdminRelationships/${REL_ID}/accessAssignments`;
    const roles = [GDAP_ROLES.directory_readers, GDAP_ROLES.helpdesk_administrator];
    const withGroup = () => new GraphGdapClient({ graphUrl: GRAPH_URL, tokens: { token: async () => TOKEN }, accessGroupId: GROUP });

    it('no group configured: nothing is asked of Graph', async () => {
      expect(await client().assignAccess(REL_ID, roles)).toBeUndefined();
      expect(nock.pendingMocks()).toEqual([]);
    });

    it('none yet: gives the roles to the group as a security group', async () => {
      nock(GRAPH).get(ASSIGNMENTS).reply(200, graphFixture('gdap-access-assignments-none'));
      const post = nock(GRAPH)
        .post(ASSIGNMENTS, { accessContainer: { accessContainerId: GROUP, accessContainerType: 'securityGroup' }, accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) } })
        .reply(201, graphFixture('gdap-access-assignment-created'));
      expect(await withGroup().assignAccess(REL_ID, roles)).toEqual({ id: '5b7f2c1e-9a4d-4f3e-8c21-6d0e9b3a7f45', groupId: GROUP, status: 'pending' });
      expect(post.isDone()).toBe(true);
    });

    it("one an earlier call made for the group is kept (a deleted one and another group's are not it): no second POST", async () => {
      nock(GRAPH).get(ASSIGNMENTS).reply(200, graphFixture('gdap-access-assignments-existing'));
      expect(await withGroup().assignAccess(REL_ID, roles)).toEqual({ id: '5b7f2c1e-9a4d-4f3e-8c21-6d0e9b3a7f45', groupId: GROUP, status: 'active' });
      expect(nock.isDone()).toBe(true);
    });

    it('a refusal is a coded error; a bad relationship ID is refused before any call', async () => {
      nock(GRAPH).get(ASSIGNMENTS).reply(403, graphFixture('forbidden-403'));
      await expect(withGroup().assignAccess(REL_ID, roles)).rejects.toMatchObject({ code: 'PARTNER_CENTER_FORBIDDEN' });
      await expect(withGroup().assignAccess('../x', roles)).rejects.toMatchObject({ code: 'PARTNER_CENTER_BAD_REQUEST' });
    });
  });
});
