import { EncryptedStoreCachePlugin, MsalTokenSource, parseCacheKey, PartnerCenterClient, type MsalSettings } from '../adapters/partner-center';
import { GDAP_SCOPE, GraphGdapClient } from '../adapters/graph';
import { PARTNER_CENTER_REQUESTS_PER_MINUTE, RateLimiter } from '../app';
import type { GdapPort, PartnerCenterPort } from '../app/ports';
import type { StorePort } from '../domain';
import { ConfigError, type Config } from './config';

type PartnerCenterConfig = Pick<
  Config,
  | 'PARTNER_CENTER_ENABLED'
  | 'PARTNER_CENTER_CLIENT_ID'
  | 'PARTNER_CENTER_TENANT_ID'
  | 'PARTNER_CENTER_CLIENT_SECRET'
  | 'PARTNER_CENTER_CACHE_KEY'
  | 'PARTNER_CENTER_API_URL'
  | 'PARTNER_CENTER_AUTHORITY_HOST'
>;

/** The Microsoft login settings and cache key for Partner Center; a ConfigError names what is missing (never a value). */
export function partnerCenterSettings(config: PartnerCenterConfig, neededBy: string): MsalSettings & { cacheKey: Buffer } {
  const missing = (['PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CACHE_KEY'] as const).filter((k) => !config[k]);
  if (missing.length) throw new ConfigError(missing.map((k) => `${k}: must be set (needed by ${neededBy})`));
  let cacheKey: Buffer;
  try {
    cacheKey = parseCacheKey(config.PARTNER_CENTER_CACHE_KEY);
  } catch (err) {
    throw new ConfigError([`PARTNER_CENTER_CACHE_KEY: ${(err as Error).message}`]);
  }
  return {
    clientId: config.PARTNER_CENTER_CLIENT_ID!,
    tenantId: config.PARTNER_CENTER_TENANT_ID!,
    clientSecret: config.PARTNER_CENTER_CLIENT_SECRET,
    authorityHost: config.PARTNER_CENTER_AUTHORITY_HOST,
    cacheKey,
  };
}

/**
 * The Partner Center client the bot uses, or undefined when the integration is off
 * (PARTNER_CENTER_ENABLED is not true): tokens from MSAL, the signed-in user's cache read from the store.
 */
export function partnerCenterFrom(config: PartnerCenterConfig, store: Pick<StorePort, 'keyValues'>, neededBy = 'PARTNER_CENTER_ENABLED=true'): PartnerCenterPort | undefined {
  if (!config.PARTNER_CENTER_ENABLED) return undefined;
  return partnerCenterClient(config, store, neededBy);
}

/** The client whether or not the bot uses it (the CLI's sync asks for it explicitly). */
export function partnerCenterClient(config: PartnerCenterConfig, store: Pick<StorePort, 'keyValues'>, neededBy: string): PartnerCenterClient {
  const settings = partnerCenterSettings(config, neededBy);
  const tokens = new MsalTokenSource(settings, new EncryptedStoreCachePlugin(store.keyValues, settings.cacheKey));
  // Every request of this process, retries included, within Partner Center's documented budget.
  const limiter = new RateLimiter({ limit: PARTNER_CENTER_REQUESTS_PER_MINUTE, windowMs: 60_000 });
  const limitedFetch: typeof fetch = async (input, init) => {
    await limiter.take();
    return fetch(input, init);
  };
  return new PartnerCenterClient({ baseUrl: config.PARTNER_CENTER_API_URL, tokens, applicationName: 'Partner Link', fetch: limitedFetch });
}

/**
 * Issue 17: GDAP through Microsoft Graph, or undefined unless PARTNER_CENTER_ENABLED and PARTNER_CENTER_GDAP
 * are both true. Tokens are app+user from the same stored Partner Center sign-in, for the Graph scope
 * DelegatedAdminRelationship.ReadWrite.All on PARTNER_CENTER_GRAPH_URL's host.
 */
export function gdapFrom(config: PartnerCenterConfig & Pick<Config, 'PARTNER_CENTER_GDAP' | 'PARTNER_CENTER_GRAPH_URL'> & Partial<Pick<Config, 'PARTNER_CENTER_GDAP_GROUP_ID'>>, store: Pick<StorePort, 'keyValues'>): GdapPort | undefined {
  if (!config.PARTNER_CENTER_ENABLED || !config.PARTNER_CENTER_GDAP) return undefined;
  const settings = partnerCenterSettings(config, 'PARTNER_CENTER_GDAP=true');
  const tokens = new MsalTokenSource(settings, new EncryptedStoreCachePlugin(store.keyValues, settings.cacheKey));
  const scope = `${new URL(config.PARTNER_CENTER_GRAPH_URL).origin}/${GDAP_SCOPE}`;
  return new GraphGdapClient({ graphUrl: config.PARTNER_CENTER_GRAPH_URL, tokens: { token: () => tokens.userTokenFor([scope]) }, ...(config.PARTNER_CENTER_GDAP_GROUP_ID ? { accessGroupId: config.PARTNER_CENTER_GDAP_GROUP_ID } : {}) });
}
