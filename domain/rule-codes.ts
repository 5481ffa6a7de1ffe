/**
 * Stable codes for every refusal the domain can give. Cards, logs, tests and the audit trail use these
 * strings; never rename one (add a new code instead).
 */
export const RULE_CODES = [
  // Rules of the CSP program (DOMAIN.md, "Rules a validating domain core enforces").
  'CSP_TO_CSP_RESALE',
  'RESELLER_NOT_ENROLLED',
  'PROVIDER_NOT_AUTHORIZED',
  'REGION_MISMATCH',
  'CLOUD_MISMATCH',
  'NATIONAL_CLOUD_SINGLE_PARTNER',
  'CLOUD_CLOSED',
  'DUPLICATE_RELATIONSHIP',
  'DUPLICATE_PENDING_REQUEST',
  'WORKLOAD_NOT_OFFERED',
  'NOT_A_CUSTOMER_PARTNER',
  'MULTICHANNEL_CHANNEL_INELIGIBLE',
  'MULTICHANNEL_LICENSE_MID_TERM',
  'SUBSCRIPTION_NOT_OWNED',
  'INVALID_PARTNER_ID',
  'INVALID_TENANT_ID',
  // Who may ask and who may decide.
  'REQUESTER_NOT_IN_ORGANIZATION',
  'REQUEST_NOT_FOR_ORGANIZATION',
  'UNKNOWN_ORGANIZATION',
  'UNKNOWN_SUBSCRIPTION',
  'NOT_AN_APPROVER',
  'NOT_THE_REQUESTER',
  // The request lifecycle.
  'REQUEST_NOT_FOUND',
  'REQUEST_ALREADY_CLOSED',
  'STALE_CARD',
  'REASON_REQUIRED',
  // Expiry and reminders (issue 15).
  'REQUEST_EXPIRED',
  'REMINDED_RECENTLY',
  'NOT_AWAITING_APPROVAL',
  // Approval work (issue 15): change, hand over, notes, filing again.
  'ONLY_REQUESTER_CHANGES',
  'CHANGE_NOT_DIFFERENT',
  'HANDOVER_TARGET_INVALID',
  'NOT_A_PARTY',
  'NOTE_INVALID',
  'NOT_RESUBMITTABLE',
  // Issue 17: what Microsoft Partner Center says about a reseller, checked at filing time.
  'PARTNER_ID_NOT_FOUND',
  'PARTNER_AGREEMENT_NOT_SIGNED',
  // Issue 18: an indirect reseller offered to a customer must be able to transact.
  'RESELLER_CANNOT_TRANSACT',
  // Issue 18: the ID a customer gives for a subscription not in the directory is not a GUID.
  'INVALID_SUBSCRIPTION_ID',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** Advisory notes: the request may go ahead, but the person should know this. */
export const ADVISORY_CODES = [
  'USAGE_BASED_NEW_SUBSCRIPTION',
  'LICENSE_TERM_UNKNOWN',
  // Issue 17: Partner Center could not be reached at filing time; the request is filed and checked later.
  'PARTNER_CENTER_NOT_VERIFIED',
] as const;
export type AdvisoryCode = (typeof ADVISORY_CODES)[number];
