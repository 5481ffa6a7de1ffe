import { PublicClientApplication } from '@azure/msal-node';
import { z } from 'zod';
import type { StorePort } from '../../domain';
import { APP_USER_SCOPES, EncryptedStoreCachePlugin, asTokenError, msalConfiguration, parseCacheKey, type MsalSettings } from '../../adapters/partner-center';
import { ConfigError, loadConfig } from '../config';
import { openConfiguredStore } from '../runtime';
import type { CommandIo } from './command-io';

const USAGE = 'Usage: partner-link partner-center login';

const PartnerCenterEnv = z.object({
  PARTNER_CENTER_CLIENT_ID: z.string().uuid({ message: 'must be the App ID (a GUID) from Partner Center App management' }),
  PARTNER_CENTER_TENANT_ID: z.string().min(1, { message: "must be the partner's tenant ID or domain" }),
  PARTNER_CENTER_CLIENT_SECRET: z.string().min(1).optional(),
  PARTNER_CENTER_AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
  PARTNER_CENTER_CACHE_KEY: z.string().min(1, { message: 'must be set (openssl rand -base64 32)' }),
});

/** The Microsoft login settings for Partner Center from the environment; a ConfigError names what is wrong (never a value). */
export function partnerCenterSettings(env: NodeJS.ProcessEnv): MsalSettings & { cacheKey: Buffer } {
  const parsed = PartnerCenterEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message} (needed by partner-link partner-center)`));
  }
  const e = parsed.data;
  let cacheKey: Buffer;
  try {
    cacheKey = parseCacheKey(e.PARTNER_CENTER_CACHE_KEY);
  } catch (err) {
    throw new ConfigError([(err as Error).message]);
  }
  return { clientId: e.PARTNER_CENTER_CLIENT_ID, tenantId: e.PARTNER_CENTER_TENANT_ID, clientSecret: e.PARTNER_CENTER_CLIENT_SECRET, authorityHost: e.PARTNER_CENTER_AUTHORITY_HOST, cacheKey };
}

/**
 * `partner-link partner-center login`: the one interactive sign-in of the secure application model.
 * An admin agent of the partner tenant opens the printed address, types the code and signs in with MFA;
 * MSAL's cache (refresh token included) is then stored encrypted in the configured store, where the bot
 * reads it for app+user calls. Prints who signed in, never a token.
 */
export async function runPartnerCenterCommand(
  args: string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
  openStore: () => Promise<StorePort> = () => openConfiguredStore(loadConfig(env)),
): Promise<number> {
  if (args[0] !== 'login' || args.length > 1) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const settings = partnerCenterSettings(env);
  const store = await openStore();
  try {
    const plugin = new EncryptedStoreCachePlugin(store.keyValues, settings.cacheKey);
    const app = new PublicClientApplication(msalConfiguration({ ...settings, clientSecret: undefined }, plugin));
    let result;
    try {
      result = await app.acquireTokenByDeviceCode({
        scopes: APP_USER_SCOPES,
        deviceCodeCallback: (r) => void io.stdout.write(`${r.message}\n`),
      });
    } catch (err) {
      io.stderr.write(`Partner Center sign-in failed: ${asTokenError(err).message}\n`);
      return 1;
    }
    if (!result?.account) {
      io.stderr.write('Partner Center sign-in failed: Microsoft login returned no account.\n');
      return 1;
    }
    const amr = (result.idTokenClaims as { amr?: unknown } | undefined)?.amr;
    io.stdout.write(`Signed in to Partner Center as ${result.account.username}; the sign-in is stored encrypted in the ${store.kind} store.\n`);
    if (Array.isArray(amr) && !amr.includes('mfa')) {
      io.stdout.write('Warning: this sign-in did not use multi-factor authentication; Partner Center refuses app+user calls without it (error 900421).\n');
    }
    return 0;
  } finally {
    await store.close();
  }
}
