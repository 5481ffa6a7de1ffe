import { ConfidentialClientApplication } from '@azure/msal-node';
import { z } from 'zod';
import { GroupMembersError, type GroupMembersPort } from '../../app/ports/group-members.port';

/** Where the app signs in and which Graph it reads (both configuration, so national clouds and tests work). */
export interface GraphSettings {
  clientId: string;
  clientSecret: string;
  /** Microsoft login, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** Graph with its version, e.g. https://graph.microsoft.com/v1.0. */
  graphUrl: string;
  fetch?: typeof fetch;
}

/** The most pages read for one group (999 users each): a larger group is refused rather than read forever. */
export const MAX_PAGES = 20;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of `GET /groups/{id}/transitiveMembers/microsoft.graph.user?$select=id`, checked at the edge. */
const MembersPage = z.object({
  value: z.array(z.object({ id: z.string().regex(GUID) }).passthrough()).max(1000),
  '@odata.nextLink': z.string().url().optional(),
});

/**
 * The users of an Entra group through Microsoft Graph, with an app-only token (client credentials) from
 * the organization's own tenant. Needs the application permission GroupMember.Read.All, consented by an
 * admin of that tenant. Pages are followed through @odata.nextLink, only on the configured Graph host
 * (the token never leaves for another one).
 */
export class GraphGroupMembers implements GroupMembersPort {
  private readonly apps = new Map<string, ConfidentialClientApplication>();
  private readonly fetch: typeof fetch;
  private readonly graph: URL;

  constructor(private readonly settings: GraphSettings) {
    this.fetch = settings.fetch ?? fetch;
    this.graph = new URL(settings.graphUrl.endsWith('/') ? settings.graphUrl : `${settings.graphUrl}/`);
  }

  async memberObjectIds(tenantId: string, groupId: string): Promise<string[]> {
    if (!GUID.test(tenantId) || !GUID.test(groupId)) throw new GroupMembersError('GRAPH_BAD_ANSWER', 'The tenant and the admin group must be Entra IDs (GUIDs).');
    const token = await this.token(tenantId);
    const ids: string[] = [];
    let url: string | undefined = new URL(`groups/${groupId}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`, this.graph).toString();
    for (let page = 0; url; page++) {
      if (page >= MAX_PAGES) throw new GroupMembersError('GRAPH_BAD_ANSWER', `The admin group ${groupId} has more than ${MAX_PAGES * 999} members; Partner Link reads smaller groups only.`);
      const body = await this.get(url, token, tenantId, groupId);
      const parsed = MembersPage.safeParse(body);
      if (!parsed.success) throw new GroupMembersError('GRAPH_BAD_ANSWER', `Microsoft Graph answered the members of group ${groupId} in an unexpected shape (${parsed.error.issues[0]?.path.join('.') || 'body'}).`);
      ids.push(...parsed.data.value.map((u) => u.id.toLowerCase()));
      url = this.nextLink(parsed.data['@odata.nextLink']);
    }
    return [...new Set(ids)];
  }

  private nextLink(link: string | undefined): string | undefined {
    if (!link) return undefined;
    const next = new URL(link);
    if (next.origin !== this.graph.origin) throw new GroupMembersError('GRAPH_BAD_ANSWER', `Microsoft Graph named a next page on another host (${next.host}); not followed.`);
    return next.toString();
  }

  private async get(url: string, token: string, tenantId: string, groupId: string): Promise<unknown> {
    let res: Response;
    try {
      res = await this.fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    } catch (err) {
      throw new GroupMembersError('GRAPH_UNAVAILABLE', 'Microsoft Graph could not be reached.', { cause: err });
    }
    if (res.status === 403) {
      throw new GroupMembersError(
        'GRAPH_FORBIDDEN',
        `Microsoft Graph refused to read the members of group ${groupId} in tenant ${tenantId}. An admin of that tenant must grant the app the application permission GroupMember.Read.All (admin consent).`,
      );
    }
    if (res.status === 404) throw new GroupMembersError('GRAPH_GROUP_NOT_FOUND', `Microsoft Graph has no group ${groupId} in tenant ${tenantId}: check the organization's adminGroupId in the directory.`);
    if (!res.ok) throw new GroupMembersError('GRAPH_UNAVAILABLE', `Microsoft Graph answered ${res.status} for the members of group ${groupId}.`);
    try {
      return await res.json();
    } catch {
      throw new GroupMembersError('GRAPH_BAD_ANSWER', 'Microsoft Graph answered with something that is not JSON.');
    }
  }

  /** An app-only Graph token from the organization's tenant (MSAL caches it in memory until it expires). */
  private async token(tenantId: string): Promise<string> {
    let app = this.apps.get(tenantId);
    if (!app) {
      const host = new URL(this.settings.authorityHost);
      app = new ConfidentialClientApplication({
        auth: { clientId: this.settings.clientId, clientSecret: this.settings.clientSecret, authority: `${host.origin}/${tenantId}`, knownAuthorities: [host.host] },
        system: { loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
      });
      this.apps.set(tenantId, app);
    }
    try {
      const r = await app.acquireTokenByClientCredential({ scopes: [`${this.graph.origin}/.default`] });
      if (!r?.accessToken) throw new Error('no access token');
      return r.accessToken;
    } catch (err) {
      // MSAL's messages can quote the request; only the error code is kept.
      const code = (err as { errorCode?: unknown }).errorCode;
      throw new GroupMembersError('GRAPH_SIGN_IN_FAILED', `The app could not sign in to tenant ${tenantId} for Microsoft Graph${typeof code === 'string' ? ` (${code})` : ''}: check that it is consented there.`);
    }
  }
}
