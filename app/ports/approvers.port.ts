import type { AuditPlatform, Organization, Person } from '../../domain';

/**
 * Someone @mentioned in a message, as the platform describes them: Teams gives the mention entity's
 * account (its user ID, and the Entra object ID when the client sends it), Slack a user ID (`<@U…>`,
 * with the label after `|` when there is one). Who it is, is decided inside the asker's organization.
 */
export type MentionedPerson =
  | { platform: 'teams'; userId?: string; aadObjectId?: string; name?: string }
  | { platform: 'slack'; userId: string; name?: string };

/** Whom an approver change is about: the people mentioned (the first one of the organization), the asker themselves, a person picked on a card, or a name in the text. */
export type ApproverTarget = { mentions: MentionedPerson[] } | { self: true } | { personId: string } | { text: string };

export type ApproverOp = 'add' | 'remove';

/** Why the bot asks whom the admin means (the candidates are people of their own organization). */
export type AskReason = 'not_found' | 'ambiguous' | 'none_named';

/** The outcome of listing or changing approvers; the dialogs word it in the person's language. */
export type ApproverAnswer =
  | { kind: 'listed'; organization?: Organization; approvers: Person[]; others: Person[] }
  | { kind: 'added' | 'removed'; person: Person; organization?: Organization; /** Whether the person has a chat with the bot to be told in. */ told: boolean }
  | { kind: 'already'; op: ApproverOp; person: Person }
  | { kind: 'not_admin' }
  /** The organization's admins are the members of its Entra group (adminGroupId): changed there, not in chat. */
  | { kind: 'managed_by_group' }
  | { kind: 'last_admin'; person: Person }
  | { kind: 'ask'; op: ApproverOp; reason: AskReason; candidates: Person[] };

/** Issue 16: an admin manages their organization's approvers in chat (application layer, app/people/approvers.ts). */
export interface ApproversPort {
  /** The approvers (and the other people) of the asker's own organization, with their roles. */
  list(asker: Person): Promise<ApproverAnswer>;
  /**
   * Makes someone an approver, or stops them being one. Only an admin may; the person is looked for in
   * the asker's own organization only; the last admin stays; a change is audited and the person told.
   */
  change(asker: Person, op: ApproverOp, target: ApproverTarget, via: AuditPlatform): Promise<ApproverAnswer>;
}

/** What an approver change records (the audit record) and tells the person concerned. */
export interface ApproverChange {
  id: string;
  orgId: string;
  op: ApproverOp;
  /** The admin who made the change. */
  byPersonId: string;
  byName: string;
  /** The person concerned. */
  personId: string;
  /** Their roles after the change. */
  roles: string[];
  via: AuditPlatform;
  at: Date;
}
