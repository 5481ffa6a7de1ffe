import { z } from 'zod';
import { BillingModelSchema, type Locale, DESCRIBED_NAME_MAX_LENGTH, NOTE_MAX_LENGTH, PurchaseChannelSchema, REQUEST_KINDS, SlugSchema, SubscriptionIdSchema, WorkloadSchema } from '../domain';

/**
 * THE contract for what a click sends back. Teams (Action.Execute: `verb` plus `data`; Action.Submit:
 * `data` with `verb` inside) and Slack (block actions) both turn a click into one flat object
 * `{ verb, ...fields }`, and the dialogs accept nothing else: `parseCardAction` is the only way in.
 * Every object is strict and every string bounded, so stray keys, operators such as `{"$gt": ""}` and
 * oversized values are refused before they reach a store.
 */

/** IDs of the inputs on the cards: forms, adapters and dialogs agree on these names. */
export const INPUT_IDS = {
  providerId: 'providerId',
  workload: 'workload',
  partnerId: 'partnerId',
  subscriptionId: 'subscriptionId',
  reason: 'reason',
  /** Issue 15: the note box and the hand-over choice on the request detail card. */
  note: 'note',
  handoverTo: 'handoverTo',
  /** Issue 17: the admin roles (GDAP) asked for the partner, comma-separated role names (GDAP_ROLES keys). */
  adminRoles: 'adminRoles',
  /** Issue 18: a subscription not in the directory, described by the customer. */
  describedId: 'describedId',
  subscriptionName: 'subscriptionName',
  subscriptionWorkload: 'subscriptionWorkload',
  purchaseChannel: 'purchaseChannel',
  billing: 'billing',
  /** Issue 19: a name typed instead of picked (long lists, clients that cannot search). */
  typedName: 'typedName',
} as const;
export type InputId = (typeof INPUT_IDS)[keyof typeof INPUT_IDS];

/** The longest rejection reason a card accepts (the audit trail keeps up to 2000 characters). */
export const REASON_MAX_LENGTH = 1000;
/** Serialized card data larger than this is refused without looking further. */
export const MAX_ACTION_DATA_BYTES = 4096;

export const FORM_NAMES = REQUEST_KINDS;
export type FormName = (typeof FORM_NAMES)[number];

/**
 * What the welcome menu offers: the three request kinds, the list of my requests, and help; issue 18:
 * for an admin, the list of requests waiting for their approval.
 */
export const MENU_INTENTS = [...REQUEST_KINDS, 'my_requests', 'help', 'awaiting_me'] as const;
export type MenuIntent = (typeof MENU_INTENTS)[number];

/**
 * Issue 18: the meanings the bot may offer as buttons when it is unsure what a message asks for (never
 * greetings or "nothing"): the person's click proceeds as if that intent had been recognised.
 */
export const CLARIFY_INTENTS = [
  ...REQUEST_KINDS,
  'request_status',
  'cancel_request',
  'policy_question',
  'help',
  'remind_approvers',
  'change_request',
  'resubmit_request',
  'add_note',
  'handover_request',
  'list_approvers',
  'add_approver',
  'remove_approver',
] as const;
export type ClarifyIntent = (typeof CLARIFY_INTENTS)[number];

const RequestId = z.string().regex(/^PL-[0-9A-Z]{8}$/, { message: 'requestId must look like PL-7K2M9Q4D' });
const Version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** Identifies the draft a confirmation card was made for, so a stale card is recognised. */
const DraftId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'draftId must be 1-64 letters, digits, _ or -' });
/** Hosts send an untouched input as "" or leave it out; both mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
/**
 * The person (directory ID) whose draft a confirmation card shows: in a shared conversation only they
 * may send, change or cancel it. Absent on cards made before it was added.
 */
const DraftOwner = optional(SlugSchema);
const Slot = (schema: z.ZodType<string, string>) => optional(z.string().max(100).pipe(schema));

const ForRequest = { requestId: RequestId, version: Version };
/** Issue 19: a typed organization name (the directory allows names of up to 200 characters). */
const TypedName = optional(z.string().max(200).transform((t) => t.trim()).pipe(z.string().max(200)));

const LinkDistributorForm = z
  .object({ verb: z.literal('submit_form'), form: z.literal('link_distributor'), providerId: Slot(SlugSchema), typedName: TypedName })
  .strict();
const AddPartnerForm = z
  .object({
    verb: z.literal('submit_form'),
    form: z.literal('add_partner'),
    workload: optional(WorkloadSchema),
    partnerId: Slot(SlugSchema),
    typedName: TypedName,
    adminRoles: optional(z.string().max(300).regex(/^[a-z_]{1,40}(,[a-z_]{1,40}){0,7}$/, { message: 'adminRoles must be role names separated by commas' })),
  })
  .strict();
const MultichannelForm = z
  .object({
    verb: z.literal('submit_form'),
    form: z.literal('multichannel_support'),
    subscriptionId: Slot(SubscriptionIdSchema),
    partnerId: Slot(SlugSchema),
    // Issue 18: "my subscription is not in the list", and what the customer says about it. The typed ID is
    // checked by the dialog (a typo is answered with the rule's reason, not refused as a forged click); the
    // name is bounded here and checked again by the domain (DescribedSubscriptionSchema).
    describe: optional(z.literal('yes')),
    describedId: optional(z.string().trim().max(100)),
    subscriptionName: optional(z.string().trim().max(DESCRIBED_NAME_MAX_LENGTH)),
    subscriptionWorkload: optional(WorkloadSchema),
    purchaseChannel: optional(PurchaseChannelSchema),
    billing: optional(BillingModelSchema),
    typedName: TypedName,
  })
  .strict();

export const CardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('approve'), ...ForRequest }).strict(),
  z
    .object({
      verb: z.literal('reject'),
      ...ForRequest,
      /** The reason input; empty is allowed here, the domain answers REASON_REQUIRED. */
      reason: z.string().max(REASON_MAX_LENGTH).default(''),
    })
    .strict(),
  z.object({ verb: z.literal('refresh'), ...ForRequest }).strict(),
  z.object({ verb: z.literal('cancel_request'), ...ForRequest }).strict(),
  z.object({ verb: z.literal('show_request'), requestId: RequestId }).strict(),
  // Issue 15, approval work. The note is bounded here as on the card; the domain checks it again.
  z.object({ verb: z.literal('add_note'), requestId: RequestId, note: z.string().max(NOTE_MAX_LENGTH).default('') }).strict(),
  z.object({ verb: z.literal('handover'), ...ForRequest, handoverTo: optional(SlugSchema) }).strict(),
  z.object({ verb: z.literal('change_request'), ...ForRequest }).strict(),
  z.object({ verb: z.literal('resubmit'), requestId: RequestId }).strict(),
  z.discriminatedUnion('form', [LinkDistributorForm, AddPartnerForm, MultichannelForm]),
  z.object({ verb: z.literal('confirm'), draftId: DraftId, owner: DraftOwner }).strict(),
  z.object({ verb: z.literal('edit'), draftId: DraftId, owner: DraftOwner }).strict(),
  z.object({ verb: z.literal('menu'), intent: z.enum(MENU_INTENTS) }).strict(),
  /** Drop the draft (if any) and go back to the menu; the confirmation card's Cancel sends this. */
  z.object({ verb: z.literal('start_over'), draftId: optional(DraftId), owner: DraftOwner }).strict(),
  // Issue 16: approvers managed in chat (a person picked when the bot asked whom; the list).
  z.object({ verb: z.literal('approver_pick'), op: z.enum(['add', 'remove']), personId: SlugSchema }).strict(),
  z.object({ verb: z.literal('list_approvers') }).strict(),
  // Issue 18: one of the two meanings the bot asked about, picked.
  // In a shared conversation only the person asked may answer (`owner`, as on a confirmation card).
  // Issue 18: `question` names the card's question, so a second click on an answered card is recognised.
  z.object({ verb: z.literal('choose_intent'), intent: z.enum(CLARIFY_INTENTS), owner: DraftOwner, question: optional(DraftId) }).strict(),
]);
export type CardAction = z.output<typeof CardActionSchema>;
export type CardVerb = CardAction['verb'];
export type SubmitFormAction = Extract<CardAction, { verb: 'submit_form' }>;

/** `lang`: the language of the card the click came from (issue 18), when the card said it. */
export type ParsedCardAction = { ok: true; action: CardAction; lang?: Locale } | { ok: false; error: string };

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Validates click data from any host. Never throws: a bad click is an answer, not an exception. */
export function parseCardAction(data: unknown): ParsedCardAction {
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { ok: false, error: 'card action data must be an object' };
    }
    const size = new TextEncoder().encode(JSON.stringify(data) ?? '').length;
    if (size > MAX_ACTION_DATA_BYTES) {
      return { ok: false, error: `card action data is too large (${size} bytes, at most ${MAX_ACTION_DATA_BYTES})` };
    }
    // Issue 18: every button says the language of its card (cards/elements.ts); it is not part of the action.
    const { lang, ...fields } = data as Record<string, unknown>;
    if (lang !== undefined && lang !== 'en' && lang !== 'ja') return { ok: false, error: 'lang: the card language must be "en" or "ja"' };
    const parsed = CardActionSchema.safeParse(fields);
    return parsed.success ? { ok: true, action: parsed.data, ...(lang ? { lang } : {}) } : { ok: false, error: `invalid card action: ${describe(parsed.error.issues)}` };
  } catch (err) {
    return { ok: false, error: `card action data could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * An Action.Execute arrives as a verb and a data object (with the inputs merged in). The data must not
 * name a different verb: that would be a forged click.
 */
export function parseExecuteAction(verb: unknown, data: unknown): ParsedCardAction {
  if (typeof verb !== 'string') return { ok: false, error: 'card action verb must be a string' };
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    return { ok: false, error: 'card action data must be an object' };
  }
  const fields = (data ?? {}) as Record<string, unknown>;
  if ('verb' in fields && fields.verb !== verb) return { ok: false, error: 'card action data names a different verb' };
  return parseCardAction({ ...fields, verb });
}
