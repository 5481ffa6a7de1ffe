import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';

/** The Microsoft login and Graph the admin-group tests answer (fixtures: see fixtures/SOURCES.md). */
export const LOGIN = 'https://login.partner-link.test';
export const GRAPH = 'https://graph.microsoft.com';
export const GRAPH_URL = `${GRAPH}/v1.0`;
/** Contoso Distribution Japan's tenant in the sample directory, and the group a test names as its admins. */
export const CONTOSO_TENANT = '8a1f6c2e-3b4d-4e5f-9a6b-7c8d9e0f1a21';
export const ADMIN_GROUP = '7b0c6a52-3f1e-4c2d-9a8b-1c2d3e4f5a6b';
export const APP = { clientId: '0b5e7a11-7e57-4b07-9c1a-1a2b3c4d5e6f', clientSecret: 'graph-client-secret-not-real' };
export const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QifQ.graph-app-token-secret';

export const graphFixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;

/** The app-only token from the organization's own tenant, by client credentials for Graph's .default scope. */
export function nockGraphToken(tenant: string = CONTOSO_TENANT): nock.Scope {
  const base = `${LOGIN}/${tenant}`;
  return nock(LOGIN)
    .get(`/${tenant}/v2.0/.well-known/openid-configuration`)
    .optionally()
    .reply(200, { token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, issuer: `${base}/v2.0`, jwks_uri: `${base}/discovery/v2.0/keys`, end_session_endpoint: `${base}/oauth2/v2.0/logout` })
    .post(`/${tenant}/oauth2/v2.0/token`, (body) => body.grant_type === 'client_credentials' && body.scope === `${GRAPH}/.default` && body.client_id === APP.clientId && body.client_secret === APP.clientSecret)
    .query(true)
    .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: GRAPH_TOKEN });
}

/** The group's two pages of users, each asked for with the Graph token. */
export function nockMembers(group: string = ADMIN_GROUP): nock.Scope {
  return nock(GRAPH, { reqheaders: { authorization: `Bearer ${GRAPH_TOKEN}` } })
    .get(`/v1.0/groups/${group}/transitiveMembers/microsoft.graph.user`)
    .query({ $select: 'id', $top: '999' })
    .reply(200, graphFixture('transitive-members-page-1'))
    .get(`/v1.0/groups/${group}/transitiveMembers/microsoft.graph.user`)
    .query({ $select: 'id', $top: '999', $skiptoken: 'RFNwdAIAAQAAAB8' })
    .reply(200, graphFixture('transitive-members-page-2'));
}
