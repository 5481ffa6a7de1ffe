import type { TurnContext } from 'botbuilder';
import type { ApprovalChannelsPort, ApproversPort, MentionedPerson, NotificationPort, ReachPort, ReaderFactsPort, Recognizer } from '../app/ports';
import type { DirectoryPort, DomainPolicy, PartnerLinkService } from '../domain';
import type { UnderstandingOptions } from './understanding/meaning';

/** What the dialogs need from outside, handed in once at start by bot/ (no platform in here). */
export interface DialogDeps {
  service: PartnerLinkService;
  directory: DirectoryPort;
  recognizer: Recognizer;
  notifier: NotificationPort;
  /** Where people can be reached (the approval card's refresh list). */
  reach: ReachPort;
  approvalChannels: ApprovalChannelsPort;
  policy: DomainPolicy;
  /** Issue 18: the languages a person chose and last wrote in, and their time zone, kept for notifications. */
  readers?: ReaderFactsPort;
  /** Issue 16: approvers managed in chat. */
  approvers: ApproversPort;
  /** Issue 16: what the platform can add to a mention (Teams: the member's Entra object ID from the roster). */
  completeMentions?: (context: TurnContext, mentions: readonly MentionedPerson[]) => Promise<MentionedPerson[]>;
  /** Issue 17: the add-partner form offers admin access (GDAP roles) for the partner (Partner Center and GDAP on). */
  offerAdminRoles?: boolean;
  /** Issue 18: when the bot asks which of two meanings a message has (NLU_ASK_BELOW, NLU_ASK_MARGIN); defaults otherwise. */
  understanding?: UnderstandingOptions;
}
