import type { AuditPlatform, Organization, Person } from '../../domain';
import type { ConversationKind } from './turn.port';

/** The outcome of "use this channel for approvals". */
export type ApprovalChannelOutcome =
  | { kind: 'set'; organization?: Organization }
  /** Said in a personal chat: it has to be said in the channel that should get the cards. */
  | { kind: 'personal_chat' }
  /** Only an admin of the organization chooses where its approval cards go. */
  | { kind: 'not_admin' };

export interface ApprovalChannelRequest {
  person: Person;
  platform: AuditPlatform;
  conversationKind: ConversationKind;
  /** The platform's reference to this conversation, stored as it is to post there later. */
  reference: Record<string, unknown>;
}

/** An organization's approval channel: where its approval cards go instead of each admin's chat. */
export interface ApprovalChannelsPort {
  useHere(request: ApprovalChannelRequest): Promise<ApprovalChannelOutcome>;
}
