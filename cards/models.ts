import type {
  Advisory,
  Bilingual,
  DescribedSubscription,
  Locale,
  Organization,
  PartnerRequest,
  Person,
  Refusal,
  RequestKind,
  RuleCode,
  RequestSubject,
  RequestView,
  Subscription,
  Verdict,
  Workload,
} from '../domain';
import type { HelpAudience } from './strings';

/**
 * What each card needs, built only from what the dialogs already hold: a PartnerRequest, the
 * organizations it names (looked up by id), people, a Verdict and subscriptions. Names and dates are
 * chosen for the reader by the cards themselves, from `CardContext`.
 */

export interface CardContext {
  locale: Locale;
  /** IANA time zone of the reader (Person.timeZone); dates are shown in UTC, saying so, without it. */
  timeZone?: string;
  /** The current time, for "expires in N days"; the card leaves relative times out without it. */
  now?: Date;
  /**
   * Issue 18: the card is read by many people (an approval channel, a group chat): times are written as
   * the platforms' own date functions, which each reader's client draws in their own zone and language.
   */
  perReader?: boolean;
}

export interface CardOptions {
  /**
   * Action.Execute (Universal Actions, Teams and the Slack adapter) when true, the default; Action.Submit
   * for older clients when false. Both carry the same data (see actions.ts).
   */
  universalActions?: boolean;
}

export type { RequestView };

export interface WelcomeModel {
  person?: Person;
  /** The request kinds this person can file (for example only link_distributor for a reseller). */
  offer?: readonly RequestKind[];
  openRequests?: number;
  /** Issue 18, for an admin: how many requests wait for their approval (0 is said too); absent for others. */
  awaiting?: number;
}

/**
 * A form asks only for the slots listed in `ask` (by default: those without a value); slots with a
 * value that are not asked are shown as facts, and asked slots start with their value preselected.
 */
interface FormBase<Slot extends string> {
  values?: Partial<Record<Slot, string>>;
  ask?: readonly Slot[];
  /** Why the dialog is asking again (a refusal about one field): shown above the inputs. */
  refusal?: Refusal;
  /** Organizations among the choices with nobody on Partner Link yet (no admin the bot can reach): marked. */
  notOnPartnerLink?: readonly string[];
  /** Issue 18: candidates the rules filtered out, grouped by the first rule each failed (why the list is short). */
  notOffered?: readonly NotOfferedGroup[];
  /**
   * Issue 19: there are more eligible choices than the card lists. The organization choice then
   * searches this dataset as the person types (Teams typeahead, Slack external_select), lists only the
   * best few, and a typed name is taken too (for clients that cannot search).
   */
  search?: string;
  /** Issue 19: a name was typed that matched no eligible organization, or several (the list then shows those). */
  typed?: { outcome: 'none' | 'several'; text: string };
}

/** How many candidates one rule kept off the list, with one of their reasons (used for rules without a plain summary). */
export interface NotOfferedGroup {
  code: RuleCode;
  count: number;
  example: Bilingual;
}

export interface LinkDistributorFormModel extends FormBase<'providerId'> {
  reseller: Organization;
  /** Distributors that passed every rule (Eligibility.eligible). */
  eligibleDistributors: readonly Organization[];
  /** Issue 18: a PartnerID the reseller typed that no organization in the directory has. */
  unknownPartnerId?: string;
}

export interface AddPartnerFormModel extends FormBase<'workload' | 'partnerId'> {
  customer: Organization;
  /** Partners that passed every rule for the chosen workload (or candidates, if no workload yet). */
  eligiblePartners: readonly Organization[];
  /** Workloads to offer; all of them by default. */
  workloads?: readonly Workload[];
  /** Issue 17: offer the optional admin access (GDAP) roles with the partner choice (GDAP is on). */
  offerAdminRoles?: boolean;
}

export interface MultichannelFormModel extends FormBase<'subscriptionId' | 'partnerId'> {
  customer: Organization;
  subscriptions: readonly Subscription[];
  eligiblePartners: readonly Organization[];
  /**
   * Issue 18: the subscription is not in the directory. `asking`: the form asks the customer to describe
   * it (with what is known so far as `values`); `subject`: it is described already (shown as facts, marked).
   */
  describe?: { asking: true; values: DescribeValues; noneOnRecord?: boolean } | { asking: false; subject: DescribedSubscription };
}

/** What the describe form starts with (typed earlier, or recognised in the message). */
export interface DescribeValues {
  describedId?: string;
  subscriptionName?: string;
  subscriptionWorkload?: string;
  purchaseChannel?: string;
  billing?: string;
}

export interface ConfirmationModel {
  /** The dialog's draft this card confirms; Confirm / Change / Cancel carry it back. */
  draftId: string;
  subject: RequestSubject;
  organizations: readonly Organization[];
  subscription?: Subscription;
  requester: Person;
  verdict: Verdict;
}

export interface SubmittedModel {
  view: RequestView;
  /** Admins of the organization whose approval is awaited (SubmitOutcome.approvers). */
  approvers?: readonly Person[];
  advisories?: readonly Advisory[];
}

export interface ApprovalModel {
  view: RequestView;
  /**
   * Platform user IDs of the approvers whose clients refresh the card to see the buttons (Teams: user
   * MRIs such as 29:1abc... or 8:orgid:<Entra object ID>, at most 60 are sent).
   */
  approverUserIds: readonly string[];
}

export interface ApprovalOptions extends CardOptions {
  /**
   * true (default): the view for approvers, with Approve and Reject. false: the view for everyone else,
   * the same facts and the current status, no buttons; with Universal Actions its refresh still turns
   * into the approvers' view on the approvers' clients.
   */
  buttons?: boolean;
  /** Issue 15: drawn as a reminder: how many days the current step has waited. */
  reminder?: { waitedDays: number };
}

export interface DecidedModel {
  view: RequestView;
}

export interface MyRequestsModel {
  requests: readonly PartnerRequest[];
  organizations: readonly Organization[];
  /** The reader: requests they filed and that are still open get a Cancel button. */
  viewer: Person;
  /** Pending requests waiting for an organization to join (request ID -> organization ID): said on the row. */
  awaitingJoin?: Readonly<Record<string, string>>;
  /** Issue 15 (who must act): for pending requests, by request ID, the names of the people who can decide now. */
  deciders?: Readonly<Record<string, readonly string[]>>;
}

export interface RequestDetailModel extends RequestView {
  viewer?: Person;
  /** Issue 15: for an approver of the current step, the other admins they may hand the request over to. */
  handoverCandidates?: readonly Person[];
}

export interface RefusalModel {
  refusals: readonly Refusal[];
  /** When the refusal is about a draft the dialog still holds: offer to change it. */
  draftId?: string;
}

export interface HelpModel {
  offer?: readonly RequestKind[];
  /** Issue 18: whose examples to show; by default, from what the reader can file. */
  audience?: HelpAudience;
  /** Issue 18, for an admin: how many requests wait for their approval; absent for others. */
  awaiting?: number;
}

export interface ErrorModel {
  /** For support: the log correlation ID of the failure. */
  correlationId?: string;
}
