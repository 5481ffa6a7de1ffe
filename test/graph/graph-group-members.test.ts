import nock from 'nock';
import { GraphGroupMembers } from '../../adapters/graph';
import { GroupMembersError } from '../../app';
import { ADMIN_GROUP, APP, CONTOSO_TENANT, GRAPH, GRAPH_TOKEN, GRAPH_URL, graphFixture, LOGIN, nockGraphToken, nockMembers } from './graph-support';

const graph = () => new GraphGroupMembers({ ...APP, authorityHost: LOGIN, graphUrl: GRAPH_URL });
const MEMBERS_PATH = `/v1.0/groups/${ADMIN_GROUP}/transitiveMembers/microsoft.graph.user`;

/** The admin group's members through Microsoft Graph, with nock standing in for Microsoft login and Graph. */
describe('Microsoft Graph: an Entra group\'s members', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('signs in to the organization\'s own tenant and follows @odata.nextLink to the last page (IDs in lower case)', async () => {
    const login = nockGraphToken();
    const pages = nockMembers();
    expect(await graph().memberObjectIds(CONTOSO_TENANT, ADMIN_GROUP)).toEqual(['22222222-bbbb-4bbb-8bbb-000000000002', '55555555-eeee-4eee-8eee-000000000009']);
    expect(login.isDone()).toBe(true);
    expect(pages.isDone()).toBe(true);
  });

  it('403: says which permission is missing and in which tenant, and never shows the token or the secret', async () => {
    nockGraphToken();
    nock(GRAPH).get(MEMBERS_PATH).query(true).reply(403, graphFixture('forbidden-403'));
    const err = await graph().memberObjectIds(CONTOSO_TENANT, ADMIN_GROUP).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GroupMembersError);
    expect(err).toMatchObject({ code: 'GRAPH_FORBIDDEN' });
    const message = (err as Error).message;
    expect(message).toContain('GroupMember.Read.All');
    expect(message).toContain(CONTOSO_TENANT);
    expect(message).not.toContain(GRAPH_TOKEN);
    expect(message).not.toContain(APP.clientSecret);
  });

  it('404 names the group to check; a next page on another host is not followed (the token stays with Graph); a bad page is refused', async () => {
    nockGraphToken();
    nock(GRAPH).get(MEMBERS_PATH).query(true).reply(404, { error: { code: 'Request_ResourceNotFound', message: 'Resource does not exist.' } });
    await expect(graph().memberObjectIds(CONTOSO_TENANT, ADMIN_GROUP)).rejects.toMatchObject({ code: 'GRAPH_GROUP_NOT_FOUND' });

    nockGraphToken();
    const elsewhere = nock('https://graph.example.net').get(/.*/).reply(200, { value: [] });
    nock(GRAPH).get(MEMBERS_PATH).query(true).reply(200, { ...graphFixture('transitive-members-page-1'), '@odata.nextLink': 'https://graph.example.net/v1.0/next?$skiptoken=x' });
    await expect(graph().memberObjectIds(CONTOSO_TENANT, ADMIN_GROUP)).rejects.toMatchObject({ code: 'GRAPH_BAD_ANSWER' });
    expect(elsewhere.isDone()).toBe(false);

    nockGraphToken();
    nock(GRAPH).get(MEMBERS_PATH).query(true).reply(200, { value: [{ id: 'not-a-guid' }] });
    await expect(graph().memberObjectIds(CONTOSO_TENANT, ADMIN_GROUP)).rejects.toMatchObject({ code: 'GRAPH_BAD_ANSWER' });
  });

  it('a refused sign-in (the app not consented in that tenant) is a clear error without the secret', async () => {
    nock(LOGIN)
      .get(`/${CONTOSO_TENANT}/v2.0/.well-known/openid-configuration`)
      .optionally()
      .reply(200, { token_endpoint: `${LOGIN}/${CONTOSO_TENANT}/oauth2/v2.0/token`, issuer: `${LOGIN}/${CONTOSO_TENANT}/v2.0`, authorization_endpoint: `${LOGIN}/${CONTOSO_TENANT}/oauth2/v2.0/authorize`, jwks_uri: `${LOGIN}/x`, end_session_endpoint: `${LOGIN}/y` })
      .post(`/${CONTOSO_TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply(400, { error: 'unauthorized_client', error_description: `AADSTS700016: Application with identifier '${APP.clientId}' was not found in the directory.`, error_codes: [700016] });
    const err = await graph().memberObjectIds(CONTOSO_TENANT, ADMIN_GROUP).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'GRAPH_SIGN_IN_FAILED' });
    expect((err as Error).message).not.toContain(APP.clientSecret);
  });
});
