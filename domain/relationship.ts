import { z } from 'zod';
import { PartnerIdSchema, SlugSchema, SubscriptionIdSchema } from './identifiers';
import { SyncSourceSchema } from './organization';
import { BillingModelSchema, WorkloadSchema } from './workload';

/** A two-tier link: the indirect provider (distributor) sells through the indirect reseller. */
export const ProviderResellerLinkSchema = z.object({
  providerId: SlugSchema,
  resellerId: SlugSchema,
  since: z.coerce.date().optional(),
  syncedFrom: SyncSourceSchema.optional(),
  /** When Partner Center stopped showing the link (kept, never deleted). */
  inactiveSince: z.coerce.date().optional(),
});
export type ProviderResellerLink = z.infer<typeof ProviderResellerLinkSchema>;

/** A partner's relationship with a customer for one workload (multi-partner allows several per workload). */
export const PartnerCustomerRelationshipSchema = z.object({
  partnerId: SlugSchema,
  customerId: SlugSchema,
  workload: WorkloadSchema,
  since: z.coerce.date().optional(),
  syncedFrom: SyncSourceSchema.optional(),
  /** When Partner Center stopped showing the relationship (kept, never deleted). */
  inactiveSince: z.coerce.date().optional(),
});
export type PartnerCustomerRelationship = z.infer<typeof PartnerCustomerRelationshipSchema>;

export const PURCHASE_CHANNELS = [
  'microsoft_direct',
  'advisor',
  'open',
  'ea',
  'third_party',
  'csp_partner',
  'syndication_partner',
] as const;
export const PurchaseChannelSchema = z.enum(PURCHASE_CHANNELS);
export type PurchaseChannel = z.infer<typeof PurchaseChannelSchema>;

/** A subscription the customer bought somewhere other than from the partner now asked to support it. */
export const SubscriptionSchema = z.object({
  id: SubscriptionIdSchema,
  customerId: SlugSchema,
  name: z.string().trim().min(1).max(200),
  workload: WorkloadSchema,
  channel: PurchaseChannelSchema,
  billing: BillingModelSchema,
  /** End of the current term, for license-based subscriptions. */
  termEndsOn: z.coerce.date().optional(),
  /** Partners already supporting it through multi-channel. */
  supportedBy: z.array(SlugSchema).default([]),
  /** Partner Center's offer ID, for a subscription the sync imported. */
  offerId: z.string().trim().min(1).max(120).optional(),
  /** PartnerID of the partner of record in Partner Center. */
  partnerOfRecord: PartnerIdSchema.optional(),
  /** Partner Center's status (active, suspended, expired, …): an open string. */
  status: z.string().trim().min(1).max(40).optional(),
  syncedFrom: SyncSourceSchema.optional(),
  /** When Partner Center stopped showing the subscription (kept, never deleted). */
  inactiveSince: z.coerce.date().optional(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;
export type SubscriptionInput = z.input<typeof SubscriptionSchema>;

// --- Issue 18: a subscription the customer describes because the directory does not hold it. ---
/** The longest subscription name a customer may type when describing one. */
export const DESCRIBED_NAME_MAX_LENGTH = 120;
/**
 * What a customer says about a subscription that is not in the directory (bought elsewhere and never
 * imported): its name, workload, how it was bought and how it is billed. The multi-channel rules judge
 * it exactly as they judge a directory subscription; the approvers see that the customer described it.
 */
export const DescribedSubscriptionSchema = z.object({
  // One line of printable text: no control characters (newlines, escapes) from a form or a message.
  name: z
    .string()
    .trim()
    .min(1)
    .max(DESCRIBED_NAME_MAX_LENGTH)
    .regex(/^[^\p{Cc}\p{Cf}]+$/u, { message: 'A subscription name is one line of text.' }),
  workload: WorkloadSchema,
  channel: PurchaseChannelSchema,
  billing: BillingModelSchema,
  /** False when the customer did not know the ID: the request's subscription ID was then made from the description. */
  idGiven: z.boolean(),
});
export type DescribedSubscription = z.infer<typeof DescribedSubscriptionSchema>;

/** The described subscription as the rules see a subscription: the customer's, supported by nobody yet. */
export function describedAsSubscription(id: string, customerId: string, d: DescribedSubscription): Subscription {
  return { id, customerId, name: d.name, workload: d.workload, channel: d.channel, billing: d.billing, supportedBy: [] };
}
