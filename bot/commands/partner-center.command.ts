import { PublicClientApplication } from '@azure/msal-node';
import type { StorePort } from '../../domain';
import { APP_USER_SCOPES, EncryptedStoreCachePlugin, asTokenError, msalConfiguration } from '../../adapters/partner-center';
import { loadConfig } from '../config';
import { partnerCenterSettings } from '../partner-center.wiring';
import { openConfiguredStore } from '../runtime';
import type { CommandIo } from './command-io';

const USAGE = 'Usage: partner-link partner-center login';

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
  const settings = partnerCenterSettings(loadConfig(env), 'partner-link partner-center login');
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
