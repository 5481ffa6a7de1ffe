import { z } from 'zod';

/**
 * PartnerID (formerly MPN ID): numeric. Examples in Partner Center are 7 digits, but no fixed length is
 * documented, so we accept 1 to 12 digits and keep it as a string (leading zeros are significant).
 */
export const PartnerIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, { message: 'A PartnerID is digits only (for example 1234567).' })
  .brand<'PartnerId'>();
export type PartnerId = z.infer<typeof PartnerIdSchema>;

/** Entra tenant ID: a GUID, stored lower-case so that lookups compare equal. */
export const TenantIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
    message: 'A tenant ID is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.',
  })
  .transform((s) => s.toLowerCase())
  .brand<'TenantId'>();
export type TenantId = z.infer<typeof TenantIdSchema>;

/** Our own stable identifier for a directory record: lower-case slug, safe in keys and card data. */
/** A Slack workspace (team) ID, T0123ABCD. */
export const SlackTeamIdSchema = z.string().regex(/^T[A-Z0-9]{2,20}$/, { message: 'A Slack workspace ID looks like T0123ABCD.' });
/** A Slack Enterprise Grid organization ID, E0123ABCD. */
export const SlackEnterpriseIdSchema = z.string().regex(/^E[A-Z0-9]{2,20}$/, { message: 'A Slack Enterprise Grid ID looks like E0123ABCD.' });

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'Use lower-case letters, digits and dashes (max 64).' });

export const SubscriptionIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
    message: 'A subscription ID is a GUID.',
  })
  .transform((s) => s.toLowerCase());

export const DomainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'A domain looks like contoso.onmicrosoft.com.',
  });
