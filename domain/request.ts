import { z } from 'zod';
import { SlugSchema, SubscriptionIdSchema } from './identifiers';
import { PlatformSchema } from './person';
import { DescribedSubscriptionSchema, describedAsSubscription, type Subscription } from './relationship';
import { RULE_CODES } from './rule-codes';
import { WorkloadSchema } from './workload';

export const REQUEST_KINDS = ['link_distributor', 'add_partner', 'multichannel_support'] as const;
export const RequestKindSchema = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKindSchema>;

/**
 * Issue 17: with Partner Center on, the last approval leads to `completing` (the relationship is being
 * made in Partner Center, by people the bot tells what to do) and the system moves it to `completed`
 * once Partner Center shows it. Both count as closed for the approval work (nobody approves any more).
 */
export const REQUEST_STATUSES = ['submitted', 'pending_approval', 'approved', 'rejected', 'cancelled', 'expired', 'completing', 'completed'] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;
export const CLOSED_STATUSES: readonly RequestStatus[] = ['approved', 'rejected', 'cancelled', 'expired', 'completing', 'completed'];
export const isClosed = (s: RequestStatus): boolean => CLOSED_STATUSES.includes(s);

export const LinkDistributorSubjectSchema = z.object({
  kind: z.literal('link_distributor'),
  resellerId: SlugSchema,
  providerId: SlugSchema,
});
export const AddPartnerSubjectSchema = z.object({
  kind: z.literal('add_partner'),
  customerId: SlugSchema,
  partnerId: SlugSchema,
  workload: WorkloadSchema,
  /** Issue 17: admin access asked for the partner (GDAP): Entra built-in role template IDs from GDAP_ROLES. */
  adminRoles: z.array(z.lazy(() => GdapRoleSchema)).min(1).max(8).optional(),
});
export const MultichannelSubjectSchema = z.object({
  kind: z.literal('multichannel_support'),
  customerId: SlugSchema,
  partnerId: SlugSchema,
  subscriptionId: SubscriptionIdSchema,
  /**
   * Issue 18: set when the subscription is not in the directory and the customer described it. The ID
   * is the one the customer gave, or (`idGiven: false`) one made from the description, so that the same
   * description asked twice is the same request.
   */
  described: DescribedSubscriptionSchema.strict().optional(),
});
/** What a request asks for: strict, so stray keys (or operators) in card data never reach a store. */
export const RequestSubjectSchema = z.discriminatedUnion('kind', [
  LinkDistributorSubjectSchema.strict(),
  AddPartnerSubjectSchema.strict(),
  MultichannelSubjectSchema.strict(),
]);
export type RequestSubject = z.infer<typeof RequestSubjectSchema>;

/** Issue 18: the subscription a multi-channel subject describes (when the directory does not hold it). */
export function describedSubscriptionOf(s: RequestSubject): Subscription | undefined {
  return s.kind === 'multichannel_support' && s.described ? describedAsSubscription(s.subscriptionId, s.customerId, s.described) : undefined;
}

/** The same thing asked twice has the same key; the stores keep at most one open request per key. */
export function subjectKey(s: RequestSubject): string {
  switch (s.kind) {
    case 'link_distributor':
      return `link:${s.providerId}:${s.resellerId}`;
    case 'add_partner':
      return `partner:${s.customerId}:${s.partnerId}:${s.workload}`;
    case 'multichannel_support':
      return `multichannel:${s.customerId}:${s.partnerId}:${s.subscriptionId}`;
  }
}

// --- Issue 15: change, hand over, note. All additions for them are in this block. ---
/** The longest note a requester or approver may add to a request. */
export const NOTE_MAX_LENGTH = 500;
/** A note as stored: trimmed, not empty, at most NOTE_MAX_LENGTH characters. */
export const NoteTextSchema = z.string().trim().min(1).max(NOTE_MAX_LENGTH);
/**
 * Audit actions of the approval work: `change` (the requester filed a new version of a pending request),
 * `handover` (an approver passed it to another admin of the same organization), `note` (a short note).
 * A note and a hand-over change neither state nor version (they are appended to the trail), so the
 * cards people hold stay valid.
 */
export const APPROVAL_WORK_ACTIONS = ['change', 'handover', 'note'] as const;
const PersonRefSchema = z.object({ personId: SlugSchema, name: z.string().max(200) });
const APPROVAL_WORK_AUDIT_FIELDS = {
  /** For `note`: the note's text. */
  note: NoteTextSchema.optional(),
  /** For `handover`: the admin the request was passed to. */
  handedTo: PersonRefSchema.optional(),
  /** For `change`: the subject before the change (the request now holds the new one). */
  previousSubject: RequestSubjectSchema.optional(),
};
// --- end of the issue 15 block ---

export const ActorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), personId: SlugSchema, name: z.string(), orgId: SlugSchema }),
  z.object({ type: z.literal('system'), name: z.string() }),
]);
export type Actor = z.infer<typeof ActorSchema>;

export const AuditPlatformSchema = z.union([PlatformSchema, z.enum(['system', 'cli'])]);
export type AuditPlatform = z.infer<typeof AuditPlatformSchema>;

export const AUDIT_ACTIONS = ['submit', 'route', 'approve', 'reject', 'cancel', 'expire', 'refused', 'remind', ...APPROVAL_WORK_ACTIONS, 'complete', 'verify'] as const;
export const AuditEntrySchema = z.object({
  at: z.coerce.date(),
  actor: ActorSchema,
  platform: AuditPlatformSchema,
  action: z.enum(AUDIT_ACTIONS),
  from: RequestStatusSchema.nullable(),
  to: RequestStatusSchema,
  /** Approval step the action was about (add_partner has two). */
  stage: z.number().int().min(0).optional(),
  reason: z.string().max(2000).optional(),
  /** For a refused attempt: why. */
  code: z.enum(RULE_CODES).optional(),
  /** Client-supplied ID of the command (activity or action ID), for idempotent retries. */
  commandId: z.string().max(200).optional(),
  /**
   * On the last refused attempt kept for one person (see KEPT_REFUSED_ATTEMPTS in lifecycle.ts): how many
   * more attempts that person made after it, counted instead of kept, and when the latest was.
   */
  repeats: z.number().int().min(1).optional(),
  lastRepeatAt: z.coerce.date().optional(),
  ...APPROVAL_WORK_AUDIT_FIELDS,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ApprovalStepSchema = z.object({
  orgId: SlugSchema,
  /** Why this org approves: the distributor of a link, the partner, or the customer consenting. */
  as: z.enum(['provider', 'partner', 'customer']),
  decidedBy: SlugSchema.optional(),
  decidedAt: z.coerce.date().optional(),
});
export type ApprovalStep = z.infer<typeof ApprovalStepSchema>;

/**
 * Issue 15 (reminders): the reminders sent to the approvers so far. `count` counts every reminder of the
 * request (all steps, by the schedule or asked for by the requester) and is what a reminder's
 * compare-and-set checks, so two instances never send the same one; `stage` and `scheduled` say how many
 * the schedule sent for the step now awaited (reset when the request moves to its next step).
 * Recording a reminder does not change the request's version: the approvers' cards stay current.
 */
export const ReminderStateSchema = z.object({
  count: z.number().int().min(1),
  stage: z.number().int().min(0),
  scheduled: z.number().int().min(0),
  lastAt: z.coerce.date(),
  lastBy: z.enum(['schedule', 'requester']),
  /** Issue 17: `completion` once the request is completing in Partner Center (`scheduled` then counts those reminders); absent: the approval. */
  phase: z.enum(['approval', 'completion']).optional(),
  /** Issue 17: the term end date (multi-channel, licence) the partner and the customer were reminded of, once. */
  termEndFor: z.coerce.date().optional(),
});
export type ReminderState = z.infer<typeof ReminderStateSchema>;

// --- Issue 17: Partner Center's record of the reseller, checked after filing. ---
export const PARTNER_CHECK_STATES = ['pending', 'verified', 'failed'] as const;
/**
 * Set when Microsoft Partner Center could not be reached at filing time: the request was filed "not yet
 * verified" and a schedule checks the reseller's PartnerID and Partner Agreement later. `attempts` is
 * what a check's compare-and-set names (one instance at a time holds a check: it leases it by moving
 * `nextAt` on), so two instances never check, or tell people about, the same request twice.
 */
export const PartnerCheckSchema = z.object({
  state: z.enum(PARTNER_CHECK_STATES),
  /** The organization whose record is checked (the reseller) and its PartnerID as filed. */
  orgId: SlugSchema,
  partnerId: z.string().min(1).max(20),
  attempts: z.number().int().min(0),
  /** When the next check may start (also the end of the lease of a check under way). */
  nextAt: z.coerce.date(),
  /** Why the last check could not be made (an error code, never a message from outside). */
  lastError: z.string().max(60).optional(),
  /** For `failed`: the rule it failed and its reason in both languages, as people were told. */
  failed: z.object({ code: z.enum(RULE_CODES), message: z.object({ en: z.string().max(2000), ja: z.string().max(2000) }) }).optional(),
  checkedAt: z.coerce.date().optional(),
});
export type PartnerCheck = z.infer<typeof PartnerCheckSchema>;

/**
 * While a request is completing: how the fulfilment schedule's last questions to Partner Center went.
 * Written only when a question fails, and on the first one that works after failures (diagnostics for
 * an operator; the request itself stays completing and is asked about again).
 */
export const FulfilmentCheckSchema = z.object({
  /** When Partner Center last answered about it (the question worked; it may not be there yet). */
  lastAnsweredAt: z.coerce.date().optional(),
  /** When a question last failed, and with which error code (never a message from outside). */
  lastFailedAt: z.coerce.date().optional(),
  lastErrorCode: z.string().max(60).optional(),
  /** Failures in a row since the last answer. */
  failuresInARow: z.number().int().min(0),
});
export type FulfilmentCheck = z.infer<typeof FulfilmentCheckSchema>;
// --- end of the issue 17 block ---

// --- Issue 17: fulfilment of an add-partner request (the reseller relationship link, GDAP). ---
/**
 * Where the customer's acceptance link stands: `pending` (not fetched yet, or Partner Center failed: the
 * card says it will follow and the fulfilment schedule fetches it), `ready` (fetched and checked: `url`),
 * `partner_acts` (the operator cannot ask Partner Center for this partner: the partner sends the request
 * from its own Partner Center account, and the card says how).
 */
export const FULFILMENT_LINK_STATES = ['pending', 'ready', 'partner_acts'] as const;
/**
 * The GDAP relationship asked for with an add-partner request: `pending` (to be created), `requested`
 * (created in Microsoft Graph and locked for approval: `relationshipId`, `approvalUrl`), `failed` (Graph
 * refused it for good: `lastError`; the request completes without it).
 */
export const GDAP_STATES = ['pending', 'requested', 'failed'] as const;
export const GdapProgressSchema = z.object({
  state: z.enum(GDAP_STATES),
  relationshipId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/).optional(),
  /** The relationship's status in Graph as last read (created, approvalPending, active, …: an open string). */
  status: z.string().max(60).optional(),
  approvalUrl: z.string().url().max(2048).optional(),
  attempts: z.number().int().min(0),
  lastError: z.string().max(60).optional(),
  /**
   * Once the relationship is active: the access assignment that gives its roles to the operator's
   * security group (PARTNER_CENTER_GDAP_GROUP_ID). Unset when no group is configured: the completed card
   * then says the partner assigns the roles to a group itself.
   */
  access: z
    .object({
      groupId: z.string().uuid(),
      assignmentId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/),
      /** pending, active, … as Graph reports it (an open string). */
      status: z.string().max(60),
    })
    .optional(),
});
export type GdapProgress = z.infer<typeof GdapProgressSchema>;
export const FulfilmentSchema = z.object({
  /** Bumped on every write; what a write's compare-and-set names (0: none stored yet). */
  rev: z.number().int().min(1),
  link: z.enum(FULFILMENT_LINK_STATES),
  url: z.string().url().max(2048).optional(),
  attempts: z.number().int().min(0),
  /** Why the last attempt failed (an error code, never a message from outside). */
  lastError: z.string().max(60).optional(),
  updatedAt: z.coerce.date(),
  gdap: GdapProgressSchema.optional(),
});
export type Fulfilment = z.infer<typeof FulfilmentSchema>;

/** Hosts a link from Partner Center or Graph may point to before it is shown to anyone: Microsoft's own. */
const MICROSOFT_LINK_HOST = /^(?:[a-z0-9-]+\.)*microsoft\.com$/i;
/**
 * Whether a link handed out by Partner Center or built for Graph may be put on a card: https, a
 * microsoft.com host (admin.microsoft.com today), no user name or password, no port, at most 2048
 * characters. Anything else is not shown (a spoofed or broken answer must not send a Global admin elsewhere).
 */
export function isMicrosoftAdminLink(value: string): boolean {
  if (value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && !url.port && MICROSOFT_LINK_HOST.test(url.hostname);
}
/**
 * The admin roles a partner may ask for through GDAP, least privileged first: Microsoft Entra built-in
 * role template IDs (the same in every tenant; MicrosoftDocs/entra-docs
 * docs/identity/role-based-access-control/permissions-reference.md). Global Administrator is deliberately
 * not offered (it also blocks auto-extension of the relationship).
 */
export const GDAP_ROLES = {
  directory_readers: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  global_reader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  service_support_administrator: 'f023fd81-a637-4b56-95fd-791ac0226033',
  helpdesk_administrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  license_administrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  user_administrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
} as const;
export type GdapRoleName = keyof typeof GDAP_ROLES;
const GDAP_ROLE_IDS = Object.values(GDAP_ROLES) as [string, ...string[]];
export const GdapRoleSchema = z.enum(GDAP_ROLE_IDS);
/** The role's short name for a template ID from GDAP_ROLES (undefined for any other ID). */
export const gdapRoleName = (templateId: string): GdapRoleName | undefined =>
  (Object.keys(GDAP_ROLES) as GdapRoleName[]).find((k) => GDAP_ROLES[k] === templateId.toLowerCase());
// --- end of the add-partner fulfilment block ---

export const RequestSchema = z.object({
  id: z.string().regex(/^PL-[0-9A-Z]{8}$/),
  subject: RequestSubjectSchema,
  status: RequestStatusSchema,
  /** Bumped on every transition; cards carry it so that a stale card is recognised. */
  version: z.number().int().min(1),
  requester: z.object({ personId: SlugSchema, orgId: SlugSchema, platform: AuditPlatformSchema }),
  steps: z.array(ApprovalStepSchema).min(1),
  /** Index into steps of the approval now awaited. */
  stage: z.number().int().min(0),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  expiresAt: z.coerce.date(),
  /** Rule checks that passed when it was submitted, shown to approvers. */
  checks: z.array(z.enum(RULE_CODES)),
  decision: z
    .object({
      status: RequestStatusSchema,
      actor: ActorSchema,
      platform: AuditPlatformSchema,
      at: z.coerce.date(),
      reason: z.string().max(2000).optional(),
    })
    .optional(),
  audit: z.array(AuditEntrySchema),
  /** Issue 15: reminders sent to the approvers (absent until the first one). */
  reminders: ReminderStateSchema.optional(),
  /** Issue 17: filed while Partner Center could not be reached: its later check (absent: checked at filing, or not enabled). */
  partnerCheck: PartnerCheckSchema.optional(),
  /** Issue 17: while completing, the last failed question to Partner Center about it (see FulfilmentCheckSchema). */
  fulfilmentCheck: FulfilmentCheckSchema.optional(),
  /** Issue 17: an add-partner request's relationship link and GDAP relationship (absent: Partner Center off, or not reached yet). */
  fulfilment: FulfilmentSchema.optional(),
});
export type PartnerRequest = z.infer<typeof RequestSchema>;
