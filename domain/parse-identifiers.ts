import { PartnerIdSchema, TenantIdSchema, type PartnerId, type TenantId } from './identifiers';
import { fail, ok, refusal, type Result } from './result';

/** Typed-in PartnerID: refusal INVALID_PARTNER_ID with what to do when it is not one. */
export function parsePartnerId(text: string): Result<PartnerId> {
  const parsed = PartnerIdSchema.safeParse(text);
  return parsed.success ? ok(parsed.data) : fail(refusal('INVALID_PARTNER_ID', { value: text.slice(0, 80) }, 'partnerId'));
}

/** Typed-in tenant ID: refusal INVALID_TENANT_ID when it is not a GUID. */
export function parseTenantId(text: string): Result<TenantId> {
  const parsed = TenantIdSchema.safeParse(text);
  return parsed.success ? ok(parsed.data) : fail(refusal('INVALID_TENANT_ID', { value: text.slice(0, 80) }, 'tenantId'));
}
