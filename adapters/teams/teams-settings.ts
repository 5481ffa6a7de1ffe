/**
 * What the Teams adapter needs to know about the bot's Azure registration. The bot layer builds this
 * from its parsed configuration; nothing here reads the environment.
 */
export interface TeamsSettings {
  /** The bot's Microsoft App ID; undefined runs anonymously (local development only). */
  appId?: string;
  /** Client secret (SingleTenant and MultiTenant). */
  appPassword?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  /** The app's home tenant (SingleTenant and UserAssignedMSI). */
  tenantId?: string;
  /** Entra tenants whose users may use the bot; empty allows any. Lower-case GUIDs. */
  allowedTenantIds: readonly string[];
  /** Tests shorten these: the signing-key fetch (see signing-keys.ts) and the whole authentication. */
  signingKeys?: { timeoutMs?: number; retryAfterMs?: number };
  authDeadlineMs?: number;
}

/** Problems with the settings, one line each naming the variable; empty when they are usable. */
export function teamsSettingsProblems(s: TeamsSettings): string[] {
  if (!s.appId) return [];
  const problems: string[] = [];
  if (s.appType !== 'UserAssignedMSI' && !s.appPassword) {
    problems.push(`MicrosoftAppPassword: required with MicrosoftAppType=${s.appType} (the app registration's client secret)`);
  }
  if (s.appType !== 'MultiTenant' && !s.tenantId) {
    problems.push(`MicrosoftAppTenantId: required with MicrosoftAppType=${s.appType} (the app's home tenant)`);
  }
  return problems;
}
