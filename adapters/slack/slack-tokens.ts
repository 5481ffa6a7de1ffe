import { CodedError } from '../../domain';

/** The Slack installation a Web API call acts through: a workspace, and its Grid organization if any. */
export interface SlackWorkspace {
  teamId: string;
  enterpriseId?: string;
}

/** No token for the workspace: the app is not installed there (or was removed). The message names the IDs only. */
export class SlackNotInstalledError extends CodedError<'NOT_INSTALLED'> {
  constructor(readonly workspace: SlackWorkspace | undefined) {
    super(
      'NOT_INSTALLED',
      workspace
        ? `Partner Link is not installed in Slack workspace ${workspace.teamId}${workspace.enterpriseId ? ` (organization ${workspace.enterpriseId})` : ''}; nothing was sent there.`
        : 'The Slack conversation names no workspace, so no token can be chosen; nothing was sent.',
    );
    this.name = 'SlackNotInstalledError';
  }
}

/** Where each Web API call gets its bot token: the token of the workspace it acts in, never another's. */
export interface SlackTokenSource {
  /** Rejects with SlackNotInstalledError when the workspace has no token (or none is named and several may exist). */
  tokenFor(workspace: SlackWorkspace | undefined): Promise<string>;
}

/** Single-workspace mode (SLACK_BOT_TOKEN): the one workspace the token was issued for. */
export function singleWorkspaceToken(token: string): SlackTokenSource {
  return { tokenFor: () => Promise.resolve(token) };
}

/** Distributed app: each workspace's own installation (an org-wide Grid install answers for its workspaces). */
export function installationTokens(installations: { botToken(teamId: string | undefined, enterpriseId?: string): Promise<string | undefined> }): SlackTokenSource {
  return {
    async tokenFor(workspace) {
      if (!workspace) throw new SlackNotInstalledError(undefined);
      const token = await installations.botToken(workspace.teamId, workspace.enterpriseId);
      if (!token) throw new SlackNotInstalledError(workspace);
      return token;
    },
  };
}

const SLACK_ID = /^[TE][A-Z0-9]{2,30}$/;

/** The workspace a stored Slack conversation reference (or an activity) acts in: `conversation.tenantId` and its enterprise. */
export function workspaceOfConversation(conversation: unknown): SlackWorkspace | undefined {
  if (conversation === null || typeof conversation !== 'object') return undefined;
  const c = conversation as { tenantId?: unknown; properties?: { slackEnterpriseId?: unknown } };
  if (typeof c.tenantId !== 'string' || !SLACK_ID.test(c.tenantId)) return undefined;
  const enterpriseId = c.properties?.slackEnterpriseId;
  return { teamId: c.tenantId, ...(typeof enterpriseId === 'string' && SLACK_ID.test(enterpriseId) ? { enterpriseId } : {}) };
}
