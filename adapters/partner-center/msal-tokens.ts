import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
  type ICachePlugin,
  type TokenCacheContext,
} from '@azure/msal-node';
import { MAX_TTL_MS, type KeyValuePort } from '../../domain';
import { PartnerCenterError } from '../../app/ports/partner-center.port';
import type { PartnerCenterTokenSource, PcAuthMode } from './partner-center.client';

/** The Partner Center API as an Entra resource. */
export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';
export const APP_ONLY_SCOPES = [`${PARTNER_CENTER_RESOURCE}/.default`];
export const APP_USER_SCOPES = [`${PARTNER_CENTER_RESOURCE}/user_impersonation`];
/** Where the encrypted MSAL cache lives in the store's key-value entries. */
export const TOKEN_CACHE_KEY = 'partner-center:msal-token-cache';

/** Reads PARTNER_CENTER_CACHE_KEY: 32 bytes as base64 (44 characters) or hex (64). The message never repeats the value. */
export function parseCacheKey(value: string | undefined): Buffer {
  const v = value?.trim() ?? '';
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (key.length !== 32) {
    throw new PartnerCenterError('PARTNER_CENTER_SIGN_IN_REQUIRED', 'PARTNER_CENTER_CACHE_KEY must be 32 random bytes, base64 or hex (for example: openssl rand -base64 32).');
  }
  return key;
}

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>", each base64. */
export function sealCache(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join('.');
}

export function openCache(sealed: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new PartnerCenterError('PARTNER_CENTER_SIGN_IN_REQUIRED', 'The stored Partner Center sign-in is not readable; sign in again.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new PartnerCenterError(
      'PARTNER_CENTER_SIGN_IN_REQUIRED',
      'The stored Partner Center sign-in cannot be decrypted with PARTNER_CENTER_CACHE_KEY (key changed?); sign in again with "partner-link partner-center login".',
      {},
      { cause: err },
    );
  }
}

/**
 * MSAL's token cache kept encrypted in the store (the key-value entries), so every bot process reads
 * the same sign-in and nothing about it stays only in memory. Values have no size limit in either store
 * below MongoDB's 16 MB document; a cache with one account is a few kilobytes. Each write lives a year
 * (the store's longest time to live) and is renewed whenever MSAL changes the cache.
 */
export class EncryptedStoreCachePlugin implements ICachePlugin {
  constructor(
    private readonly store: KeyValuePort,
    private readonly key: Buffer,
    private readonly entry = TOKEN_CACHE_KEY,
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const sealed = await this.store.get(this.entry);
    if (sealed) context.tokenCache.deserialize(openCache(sealed, this.key));
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (context.cacheHasChanged) await this.store.set(this.entry, sealCache(context.tokenCache.serialize(), this.key), MAX_TTL_MS);
  }
}

export interface MsalSettings {
  clientId: string;
  /** Needed for app-only tokens (client credentials). */
  clientSecret?: string;
  /** The partner's own tenant (GUID or domain). */
  tenantId: string;
  /** https://login.microsoftonline.com unless another cloud or a test says otherwise. */
  authorityHost: string;
}

export function msalConfiguration(s: MsalSettings, cachePlugin?: ICachePlugin): Configuration {
  const host = new URL(s.authorityHost);
  return {
    auth: {
      clientId: s.clientId,
      ...(s.clientSecret ? { clientSecret: s.clientSecret } : {}),
      authority: `${host.origin}/${encodeURIComponent(s.tenantId)}`,
      // The authority is configuration: trust it as given rather than asking the public cloud about it.
      knownAuthorities: [host.host],
    },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
    system: { loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
  };
}

/**
 * Tokens for the Partner Center client: app-only through client credentials, app+user silently from
 * the persisted cache that `partner-link partner-center login` filled once (device code, MFA).
 */
export class MsalTokenSource implements PartnerCenterTokenSource {
  private readonly app?: ConfidentialClientApplication;
  private readonly user: PublicClientApplication;

  constructor(settings: MsalSettings, cachePlugin: ICachePlugin) {
    if (settings.clientSecret) this.app = new ConfidentialClientApplication(msalConfiguration(settings));
    this.user = new PublicClientApplication(msalConfiguration({ ...settings, clientSecret: undefined }, cachePlugin));
  }

  async token(mode: PcAuthMode): Promise<string> {
    try {
      if (mode === 'app') {
        if (!this.app) throw new PartnerCenterError('PARTNER_CENTER_SIGN_IN_REQUIRED', 'App-only Partner Center calls need PARTNER_CENTER_CLIENT_SECRET.');
        const r = await this.app.acquireTokenByClientCredential({ scopes: APP_ONLY_SCOPES });
        if (!r?.accessToken) throw new PartnerCenterError('PARTNER_CENTER_SIGN_IN_REQUIRED', 'Microsoft login returned no app-only token.');
        return r.accessToken;
      }
      const account = await this.account();
      const r = await this.user.acquireTokenSilent({ account, scopes: APP_USER_SCOPES });
      return r.accessToken;
    } catch (err) {
      throw asTokenError(err);
    }
  }

  /**
   * Issue 17 (GDAP): an app+user token for other scopes from the same sign-in (Microsoft Graph
   * DelegatedAdminRelationship.ReadWrite.All), silently from the stored cache. The app registration needs
   * that delegated permission with admin consent; the person who signed in, the Admin agent role.
   */
  async userTokenFor(scopes: readonly string[]): Promise<string> {
    try {
      const account = await this.account();
      const r = await this.user.acquireTokenSilent({ account, scopes: [...scopes] });
      return r.accessToken;
    } catch (err) {
      throw asTokenError(err);
    }
  }

  private async account(): Promise<AccountInfo> {
    const [first] = await this.user.getTokenCache().getAllAccounts();
    if (!first) throw new PartnerCenterError('PARTNER_CENTER_SIGN_IN_REQUIRED', 'Nobody has signed in to Partner Center yet: an admin runs "partner-link partner-center login".');
    return first;
  }
}

/** MSAL failures as PartnerCenterError, with MSAL's error code only (its messages can echo request details). */
export function asTokenError(err: unknown): PartnerCenterError {
  if (err instanceof PartnerCenterError) return err;
  const e = err as { errorCode?: string; subError?: string; name?: string; errorMessage?: string };
  const text = `${e.errorCode ?? ''} ${e.subError ?? ''} ${e.errorMessage ?? ''}`;
  if (/AADSTS5007[68]|AADSTS50079|mfa/i.test(text)) {
    return new PartnerCenterError('PARTNER_CENTER_MFA_REQUIRED', 'Microsoft login asks for multi-factor authentication again: an admin runs "partner-link partner-center login".', {}, { cause: undefined });
  }
  if (e.name === 'InteractionRequiredAuthError' || /invalid_grant|interaction_required|invalid_client|unauthorized_client/i.test(text)) {
    return new PartnerCenterError('PARTNER_CENTER_SIGN_IN_REQUIRED', `Microsoft login refused the Partner Center sign-in (${e.errorCode ?? 'refused'}): an admin runs "partner-link partner-center login" or checks the app registration.`);
  }
  return new PartnerCenterError('PARTNER_CENTER_UNAVAILABLE', `Microsoft login could not be reached (${e.errorCode ?? e.name ?? 'error'}).`);
}
