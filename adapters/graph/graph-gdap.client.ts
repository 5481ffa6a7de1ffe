import { z } from 'zod';
import { PartnerCenterError, type GdapAccessAssignment, type GdapPort, type GdapRelationship, type PartnerCenterErrorCode } from '../../app/ports/partner-center.port';

/** Where the customer's Global admin approves a GDAP relationship (Microsoft 365 admin center), by relationship ID. */
export const GDAP_APPROVAL_BASE = 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/';
/** The delegated Graph permission the signed-in Admin agent's token needs (app+user; application tokens are not supported for lockForApproval). */
export const GDAP_SCOPE = 'DelegatedAdminRelationship.ReadWrite.All';

export interface GraphGdapOptions {
  /** Graph with its version, e.g. https://graph.microsoft.com/v1.0 (PARTNER_CENTER_GRAPH_URL). */
  graphUrl: string;
  /** App+user tokens for Graph (the Partner Center sign-in, silently, scope GDAP_SCOPE on the Graph resource). */
  tokens: { token(): Promise<string> };
  /**
   * The operator's security group (object ID) that an active relationship's roles are given to
   * (PARTNER_CENTER_GDAP_GROUP_ID). Without it no access assignment is made.
   */
  accessGroupId?: string;
  fetch?: typeof fetch;
}

/** A relationship's ID as Graph gives it: the customer tenant ID and a GUID joined by a hyphen (letters, digits, hyphens). */
const RelationshipId = z.string().regex(/^[A-Za-z0-9-]{1,100}$/);
/** The fields of delegatedAdminRelationship Partner Link reads (status is an open string: Graph may add values). */
const RelationshipSchema = z.object({
  id: RelationshipId,
  displayName: z.string().max(200),
  status: z.string().min(1).max(60),
  customer: z.object({ tenantId: z.string().optional(), displayName: z.string().optional() }).passthrough().nullish(),
});
const RelationshipList = z.object({ value: z.array(RelationshipSchema).max(300) });
const RequestSchema = z.object({ id: z.string().min(1).max(100), action: z.string(), status: z.string() });
const AssignmentSchema = z.object({
  id: RelationshipId,
  status: z.string().min(1).max(60),
  accessContainer: z.object({ accessContainerId: z.string().max(100), accessContainerType: z.string().max(60) }),
});
const AssignmentList = z.object({ value: z.array(AssignmentSchema).max(300) });
/** Assignment statuses that no longer give access: a new one is made instead. */
const GONE = new Set(['deleting', 'deleted', 'error']);
const GraphErrorSchema = z.object({ error: z.object({ code: z.string().max(200), message: z.string().optional() }) });

/**
 * GdapPort over Microsoft Graph (tenantRelationships/delegatedAdminRelationships), with the signed-in
 * Admin agent's app+user token. Creating is idempotent by display name ("Partner Link PL-…", unique per
 * request): a relationship an earlier attempt created is found and only locked for approval if it is
 * still `created`, so a lost answer or a retry never makes a second one. Answers are validated here;
 * failures become PartnerCenterError codes (tokens never in a message).
 */
export class GraphGdapClient implements GdapPort {
  private readonly base: URL;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GraphGdapOptions) {
    this.base = new URL(options.graphUrl.endsWith('/') ? options.graphUrl : `${options.graphUrl}/`);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async requestRelationship(input: Parameters<GdapPort['requestRelationship']>[0]): Promise<GdapRelationship> {
    if (input.displayName.length > 50) throw new PartnerCenterError('PARTNER_CENTER_BAD_REQUEST', 'A GDAP relationship name has at most 50 characters.');
    let rel = await this.findByName(input.displayName);
    if (!rel) {
      const body = {
        displayName: input.displayName,
        duration: input.duration,
        customer: { tenantId: input.customerTenantId, ...(input.customerName ? { displayName: input.customerName } : {}) },
        accessDetails: { unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
        // No auto-extension: the customer approves a relationship that ends.
        autoExtendDuration: 'PT0S',
      };
      rel = this.parse(RelationshipSchema, await this.call('POST', 'tenantRelationships/delegatedAdminRelationships', body), 'the created relationship');
    }
    if (rel.status === 'created') {
      this.parse(RequestSchema, await this.call('POST', `tenantRelationships/delegatedAdminRelationships/${rel.id}/requests`, { action: 'lockForApproval' }), 'the lockForApproval request');
      rel = { ...rel, status: 'approvalPending' };
    }
    return this.toRelationship(rel);
  }

  async getRelationship(id: string): Promise<GdapRelationship | undefined> {
    if (!RelationshipId.safeParse(id).success) throw new PartnerCenterError('PARTNER_CENTER_BAD_REQUEST', 'Not a GDAP relationship ID.');
    try {
      return this.toRelationship(this.parse(RelationshipSchema, await this.call('GET', `tenantRelationships/delegatedAdminRelationships/${id}`), 'the relationship'));
    } catch (err) {
      if (err instanceof PartnerCenterError && err.details.status === 404) return undefined;
      throw err;
    }
  }

  /**
   * Gives the relationship's roles to the configured group: finds an assignment for that group an earlier
   * call made (a lost answer or a second instance never makes two), else creates one.
   */
  async assignAccess(relationshipId: string, roleDefinitionIds: readonly string[]): Promise<GdapAccessAssignment | undefined> {
    const groupId = this.options.accessGroupId;
    if (!groupId) return undefined;
    if (!RelationshipId.safeParse(relationshipId).success) throw new PartnerCenterError('PARTNER_CENTER_BAD_REQUEST', 'Not a GDAP relationship ID.');
    const path = `tenantRelationships/delegatedAdminRelationships/${relationshipId}/accessAssignments`;
    const list = this.parse(AssignmentList, await this.call('GET', path), 'the access assignments');
    const mine = (a: z.output<typeof AssignmentSchema>) => a.accessContainer.accessContainerId.toLowerCase() === groupId.toLowerCase() && !GONE.has(a.status.toLowerCase());
    const found =
      list.value.find(mine) ??
      this.parse(
        AssignmentSchema,
        await this.call('POST', path, {
          accessContainer: { accessContainerId: groupId, accessContainerType: 'securityGroup' },
          accessDetails: { unifiedRoles: roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
        }),
        'the created access assignment',
      );
    return { id: found.id, groupId, status: found.status };
  }

  private async findByName(name: string): Promise<z.output<typeof RelationshipSchema> | undefined> {
    const filter = `displayName eq '${name.replace(/'/g, "''")}'`;
    const list = this.parse(RelationshipList, await this.call('GET', `tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(filter)}`), 'the relationship list');
    return list.value.find((r) => r.displayName === name);
  }

  private toRelationship(r: z.output<typeof RelationshipSchema>): GdapRelationship {
    return {
      id: r.id,
      displayName: r.displayName,
      status: r.status,
      ...(r.customer?.tenantId ? { customerTenantId: r.customer.tenantId } : {}),
      approvalUrl: `${GDAP_APPROVAL_BASE}${encodeURIComponent(r.id)}`,
    };
  }

  private parse<S extends z.ZodTypeAny>(schema: S, body: unknown, what: string): z.output<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new PartnerCenterError('PARTNER_CENTER_ERROR', `Microsoft Graph answered ${what} in an unexpected shape (${parsed.error.issues[0]?.path.join('.') || 'body'}).`);
    return parsed.data;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const token = await this.options.tokens.token();
    const url = new URL(path, this.base);
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        redirect: 'manual',
      });
    } catch (err) {
      throw new PartnerCenterError('PARTNER_CENTER_UNAVAILABLE', 'Microsoft Graph could not be reached for GDAP.', {}, { cause: err });
    }
    const text = await res.text();
    if (res.ok) {
      try {
        return text ? JSON.parse(text) : {};
      } catch {
        throw new PartnerCenterError('PARTNER_CENTER_ERROR', 'Microsoft Graph answered a GDAP call with something that is not JSON.', { status: res.status });
      }
    }
    let apiCode: string | undefined;
    try {
      apiCode = GraphErrorSchema.safeParse(JSON.parse(text)).data?.error.code;
    } catch {
      // Not Graph's error body: the status says enough.
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    const code: PartnerCenterErrorCode =
      res.status === 401 ? 'PARTNER_CENTER_SIGN_IN_REQUIRED'
      : res.status === 403 ? 'PARTNER_CENTER_FORBIDDEN'
      : res.status === 429 ? 'PARTNER_CENTER_THROTTLED'
      : res.status >= 500 ? 'PARTNER_CENTER_UNAVAILABLE'
      : res.status === 400 || res.status === 409 ? 'PARTNER_CENTER_BAD_REQUEST'
      : 'PARTNER_CENTER_ERROR';
    const hint =
      code === 'PARTNER_CENTER_FORBIDDEN' || code === 'PARTNER_CENTER_SIGN_IN_REQUIRED'
        ? `; the app needs the delegated Graph permission ${GDAP_SCOPE} (admin consent) and the signed-in user the Admin agent role ("partner-link partner-center login")`
        : '';
    throw new PartnerCenterError(code, `Microsoft Graph answered ${method} ${url.pathname} with HTTP ${res.status}${apiCode ? ` (${apiCode})` : ''}${hint}.`, {
      status: res.status,
      ...(apiCode ? { apiCode } : {}),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
}
