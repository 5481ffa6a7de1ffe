import nock from 'nock';

/**
 * Microsoft login as the Partner Center tests answer it, in the shapes of the Microsoft identity
 * platform docs (see fixtures/SOURCES.md): the OpenID configuration, the device-code sign-in and the
 * client-credentials token. Shared by the login test and the sync command test.
 */
export const AUTHORITY = 'https://login.partner-link.test';
export const TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
export const CLIENT = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const CACHE_KEY = Buffer.alloc(32, 7).toString('base64');
export const USER_ACCESS = 'eyJ0eXAiOiJKV1QifQ.user-access-token-secret';
export const REFRESH = 'refresh-token-secret-0.AAAA';
export const APP_ACCESS = 'eyJ0eXAiOiJKV1QifQ.app-access-token-secret';
export const USER_OID = '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b';

export const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
export const idToken = () =>
  `${b64url({ typ: 'JWT', alg: 'none' })}.${b64url({ aud: CLIENT, iss: `${AUTHORITY}/${TENANT}/v2.0`, iat: now(), nbf: now(), exp: now() + 3600, tid: TENANT, oid: USER_OID, preferred_username: 'admin@adatumdist.onmicrosoft.com', name: 'Admin Agent', amr: ['pwd', 'mfa'] })}.`;

export function openIdConfiguration() {
  const base = `${AUTHORITY}/${TENANT}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `${base}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
  };
}

/** The PARTNER_CENTER_* settings that point the client at these answers. */
export const PC_LOGIN_ENV = { PARTNER_CENTER_CLIENT_ID: CLIENT, PARTNER_CENTER_TENANT_ID: TENANT, PARTNER_CENTER_AUTHORITY_HOST: AUTHORITY, PARTNER_CENTER_CACHE_KEY: CACHE_KEY, PARTNER_CENTER_CLIENT_SECRET: 'client-secret-value-xyz' };

/** The device-code sign-in of `partner-link partner-center login` (an MFA sign-in: amr has mfa). */
export function nockDeviceCodeLogin(): nock.Scope {
  return nock(AUTHORITY)
    .get(`/${TENANT}/v2.0/.well-known/openid-configuration`)
    .reply(200, openIdConfiguration())
    .post(`/${TENANT}/oauth2/v2.0/devicecode`, (body) => body.client_id === CLIENT && String(body.scope).includes('https://api.partnercenter.microsoft.com/user_impersonation'))
    .query(true)
    .reply(200, { user_code: 'FGH7JKL9M', device_code: 'device-code-123', verification_uri: 'https://microsoft.com/devicelogin', expires_in: 900, interval: 1, message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FGH7JKL9M to authenticate.' })
    .post(`/${TENANT}/oauth2/v2.0/token`, (body) => body.grant_type === 'device_code' && body.device_code === 'device-code-123')
    .query(true)
    .reply(200, {
      token_type: 'Bearer',
      scope: 'https://api.partnercenter.microsoft.com/user_impersonation',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: USER_ACCESS,
      refresh_token: REFRESH,
      id_token: idToken(),
      client_info: b64url({ uid: USER_OID, utid: TENANT }),
    });
}

/** An app-only token by client credentials (the OpenID configuration only if MSAL asks again). */
export function nockClientCredentials(): nock.Scope {
  return nock(AUTHORITY)
    .get(`/${TENANT}/v2.0/.well-known/openid-configuration`)
    .optionally()
    .reply(200, openIdConfiguration())
    .post(`/${TENANT}/oauth2/v2.0/token`, (body) => body.grant_type === 'client_credentials' && body.scope === 'https://api.partnercenter.microsoft.com/.default' && body.client_secret === PC_LOGIN_ENV.PARTNER_CENTER_CLIENT_SECRET)
    .query(true)
    .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: APP_ACCESS });
}
