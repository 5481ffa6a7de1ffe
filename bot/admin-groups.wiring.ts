import { GraphGroupMembers } from '../adapters/graph';
import type { GroupMembersPort } from '../app/ports';
import type { Config } from './config';

/**
 * Issue 16 (optional): Microsoft Graph for the organizations whose admins are an Entra group, with the
 * bot's own app registration (client credentials); undefined unless ENTRA_ADMIN_GROUPS=true.
 */
export function adminGroupsFrom(config: Pick<Config, 'ENTRA_ADMIN_GROUPS' | 'ENTRA_AUTHORITY_HOST' | 'GRAPH_API_URL' | 'MicrosoftAppId' | 'MicrosoftAppPassword'>): GroupMembersPort | undefined {
  if (!config.ENTRA_ADMIN_GROUPS || !config.MicrosoftAppId || !config.MicrosoftAppPassword) return undefined;
  return new GraphGroupMembers({ clientId: config.MicrosoftAppId, clientSecret: config.MicrosoftAppPassword, authorityHost: config.ENTRA_AUTHORITY_HOST, graphUrl: config.GRAPH_API_URL });
}
