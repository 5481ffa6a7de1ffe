import { z } from 'zod';
import { CloudSchema, CspRegionSchema, DEFAULT_MARKETS } from './geography';

/**
 * Policy choices the sources leave open. The main Partner Center article says multi-partner and
 * multi-channel also work in the national clouds; an older developer article says US Government
 * customers transact with a single partner. We follow the newer article by default ('allow'); a
 * deployment that must follow the older one sets 'single-partner' for the clouds it names.
 */
export const DomainPolicySchema = z.object({
  /** National clouds in which a customer may have only one partner (empty: the newer article). */
  singlePartnerClouds: z.array(CloudSchema).default([]),
  /** Clouds closed to new relationships (Microsoft Cloud Germany no longer takes new customers). */
  closedClouds: z.array(CloudSchema).default(['germany']),
  /** Days after which a request nobody decided expires (Partner Center invitations and GDAP: 90). */
  requestExpiryDays: z.number().int().min(1).max(3650).default(90),
  /** Issue 15: the approvers of the current step are first reminded after this many days without a decision... */
  reminderAfterDays: z.number().int().min(1).max(3650).default(3),
  /** ...and then every this many days, until the request is decided or expires. */
  reminderEveryDays: z.number().int().min(1).max(3650).default(7),
  /** Country -> CSP region table. */
  markets: z.record(z.string(), CspRegionSchema).default({ ...DEFAULT_MARKETS }),
  /** Issue 17: Partner Center is on, so the last approval leads to "completing in Partner Center", not "approved". */
  completeInPartnerCenter: z.boolean().default(false),
  /** Issue 17: a request completing in Partner Center reminds the people who must act there after this many days... */
  completionReminderAfterDays: z.number().int().min(1).max(3650).default(3),
  /** ...and then every this many days, until Partner Center shows it done. */
  completionReminderEveryDays: z.number().int().min(1).max(3650).default(7),
  /** Issue 17: multi-channel for a licence: the partner and the customer are reminded this many days before the term ends. */
  termEndReminderDays: z.number().int().min(1).max(365).default(30),
});
export type DomainPolicy = z.infer<typeof DomainPolicySchema>;

export const DEFAULT_POLICY: DomainPolicy = DomainPolicySchema.parse({});
