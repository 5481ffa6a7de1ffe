import { CodedError } from '../../domain';

/**
 * Issue 16 (optional): the members of an organization's Entra group, read from Microsoft Graph by the
 * adapter in adapters/graph. For organizations that opt in (Organization.adminGroupId), the group's
 * members are the organization's admins on Teams.
 */
export interface GroupMembersPort {
  /** The Entra object IDs (lower case) of the users in the group, nested groups included. */
  memberObjectIds(tenantId: string, groupId: string): Promise<string[]>;
}

export type GroupMembersErrorCode = 'GRAPH_FORBIDDEN' | 'GRAPH_GROUP_NOT_FOUND' | 'GRAPH_UNAVAILABLE' | 'GRAPH_BAD_ANSWER' | 'GRAPH_SIGN_IN_FAILED';

/** Why the group could not be read; the message says what to do and never carries a token or secret. */
export class GroupMembersError extends CodedError<GroupMembersErrorCode> {}
