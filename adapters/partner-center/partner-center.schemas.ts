import { z } from 'zod';

/**
 * Partner Center response bodies as the REST reference documents them, checked where they enter the
 * process. Only the fields Partner Link reads are declared; anything else passes through unread. Enum-
 * like fields (relationshipToPartner, state, status, billingType) stay open strings: Microsoft adds
 * values (for example "Expired" on subscriptions) and a strict parse would break on them.
 */

/** `links.next` (and self, …): `{ uri, method, headers: [{ key, value }] }`. */
export const LinkSchema = z.object({
  uri: z.string().min(1),
  method: z.string().optional(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })).optional().default([]),
});

export const CollectionSchema = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    totalCount: z.number().int().nonnegative().optional(),
    items: z.array(item),
    links: z.object({ next: LinkSchema.optional() }).passthrough().optional(),
  });

const Address = z.object({ country: z.string().optional() }).passthrough();

export const CustomerSchema = z.object({
  id: z.string().min(1),
  companyProfile: z
    .object({ tenantId: z.string().optional(), domain: z.string().optional(), companyName: z.string().optional(), address: Address.optional() })
    .passthrough()
    .optional(),
  billingProfile: z.object({ companyName: z.string().optional(), defaultAddress: Address.optional() }).passthrough().optional(),
  relationshipToPartner: z.string().optional(),
});

export const PartnerRelationshipSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  relationshipType: z.string().optional(),
  state: z.string().optional(),
  mpnId: z.string().optional(),
  location: z.string().optional(),
});

export const SubscriptionSchema = z.object({
  id: z.string().min(1),
  offerId: z.string().optional(),
  offerName: z.string().optional(),
  friendlyName: z.string().optional(),
  billingType: z.string().optional(),
  status: z.string().optional(),
  commitmentEndDate: z.string().optional(),
  partnerId: z.string().optional(),
  termDuration: z.string().optional(),
});

export const OrganizationProfileSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  tenantId: z.string().min(1),
  companyName: z.string(),
  domain: z.string().optional(),
  language: z.string().optional(),
  defaultAddress: Address.optional(),
});

export const MpnProfileSchema = z.object({ mpnId: z.string().min(1), partnerName: z.string().optional() });

export const AgreementStatusSchema = z.object({ isAgreementSigned: z.boolean() });

export const RelationshipRequestSchema = z.object({ url: z.string().url() });

/** The documented business error body: `{ code, description, data, source }` (code is a number or a string). */
export const ApiErrorSchema = z.object({
  code: z.union([z.number(), z.string()]).transform(String),
  description: z.string().optional(),
  data: z.array(z.unknown()).optional(),
  source: z.string().optional(),
});
