import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { GuardedBotFrameworkAuthentication } from './guarded-auth';
import { SigningKeys } from './signing-keys';
import type { TeamsSettings } from './teams-settings';

/**
 * Bot Framework authentication for the registration type: inbound tokens are checked against the
 * Bot Connector's OpenID metadata and the app ID; outbound calls get tokens for the app (client secret,
 * or the managed identity). With no app ID botbuilder runs anonymously: nothing is checked.
 */
export function botFrameworkAuthentication(s: TeamsSettings, keys?: SigningKeys): ConfigurationBotFrameworkAuthentication {
  if (!s.appId) return new ConfigurationBotFrameworkAuthentication({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppType: s.appType,
    MicrosoftAppId: s.appId,
    ...(s.appPassword ? { MicrosoftAppPassword: s.appPassword } : {}),
    ...(s.tenantId ? { MicrosoftAppTenantId: s.tenantId } : {}),
  };
  // The signing keys are fetched with a time-out and shared (guarded-auth.ts); botbuilder checks the token.
  return new GuardedBotFrameworkAuthentication(options, keys ?? new SigningKeys(), s.authDeadlineMs);
}
