import { CodedError } from '../../domain';

/**
 * Microsoft Partner Center (and the Microsoft Graph GDAP calls), as the application layer sees it: typed
 * records, never HTTP. The HTTP client in adapters/partner-center implements it; tests may use it
 * against recorded-shape fixtures. Shapes follow the Partner Center REST reference (see
 * shared/PARTNER-CENTER.md); enums that Microsoft may extend (states, billing types) stay open strings.
 *
 * Only an indirect provider or a direct-bill partner can call the API, so "the operator" below is the
 * distributor (or direct-bill partner) that runs Partner Link.
 */
export interface PartnerCenterPort {
  /** The operator's own organization profile (GET /profiles/organization; app+user). */
  getOrganizationProfile(): Promise<PcOrganizationProfile>;
  /** The operator's customers, page by page (GET /customers, links.next / MS-ContinuationToken). */
  listCustomers(options?: { pageSize?: number; continuation?: PcContinuation }): AsyncIterable<PcPage<PcCustomer>>;
  /** One customer with its billing country (GET /customers/{tenantId}); undefined when not a customer of the operator. */
  getCustomer(customerTenantId: string): Promise<PcCustomer | undefined>;
  /** The operator's indirect resellers (GET /relationships?relationship_type=IsIndirectCloudSolutionProviderOf; app+user). */
  listIndirectResellers(options?: { continuation?: PcContinuation }): AsyncIterable<PcPage<PcPartnerRelationship>>;
  /** A customer's indirect resellers (GET /customers/{id}/relationships; app+user). */
  listCustomerRelationships(customerTenantId: string): Promise<PcPartnerRelationship[]>;
  /** A customer's subscriptions (GET /customers/{id}/subscriptions). */
  listSubscriptions(customerTenantId: string): Promise<PcSubscription[]>;
  /** A PartnerID (MPN ID) looked up (GET /profiles/mpn?mpnId=); undefined when Partner Center does not know it (404, 3000/800015). */
  findPartner(partnerId: string): Promise<PcMpnProfile | undefined>;
  /** Whether a reseller signed the Microsoft Partner Agreement (GET /compliance/csp/agreementstatus; exactly one of the two). */
  agreementSigned(who: { partnerId: string } | { tenantId: string }): Promise<boolean>;
  /**
   * The link a customer's Global admin opens to accept a reseller relationship
   * (GET /customers/relationshiprequests, with the indirect reseller and provider when the operator
   * asks on a reseller's behalf).
   */
  relationshipRequestLink(options?: { indirectResellerTenantId?: string; indirectProviderTenantId?: string }): Promise<string>;
}

/** Granular delegated admin privileges through Microsoft Graph (tenantRelationships/delegatedAdminRelationships). */
export interface GdapPort {
  /** Creates a relationship (status "created") and locks it for approval; returns it with its approval link. */
  requestRelationship(input: {
    displayName: string;
    customerTenantId: string;
    customerName?: string;
    /** ISO 8601 duration, P1D..P730D. */
    duration: string;
    roleDefinitionIds: readonly string[];
  }): Promise<GdapRelationship>;
  getRelationship(id: string): Promise<GdapRelationship | undefined>;
  /**
   * Once a relationship is active: gives its roles to the operator's configured security group (an
   * access assignment), or finds the one an earlier call made. Undefined when no group is configured.
   */
  assignAccess(relationshipId: string, roleDefinitionIds: readonly string[]): Promise<GdapAccessAssignment | undefined>;
}

export interface GdapAccessAssignment {
  id: string;
  groupId: string;
  /** pending, active, … (an open string). */
  status: string;
}

export interface PcContinuation {
  /** The next page's URI as Partner Center gave it (relative to the API base, or absolute). */
  uri: string;
  /** Headers the next page must carry (MS-ContinuationToken). */
  headers: Readonly<Record<string, string>>;
}

export interface PcPage<T> {
  items: T[];
  /** Where the next page is; undefined on the last page. Kept so an interrupted sync resumes there. */
  next?: PcContinuation;
  totalCount?: number;
}

export interface PcOrganizationProfile {
  id?: string;
  tenantId: string;
  companyName: string;
  domain?: string;
  country?: string;
  language?: string;
}

export interface PcCustomer {
  tenantId: string;
  companyName: string;
  domain?: string;
  /** billingProfile.defaultAddress.country, when it was read (customer details). */
  country?: string;
  /** reseller, advisor, none, …: open string. */
  relationshipToPartner?: string;
}

export interface PcPartnerRelationship {
  /** The partner's tenant ID. */
  tenantId: string;
  name: string;
  /** PartnerID (mpnId). */
  partnerId?: string;
  /** Country code, e.g. US. */
  location?: string;
  /** Active, …: open string. */
  state?: string;
  relationshipType?: string;
}

export interface PcSubscription {
  id: string;
  offerId?: string;
  offerName?: string;
  friendlyName?: string;
  /** none | usage | license: open string. */
  billingType?: string;
  /** active, suspended, expired, …: open string. */
  status?: string;
  /** commitmentEndDate (YYYY-MM-DD or ISO time). */
  commitmentEndDate?: string;
  /** PartnerID of the reseller of record (partnerId in the subscription). */
  partnerOfRecord?: string;
  termDuration?: string;
}

export interface PcMpnProfile {
  partnerId: string;
  partnerName: string;
}

export interface GdapRelationship {
  id: string;
  displayName: string;
  /** created, approvalPending, active, …: open string. */
  status: string;
  customerTenantId?: string;
  /** https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id} */
  approvalUrl: string;
}

export type PartnerCenterErrorCode =
  /** 401 with error 900421: the app+user token has no MFA claim; an admin must sign in again (partner-link partner-center login). */
  | 'PARTNER_CENTER_MFA_REQUIRED'
  /** No usable token (never signed in, refresh token expired or revoked, bad client secret). */
  | 'PARTNER_CENTER_SIGN_IN_REQUIRED'
  /** 429 that kept coming after the honoured Retry-After and back-off. */
  | 'PARTNER_CENTER_THROTTLED'
  /** 403: no relationship, not onboarded in the country, MPA not accepted, … (`apiCode` says which). */
  | 'PARTNER_CENTER_FORBIDDEN'
  /** 400: the request was refused as malformed (`apiCode` 2000, 2001, 800016, …). */
  | 'PARTNER_CENTER_BAD_REQUEST'
  /** Network failure, timeout or 5xx: may work later. */
  | 'PARTNER_CENTER_UNAVAILABLE'
  /** Any other answer the client does not understand. */
  | 'PARTNER_CENTER_ERROR';

/** What a Partner Center or Graph call failed with. `apiCode` is the documented business code (900421, 3000, …). */
export class PartnerCenterError extends CodedError<PartnerCenterErrorCode> {
  constructor(
    code: PartnerCenterErrorCode,
    message: string,
    readonly details: { status?: number; apiCode?: string; retryAfterSeconds?: number; requestId?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** Whether trying again later may work (unreachable, throttled). */
  get transient(): boolean {
    return this.code === 'PARTNER_CENTER_UNAVAILABLE' || this.code === 'PARTNER_CENTER_THROTTLED';
  }
}
