import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';

/**
 * Microsoft's side of Bot Framework authentication, faked at the HTTP edge with nock: the Bot
 * Connector's OpenID metadata and signing keys (login.botframework.com), Entra's (login.microsoftonline.com)
 * for the emulator/single-tenant paths, and the token endpoint the bot gets its own tokens from.
 * The keys are generated here; tokens signed with them are what the Bot Connector would send.
 */
export const BOT_APP_ID = '0b5e7a11-7e57-4b07-9c1a-1a2b3c4d5e6f';
export const BOT_TENANT_ID = '9d1c4b2a-0f3e-4d5c-8b7a-6f5e4d3c2b1a';
export const SERVICE_URL = 'https://smba.trafficmanager.net/apac/';
export const CONNECTOR = 'https://smba.trafficmanager.net';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, kty: 'RSA', use: 'sig', endorsements: ['msteams'] } };
}

/** Serves the OpenID configurations and the JWKS (persisting: botbuilder caches and refreshes them). */
export function serveOpenIdMetadata(key: SigningKey): void {
  const keys = { keys: [key.jwk] };
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys', id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] })
    .get('/v1/.well-known/keys')
    .reply(200, keys);
  nock('https://login.microsoftonline.com')
    .persist()
    .get(/\/v2\.0\/\.well-known\/openid-configuration/)
    .reply(200, (uri) => {
      const tenant = uri.split('/')[1] ?? 'common';
      return {
        issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        authorization_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
        jwks_uri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
        end_session_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/logout`,
        response_types_supported: ['code', 'id_token', 'token'],
        id_token_signing_alg_values_supported: ['RS256'],
      };
    })
    .get(/\/discovery\/v2\.0\/keys/)
    .reply(200, keys);
}

/**
 * The bot's own token for calling the Bot Connector (client credentials grant at its tenant's
 * endpoint); records each grant request's form so that tests can check what was asked for.
 */
export function serveTokenEndpoint(tenant = BOT_TENANT_ID): { grants: () => Record<string, string>[] } {
  const grants: Record<string, string>[] = [];
  nock('https://login.microsoftonline.com')
    .persist()
    .post(`/${tenant}/oauth2/v2.0/token`)
    .query(true)
    .reply(200, (_uri, body) => {
      grants.push(Object.fromEntries(new URLSearchParams(String(body))));
      return { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `bot-token-${grants.length}` };
    });
  return { grants: () => grants };
}

export interface TokenOptions {
  key: SigningKey;
  audience?: string;
  issuer?: string;
  serviceUrl?: string;
  expiresInSeconds?: number;
}

/** A token as the Bot Connector sends it to the bot: RS256, iss api.botframework.com, aud the app ID. */
export function channelToken(o: TokenOptions): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (o.expiresInSeconds ?? 3600);
  return jwt.sign(
    { serviceurl: o.serviceUrl ?? SERVICE_URL, nbf: Math.min(now, exp) - 300, exp, iat: Math.min(now, exp) - 300 },
    o.key.privateKey.export({ format: 'pem', type: 'pkcs8' }),
    { algorithm: 'RS256', keyid: o.key.kid, audience: o.audience ?? BOT_APP_ID, issuer: o.issuer ?? 'https://api.botframework.com', noTimestamp: true },
  );
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
