import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  PartnerCenterError,
  type PartnerCenterErrorCode,
  type PartnerCenterPort,
  type PcContinuation,
  type PcCustomer,
  type PcMpnProfile,
  type PcOrganizationProfile,
  type PcPage,
  type PcPartnerRelationship,
  type PcSubscription,
} from '../../app/ports/partner-center.port';
import type {
  LinkSchema} from './partner-center.schemas';
import {
  AgreementStatusSchema,
  ApiErrorSchema,
  CollectionSchema,
  CustomerSchema,
  MpnProfileSchema,
  OrganizationProfileSchema,
  PartnerRelationshipSchema,
  RelationshipRequestSchema,
  SubscriptionSchema,
} from './partner-center.schemas';

/** Which kind of token a call needs: app-only (client credentials) or app+user (secure application model, MFA). */
export type PcAuthMode = 'app' | 'user';

/** Where the client gets its bearer tokens (MSAL in production). A failure should be a PartnerCenterError. */
export interface PartnerCenterTokenSource {
  token(mode: PcAuthMode): Promise<string>;
}

export interface PartnerCenterClientOptions {
  /** The API base with its version, e.g. https://api.partnercenter.microsoft.com/v1. */
  baseUrl: string;
  tokens: PartnerCenterTokenSource;
  /** How many times one call is sent at most (first try included); 4 unless told. */
  maxAttempts?: number;
  /** The first back-off step in milliseconds (doubles each retry); 1000 unless told. */
  backoffMs?: number;
  /** The longest single wait in milliseconds, Retry-After included; 120 000 unless told. */
  maxWaitMs?: number;
  /** Waits; tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** GUIDs for MS-RequestId and MS-CorrelationId. */
  newId?: () => string;
  /** Sent as X-Locale when set (e.g. en-US, ja-JP). */
  locale?: string;
  /** Sent as MS-PartnerCenter-Application. */
  applicationName?: string;
  fetch?: typeof fetch;
}

const ITEM_BAD = 'PARTNER_CENTER_ERROR';

/**
 * PartnerCenterPort over the Partner Center REST API: one HTTP request per call (plus retries and
 * pages), each with its bearer token, a GUID MS-RequestId kept across retries of that call and a new
 * MS-CorrelationId per call. Answers are validated at the edge; failures become PartnerCenterError
 * with a code the application can act on. Tokens never appear in an error or a log line.
 */
export class PartnerCenterClient implements PartnerCenterPort {
  private readonly base: URL;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly newId: () => string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PartnerCenterClientOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.newId = options.newId ?? randomUUID;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async getOrganizationProfile(): Promise<PcOrganizationProfile> {
    const p = await this.get('profiles/organization', 'user', OrganizationProfileSchema);
    return {
      id: p.id === undefined ? undefined : String(p.id),
      tenantId: p.tenantId,
      companyName: p.companyName,
      domain: p.domain,
      country: p.defaultAddress?.country,
      language: p.language,
    };
  }

  listCustomers(options: { pageSize?: number; continuation?: PcContinuation } = {}): AsyncIterable<PcPage<PcCustomer>> {
    const size = options.pageSize ?? 500;
    if (!Number.isInteger(size) || size < 1 || size > 500) throw new RangeError('pageSize must be a whole number from 1 to 500.');
    const first: PcContinuation = options.continuation ?? { uri: `customers?size=${size}`, headers: {} };
    return this.pages(first, 'app', CustomerSchema, toCustomer);
  }

  async getCustomer(customerTenantId: string): Promise<PcCustomer | undefined> {
    try {
      return toCustomer(await this.get(`customers/${guidSegment(customerTenantId)}`, 'app', CustomerSchema));
    } catch (e) {
      if (e instanceof PartnerCenterError && e.details.status === 404) return undefined;
      throw e;
    }
  }

  listIndirectResellers(options: { continuation?: PcContinuation } = {}): AsyncIterable<PcPage<PcPartnerRelationship>> {
    const first: PcContinuation = options.continuation ?? { uri: 'relationships?relationship_type=IsIndirectCloudSolutionProviderOf', headers: {} };
    return this.pages(first, 'user', PartnerRelationshipSchema, toRelationship);
  }

  async listCustomerRelationships(customerTenantId: string): Promise<PcPartnerRelationship[]> {
    return this.collectAll(`customers/${guidSegment(customerTenantId)}/relationships`, 'user', PartnerRelationshipSchema, toRelationship);
  }

  async listSubscriptions(customerTenantId: string): Promise<PcSubscription[]> {
    return this.collectAll(`customers/${guidSegment(customerTenantId)}/subscriptions`, 'app', SubscriptionSchema, (s) => ({
      id: s.id,
      offerId: s.offerId,
      offerName: s.offerName,
      friendlyName: s.friendlyName,
      billingType: s.billingType,
      status: s.status,
      commitmentEndDate: s.commitmentEndDate,
      partnerOfRecord: s.partnerId || undefined,
      termDuration: s.termDuration,
    }));
  }

  async findPartner(partnerId: string): Promise<PcMpnProfile | undefined> {
    try {
      const p = await this.get(`profiles/mpn?mpnId=${encodeURIComponent(partnerId)}`, 'user', MpnProfileSchema);
      return { partnerId: p.mpnId, partnerName: p.partnerName ?? '' };
    } catch (e) {
      if (e instanceof PartnerCenterError && e.details.status === 404 && (e.details.apiCode === '3000' || e.details.apiCode === '800015')) return undefined;
      throw e;
    }
  }

  async agreementSigned(who: { partnerId: string } | { tenantId: string }): Promise<boolean> {
    const query = 'partnerId' in who ? `mpnId=${encodeURIComponent(who.partnerId)}` : `tenantId=${encodeURIComponent(who.tenantId)}`;
    return (await this.get(`compliance/csp/agreementstatus?${query}`, 'user', AgreementStatusSchema)).isAgreementSigned;
  }

  async relationshipRequestLink(options: { indirectResellerTenantId?: string; indirectProviderTenantId?: string } = {}): Promise<string> {
    const q = new URLSearchParams();
    if (options.indirectResellerTenantId) q.set('indirectResellerId', options.indirectResellerTenantId);
    if (options.indirectProviderTenantId) q.set('indirectCloudSolutionProviderId', options.indirectProviderTenantId);
    const query = q.toString();
    return (await this.get(`customers/relationshiprequests${query ? `?${query}` : ''}`, 'user', RelationshipRequestSchema)).url;
  }

  // --- plumbing -------------------------------------------------------------------------------------

  private async get<S extends z.ZodTypeAny>(path: string, mode: PcAuthMode, schema: S): Promise<z.output<S>> {
    const { body, requestId } = await this.send({ uri: path, headers: {} }, mode);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw badShape(path, requestId, parsed.error);
    return parsed.data;
  }

  private async *pages<S extends z.ZodTypeAny, T>(first: PcContinuation, mode: PcAuthMode, item: S, map: (v: z.output<S>) => T): AsyncGenerator<PcPage<T>> {
    const schema = CollectionSchema(item);
    let at: PcContinuation | undefined = first;
    while (at) {
      const { body, requestId } = await this.send(at, mode);
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw badShape(at.uri, requestId, parsed.error);
      const next = parsed.data.links?.next;
      const page: PcPage<T> = { items: parsed.data.items.map((v: z.output<S>) => map(v)), totalCount: parsed.data.totalCount };
      if (next) page.next = toContinuation(next);
      yield page;
      at = page.next;
    }
  }

  private async collectAll<S extends z.ZodTypeAny, T>(path: string, mode: PcAuthMode, item: S, map: (v: z.output<S>) => T): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages({ uri: path, headers: {} }, mode, item, map)) all.push(...page.items);
    return all;
  }

  /** Where a link points: absolute as given; "/v1/…" on the API origin; any other relative path under the base (adding /v1). */
  resolve(uri: string): URL {
    if (/^https?:\/\//i.test(uri)) return new URL(uri);
    const basePath = this.base.pathname.replace(/\/$/, '');
    if (uri.startsWith('/') && basePath && (uri === basePath || uri.startsWith(`${basePath}/`) || uri.startsWith(`${basePath}?`))) {
      return new URL(uri, this.base.origin);
    }
    return new URL(uri.replace(/^\//, ''), this.base);
  }

  private async send(at: PcContinuation, mode: PcAuthMode): Promise<{ body: unknown; requestId: string }> {
    const url = this.resolve(at.uri);
    if (url.origin !== this.base.origin) {
      // A next link elsewhere would carry our bearer token to another host.
      throw new PartnerCenterError('PARTNER_CENTER_ERROR', `Partner Center pointed to a page on another host (${url.host}); it was not followed.`);
    }
    const requestId = this.newId();
    const correlationId = this.newId();
    let backoff = this.backoffMs;
    for (let attempt = 1; ; attempt++) {
      const token = await this.options.tokens.token(mode);
      const headers: Record<string, string> = {
        ...at.headers,
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'MS-RequestId': requestId,
        'MS-CorrelationId': correlationId,
      };
      if (this.options.locale) headers['X-Locale'] = this.options.locale;
      if (this.options.applicationName) headers['MS-PartnerCenter-Application'] = this.options.applicationName;

      let response: Response;
      try {
        response = await this.fetchImpl(url, { method: 'GET', headers, redirect: 'manual' });
      } catch (err) {
        if (attempt < this.maxAttempts) {
          await this.sleep(Math.min(backoff, this.maxWaitMs));
          backoff *= 2;
          continue;
        }
        throw new PartnerCenterError('PARTNER_CENTER_UNAVAILABLE', `Partner Center could not be reached (${describe(err)}) after ${attempt} attempt(s).`, { requestId }, { cause: err });
      }

      if (response.ok) {
        const text = await response.text();
        try {
          return { body: text ? JSON.parse(text) : {}, requestId };
        } catch {
          throw new PartnerCenterError(ITEM_BAD, `Partner Center answered ${url.pathname} with a body that is not JSON.`, { status: response.status, requestId });
        }
      }

      const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < this.maxAttempts) {
        await response.text().catch(() => '');
        // Retry-After first, then exponential back-off; never shorter than what the server asked for.
        const wait = Math.min(Math.max(retryAfter !== undefined ? retryAfter * 1000 : 0, backoff), this.maxWaitMs);
        await this.sleep(wait);
        backoff = Math.max(backoff * 2, retryAfter !== undefined ? retryAfter * 2000 : 0);
        continue;
      }
      throw await toError(response, url, requestId, retryAfter, attempt);
    }
  }
}

function toCustomer(c: z.output<typeof CustomerSchema>): PcCustomer {
  return {
    tenantId: c.companyProfile?.tenantId && isGuid(c.companyProfile.tenantId) ? c.companyProfile.tenantId : c.id,
    companyName: c.companyProfile?.companyName ?? c.billingProfile?.companyName ?? '',
    domain: c.companyProfile?.domain,
    country: c.billingProfile?.defaultAddress?.country ?? c.companyProfile?.address?.country,
    relationshipToPartner: c.relationshipToPartner,
  };
}

function toRelationship(r: z.output<typeof PartnerRelationshipSchema>): PcPartnerRelationship {
  return { tenantId: r.id, name: r.name, partnerId: r.mpnId, location: r.location, state: r.state, relationshipType: r.relationshipType };
}

function toContinuation(link: z.output<typeof LinkSchema>): PcContinuation {
  const headers: Record<string, string> = {};
  for (const h of link.headers) headers[h.key] = h.value;
  return { uri: link.uri, headers };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isGuid = (s: string) => GUID.test(s);

function guidSegment(id: string): string {
  if (!isGuid(id)) throw new PartnerCenterError('PARTNER_CENTER_BAD_REQUEST', 'A customer tenant ID must be a GUID.');
  return id;
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function describe(err: unknown): string {
  const e = err as { cause?: { code?: string }; code?: string; name?: string };
  return e?.cause?.code ?? e?.code ?? e?.name ?? 'network error';
}

function badShape(path: string, requestId: string, error: z.ZodError): PartnerCenterError {
  const where = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  return new PartnerCenterError('PARTNER_CENTER_ERROR', `Partner Center answered ${path.split('?')[0]} with an unexpected shape (${where}).`, { requestId });
}

async function toError(response: Response, url: URL, requestId: string, retryAfter: number | undefined, attempts: number): Promise<PartnerCenterError> {
  const status = response.status;
  let apiCode: string | undefined;
  let description: string | undefined;
  try {
    const parsed = ApiErrorSchema.safeParse(JSON.parse(await response.text()));
    if (parsed.success) {
      apiCode = parsed.data.code;
      description = parsed.data.description?.slice(0, 300);
    }
  } catch {
    // Not the documented body (the gateway's 429 or an HTML error page): the status says enough.
  }
  const details = { status, apiCode, retryAfterSeconds: retryAfter, requestId };
  const what = `${url.pathname}${description ? `: ${description}` : ''}${apiCode ? ` (code ${apiCode})` : ''}`;
  let code: PartnerCenterErrorCode;
  let message: string;
  if (status === 401 && apiCode === '900421') {
    code = 'PARTNER_CENTER_MFA_REQUIRED';
    message = 'Partner Center needs a sign-in with multi-factor authentication: an admin runs "partner-link partner-center login" again.';
  } else if (status === 401) {
    code = 'PARTNER_CENTER_SIGN_IN_REQUIRED';
    message = `Partner Center refused the token for ${what}; an admin signs in again ("partner-link partner-center login") or checks the app registration.`;
  } else if (status === 429) {
    code = 'PARTNER_CENTER_THROTTLED';
    message = `Partner Center kept throttling ${url.pathname} after ${attempts} attempt(s)${retryAfter !== undefined ? `; it asks to wait ${retryAfter} s` : ''}.`;
  } else if (status === 403) {
    code = 'PARTNER_CENTER_FORBIDDEN';
    message = `Partner Center refused ${what}.`;
  } else if (status === 400) {
    code = 'PARTNER_CENTER_BAD_REQUEST';
    message = `Partner Center rejected ${what}.`;
  } else if (status >= 500) {
    code = 'PARTNER_CENTER_UNAVAILABLE';
    message = `Partner Center failed on ${url.pathname} with HTTP ${status} after ${attempts} attempt(s).`;
  } else {
    code = 'PARTNER_CENTER_ERROR';
    message = `Partner Center answered ${what} with HTTP ${status}.`;
  }
  return new PartnerCenterError(code, message, details);
}
