import {
  CodedError,
  isMicrosoftAdminLink,
  newNotice,
  type DirectoryPort,
  type Fulfilment,
  type GdapProgress,
  type Notice,
  type PartnerRequest,
  type RequestRepositoryPort,
} from '../../domain';
import type { GdapPort, LoggerPort, NotificationPort, PartnerCenterPort, PcPartnerRelationship, RequestUpdatedOptions } from '../ports';
import { withinPartnerCenterWait } from '../partner-center/bounded-wait';
import type { ScheduledJob } from '../schedules/schedules';

/** How long a person's click waits for Partner Center before the card goes out saying the link will follow. */
export const DEFAULT_FULFILMENT_TIMEOUT_MS = 8_000;
/** A GDAP relationship lasts this long unless the customer ends it earlier (Graph allows P1D to P730D). */
export const GDAP_DURATION = 'P730D';

export interface AddPartnerFulfilmentDeps {
  requests: Pick<RequestRepositoryPort, 'get' | 'updateFulfilment' | 'listFulfilmentDue' | 'listCompleting'>;
  directory: Pick<DirectoryPort, 'getOrganization'>;
  partnerCenter: Pick<PartnerCenterPort, 'getOrganizationProfile' | 'listIndirectResellers' | 'relationshipRequestLink'>;
  /** Microsoft Graph GDAP; without it a request asking for admin access gets no GDAP relationship (the card says so). */
  gdap?: GdapPort;
  clock: { now(): Date };
  logger: LoggerPort;
  timeoutMs?: number;
  /** Sends what a later preparation stored for people (the schedule's changes); set by the composition root. */
  notifier?: Pick<NotificationPort, 'requestUpdated'>;
}

const sameTenant = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isActive = (state?: string) => state === undefined || state.toLowerCase() === 'active';
const codeOf = (err: unknown) => (err instanceof CodedError ? String(err.code).slice(0, 60) : 'UNAVAILABLE');
/** Graph refusals that trying again will not fix (bad request, forbidden): the request completes without GDAP. */
const isFinal = (code: string) => code === 'PARTNER_CENTER_BAD_REQUEST' || code === 'PARTNER_CENTER_FORBIDDEN';

/**
 * Issue 17, "Add a partner": what the customer's Global admin needs to make the relationship real in
 * Microsoft, prepared once the partner has approved (so the customer admin's approval card carries it)
 * and stored on the request, never only in memory.
 *
 * - The operator can act for the partner (the partner is the operator itself, or one of its Active
 *   indirect resellers): the reseller relationship request link from Partner Center
 *   (GET /customers/relationshiprequests, with the reseller and the operator as provider for a reseller),
 *   shown only when it is https on a microsoft.com host.
 * - It cannot (any other partner): `partner_acts`; the card says what the partner does in its own Partner Center.
 * - The request asks for admin access (`adminRoles`): a GDAP relationship with those roles, created and
 *   locked for approval in Microsoft Graph; its approval link goes on the card too.
 *
 * A failure (Partner Center or Graph down, throttled, a sign-in missing) leaves it `pending`: the card
 * says the link will follow, and the fulfilment schedule tries again (listFulfilmentDue), from the store.
 */
export class AddPartnerFulfilment {
  private readonly timeoutMs: number;
  constructor(private readonly deps: AddPartnerFulfilmentDeps) {
    this.timeoutMs = deps.timeoutMs ?? DEFAULT_FULFILMENT_TIMEOUT_MS;
  }

  /** Whether the request is an add-partner one that reached the customer's step (or completing) and still has something to prepare. */
  needsWork(r: PartnerRequest): boolean {
    if (r.subject.kind !== 'add_partner') return false;
    const atCustomer = r.status === 'completing' || (r.status === 'pending_approval' && r.steps[r.stage]?.as === 'customer');
    if (!atCustomer) return false;
    const f = r.fulfilment;
    return !f || f.link === 'pending' || f.gdap?.state === 'pending';
  }

  /**
   * Prepares what is missing, within the bounded wait, and stores it. `announce`: the change is news to
   * people who already hold cards (a later attempt by the schedule): posted cards are redrawn and, for a
   * completing request, everyone on it gets the card again. Returns the request as stored afterwards.
   */
  async prepare(r: PartnerRequest, options: { announce?: boolean } = {}): Promise<PartnerRequest> {
    if (!this.needsWork(r)) return r;
    let next: Fulfilment;
    try {
      next = await withinPartnerCenterWait(this.next(r), this.timeoutMs);
    } catch (err) {
      next = this.timedOut(r, err);
    }
    const visible = options.announce === true && (next.link !== (r.fulfilment?.link ?? 'pending') || next.gdap?.state !== r.fulfilment?.gdap?.state);
    const notices: Notice[] = [];
    if (visible) {
      const now = this.deps.clock.now();
      notices.push({ ...newNotice('cards', r.version, now), key: `cards:f${next.rev}` });
      if (r.status === 'completing') notices.push({ ...newNotice('decided', r.version, now), key: `decided:f${next.rev}` });
    }
    const outcome = await this.deps.requests.updateFulfilment(r.id, r.fulfilment?.rev ?? 0, next, notices);
    if (outcome !== 'ok') return (await this.deps.requests.get(r.id)) ?? r;
    if (next.link === 'pending' || next.gdap?.state === 'pending') {
      this.deps.logger.warn({ requestId: r.id, code: next.lastError ?? next.gdap?.lastError, attempts: next.attempts }, 'add-partner link or GDAP relationship not ready; the fulfilment schedule tries again');
    }
    return { ...r, fulfilment: next };
  }

  /**
   * One pass of the schedule: every request with something still to prepare, and add-partner requests
   * completing without any fulfilment yet (approved before this existed, or a store write that failed).
   */
  async run(): Promise<{ prepared: string[]; pending: string[] }> {
    const out = { prepared: [] as string[], pending: [] as string[] };
    const due = await this.deps.requests.listFulfilmentDue();
    const unprepared = (await this.deps.requests.listCompleting()).filter((r) => !r.fulfilment && this.needsWork(r) && !due.some((d) => d.id === r.id));
    for (const r of [...due, ...unprepared]) {
      const after = await this.prepare(r, { announce: true });
      if (after.fulfilment && after.fulfilment !== r.fulfilment) await this.deps.notifier?.requestUpdated(after);
      const f = after.fulfilment;
      (f && f.link !== 'pending' && f.gdap?.state !== 'pending' ? out.prepared : out.pending).push(r.id);
    }
    return out;
  }

  private asksForGdap(r: PartnerRequest): boolean {
    return r.subject.kind === 'add_partner' && (r.subject.adminRoles?.length ?? 0) > 0;
  }

  /** The fulfilment after an attempt that gave no answer at all (timed out): what was pending stays pending, with the reason. */
  private timedOut(r: PartnerRequest, err: unknown): Fulfilment {
    const f = r.fulfilment;
    const code = codeOf(err);
    const linkPending = !f || f.link === 'pending';
    const gdapPending = this.asksForGdap(r) && (!f?.gdap || f.gdap.state === 'pending');
    return {
      rev: (f?.rev ?? 0) + 1,
      link: f?.link ?? 'pending',
      ...(f?.url ? { url: f.url } : {}),
      attempts: (f?.attempts ?? 0) + 1,
      ...(linkPending ? { lastError: code } : {}),
      updatedAt: this.deps.clock.now(),
      ...(gdapPending ? { gdap: { ...(f?.gdap ?? {}), state: 'pending' as const, attempts: (f?.gdap?.attempts ?? 0) + 1, lastError: code } } : f?.gdap ? { gdap: f.gdap } : {}),
    };
  }

  /** The next fulfilment: the link (when still pending) and the GDAP relationship (when asked for and still pending). */
  private async next(r: PartnerRequest): Promise<Fulfilment> {
    const f = r.fulfilment;
    const now = this.deps.clock.now();
    let link: Fulfilment['link'] = f?.link ?? 'pending';
    let url = f?.url;
    let lastError: string | undefined;
    let operatorTenant: string | undefined;
    const operator = async () => (operatorTenant ??= (await this.deps.partnerCenter.getOrganizationProfile()).tenantId);
    if (link === 'pending') {
      try {
        url = await this.link(r, operator);
        link = url ? 'ready' : 'partner_acts';
      } catch (err) {
        lastError = codeOf(err);
        this.deps.logger.warn({ requestId: r.id, code: lastError }, 'the reseller relationship link could not be fetched from Partner Center');
      }
    }
    const gdap = await this.gdapStep(r, operator);
    return {
      rev: (f?.rev ?? 0) + 1,
      link,
      ...(url && link === 'ready' ? { url } : {}),
      attempts: (f?.attempts ?? 0) + 1,
      ...(lastError ? { lastError } : {}),
      updatedAt: now,
      ...(gdap ? { gdap } : {}),
    };
  }

  /** The link for the customer's admin, or undefined when the operator cannot ask for it for this partner. */
  private async link(r: PartnerRequest, operator: () => Promise<string>): Promise<string | undefined> {
    if (r.subject.kind !== 'add_partner') return undefined;
    const partner = await this.deps.directory.getOrganization(r.subject.partnerId);
    if (!partner || partner.kind === 'customer') return undefined;
    const pc = this.deps.partnerCenter;
    const operatorTenant = await operator();
    let url: string;
    if (sameTenant(operatorTenant, partner.tenantId)) url = await pc.relationshipRequestLink();
    else {
      const reseller = (await this.indirectResellers()).find((x) => isActive(x.state) && (sameTenant(x.tenantId, partner.tenantId) || (partner.partnerId !== undefined && x.partnerId === partner.partnerId)));
      if (!reseller) return undefined;
      url = await pc.relationshipRequestLink({ indirectResellerTenantId: reseller.tenantId, indirectProviderTenantId: operatorTenant });
    }
    if (!isMicrosoftAdminLink(url)) throw new CodedError('PARTNER_CENTER_BAD_LINK', 'Partner Center returned a relationship link that is not an https link on a Microsoft host; it is not shown.');
    return url;
  }

  private async indirectResellers(): Promise<PcPartnerRelationship[]> {
    const all: PcPartnerRelationship[] = [];
    for await (const page of this.deps.partnerCenter.listIndirectResellers()) all.push(...page.items);
    return all;
  }

  /**
   * Creates the GDAP relationship when asked for and not created yet; a failure keeps it pending (or
   * failed for good). A GDAP relationship is between the tenant that creates it and the customer, so the
   * bot creates one only when the partner is the operator itself; for any other partner it is `failed`
   * with GDAP_NOT_OPERATOR and the card says the partner asks for it in its own Partner Center.
   */
  private async gdapStep(r: PartnerRequest, operator: () => Promise<string>): Promise<GdapProgress | undefined> {
    const current = r.fulfilment?.gdap;
    if (!this.asksForGdap(r) || r.subject.kind !== 'add_partner') return current;
    if (current && current.state !== 'pending') return current;
    const attempts = (current?.attempts ?? 0) + 1;
    if (!this.deps.gdap) return { state: 'failed', attempts, lastError: 'GDAP_NOT_CONFIGURED' };
    const [customer, partner] = await Promise.all([this.deps.directory.getOrganization(r.subject.customerId), this.deps.directory.getOrganization(r.subject.partnerId)]);
    if (!customer || !partner) return { state: 'failed', attempts, lastError: 'ORGANIZATION_UNKNOWN' };
    try {
      if (!sameTenant(await operator(), partner.tenantId)) return { state: 'failed', attempts, lastError: 'GDAP_NOT_OPERATOR' };
      const created = await this.deps.gdap.requestRelationship({
        // Unique and at most 50 characters (Graph): the request's ID names it.
        displayName: `Partner Link ${r.id}`,
        customerTenantId: customer.tenantId,
        customerName: customer.name.slice(0, 100),
        duration: GDAP_DURATION,
        roleDefinitionIds: r.subject.adminRoles ?? [],
      });
      if (!isMicrosoftAdminLink(created.approvalUrl)) return { state: 'failed', attempts, lastError: 'GDAP_BAD_LINK' };
      return { state: 'requested', relationshipId: created.id, status: created.status, approvalUrl: created.approvalUrl, attempts };
    } catch (err) {
      const code = codeOf(err);
      this.deps.logger.warn({ requestId: r.id, code }, 'the GDAP relationship could not be created in Microsoft Graph');
      return { state: isFinal(code) ? 'failed' : 'pending', attempts, lastError: code };
    }
  }
}

/** The schedule around it: safe on every instance (each write is a compare-and-set on the fulfilment's revision). */
export function addPartnerFulfilmentJob(fulfilment: AddPartnerFulfilment, everyMs: number): ScheduledJob {
  return { name: 'add-partner-fulfilment', everyMs, atStart: true, run: () => fulfilment.run() };
}

/**
 * The notifier the dialogs use when Partner Center is on: before the notices of an approval are sent,
 * an add-partner request that reached the customer's step (or completing) gets its link and GDAP
 * relationship prepared (bounded wait), so the customer admin's card carries them. A failure never
 * fails the click: the card says the link will follow.
 */
export class PreparingNotifier implements NotificationPort {
  constructor(
    private readonly inner: NotificationPort,
    private readonly fulfilment: AddPartnerFulfilment,
    private readonly logger: LoggerPort,
  ) {}

  async requestUpdated(request: PartnerRequest, previous?: PartnerRequest, options?: RequestUpdatedOptions): Promise<void> {
    if (this.fulfilment.needsWork(request)) {
      try {
        await this.fulfilment.prepare(request);
      } catch (err) {
        this.logger.warn({ requestId: request.id, code: codeOf(err) }, 'add-partner fulfilment not prepared now; the schedule does it');
      }
    }
    await this.inner.requestUpdated(request, previous, options);
  }

  approvalRequested: NotificationPort['approvalRequested'] = (r) => this.inner.approvalRequested(r);
  requestExpired: NotificationPort['requestExpired'] = (r, p) => this.inner.requestExpired(r, p);
  remind: NotificationPort['remind'] = (x) => this.inner.remind(x);
  personReachable: NotificationPort['personReachable'] = (p) => this.inner.personReachable(p);
  handedOver: NotificationPort['handedOver'] = (r, e) => this.inner.handedOver(r, e);
  noteAdded: NotificationPort['noteAdded'] = (r, e) => this.inner.noteAdded(r, e);
}
