import { CodedError, type ClockPort, type DirectoryPort, type PartnerLinkService, type PartnerRequest, type RequestRepositoryPort } from '../../domain';
import type { GdapPort, LoggerPort, NotificationPort, PartnerCenterPort, PcPartnerRelationship } from '../ports';
import type { ScheduledJob } from '../schedules/schedules';

/** How often the bot looks in Partner Center for the requests it is completing, unless configured. */
export const DEFAULT_FULFILMENT_EVERY_MS = 15 * 60_000;

export interface FulfilmentDeps {
  requests: Pick<RequestRepositoryPort, 'listCompleting' | 'recordFulfilmentCheck' | 'updateFulfilment'>;
  directory: Pick<DirectoryPort, 'getOrganization' | 'getSubscription'>;
  service: Pick<PartnerLinkService, 'act'>;
  partnerCenter: PartnerCenterPort;
  notifier: Pick<NotificationPort, 'requestUpdated'>;
  logger: LoggerPort;
  /** The time a failed (or recovered) question to Partner Center is recorded with; real time by default. */
  clock?: ClockPort;
  /** Issue 17: Microsoft Graph GDAP, to see that an asked-for GDAP relationship is active and give its roles to the operator's group. */
  gdap?: Pick<GdapPort, 'getRelationship' | 'assignAccess'>;
}

export interface FulfilmentRun {
  /** Requests this run moved to completed. */
  completed: string[];
  /** Requests still waiting for Partner Center (not there yet). */
  waiting: string[];
  /** Requests Partner Center could not be asked about this time; they stay completing and are asked again next run. */
  failed: { id: string; code: string }[];
}

const isActive = (state?: string) => state === undefined || state.toLowerCase() === 'active';
const sameTenant = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Issue 17: the completion signal of each request kind, read from Partner Center.
 * - link_distributor: the reseller is among the operator's indirect resellers (by tenant ID or PartnerID), Active.
 * - add_partner: the customer is the operator's customer and the partner is the operator itself or is among
 *   the customer's indirect resellers; and, when admin access was asked for and its GDAP relationship was
 *   created, that relationship is `active` in Microsoft Graph (still being created: not done yet).
 * - multichannel_support: the customer has a new active subscription whose reseller of record is the
 *   partner's PartnerID, of the billing model of the one bought elsewhere (the new licence bought in CSP
 *   at its term end; for Azure, the new Azure plan, usage-based).
 */
export class FulfilmentWatcher {
  private readonly deps: FulfilmentDeps;
  constructor(deps: FulfilmentDeps) {
    this.deps = deps;
  }

  /** One pass over every completing request; keeps nothing between passes (all state is in the store). */
  async run(): Promise<FulfilmentRun> {
    const out: FulfilmentRun = { completed: [], waiting: [], failed: [] };
    let resellers: PcPartnerRelationship[] | undefined;
    let operatorTenant: string | undefined;
    const ctx = {
      resellers: async () => (resellers ??= await this.allIndirectResellers()),
      operatorTenant: async () => (operatorTenant ??= (await this.deps.partnerCenter.getOrganizationProfile()).tenantId),
    };
    for (const r of await this.deps.requests.listCompleting()) {
      try {
        const done = await this.isDone(r, ctx);
        // Issue 17: the first answer after failures is recorded (the failures in a row start again).
        if (r.fulfilmentCheck && r.fulfilmentCheck.failuresInARow > 0) await this.record(r, { ...r.fulfilmentCheck, lastAnsweredAt: this.now(), failuresInARow: 0 });
        if (!done) {
          out.waiting.push(r.id);
          continue;
        }
        const completed = await this.deps.service.act(r.id, { type: 'complete' }, undefined, { platform: 'system' });
        if (completed.kind === 'applied') {
          out.completed.push(r.id);
          await this.deps.notifier.requestUpdated(completed.request);
        }
      } catch (err) {
        // Never lost: the request stays "completing" in the store and is asked about again next run.
        const code = err instanceof CodedError ? err.code : 'UNAVAILABLE';
        out.failed.push({ id: r.id, code });
        this.deps.logger.warn({ requestId: r.id, code }, 'Partner Center could not be asked about a completing request; retried next run');
        // Issue 17: "last check failed at / with code" on the request itself, for whoever looks at it later.
        await this.record(r, { ...r.fulfilmentCheck, lastFailedAt: this.now(), lastErrorCode: code.slice(0, 60), failuresInARow: (r.fulfilmentCheck?.failuresInARow ?? 0) + 1 });
      }
    }
    return out;
  }

  private now(): Date {
    return this.deps.clock?.now() ?? new Date();
  }

  /** Best effort: a store that cannot take it now is logged, and the next run writes it again. */
  private async record(r: PartnerRequest, check: NonNullable<PartnerRequest['fulfilmentCheck']>): Promise<void> {
    try {
      await this.deps.requests.recordFulfilmentCheck(r.id, check);
    } catch (err) {
      this.deps.logger.warn({ err, requestId: r.id }, 'the last Partner Center check of a completing request could not be recorded');
    }
  }

  /**
   * Issue 17: an asked-for GDAP relationship is active (or none was asked for, or it could not be created:
   * the card said so). Once active, its roles are given to the operator's security group when one is
   * configured, and the assignment is stored on the request (the completed card names it) before it completes.
   */
  private async gdapDone(r: PartnerRequest): Promise<boolean> {
    const f = r.fulfilment;
    const g = f?.gdap;
    if (!f || !g || g.state === 'failed' || !this.deps.gdap) return true;
    if (g.state === 'pending' || !g.relationshipId) return false;
    if ((await this.deps.gdap.getRelationship(g.relationshipId))?.status.toLowerCase() !== 'active') return false;
    if (g.access || r.subject.kind !== 'add_partner') return true;
    const assigned = await this.deps.gdap.assignAccess(g.relationshipId, r.subject.adminRoles ?? []);
    if (!assigned) return true;
    const access = { groupId: assigned.groupId, assignmentId: assigned.id, status: assigned.status };
    // A compare-and-set: another instance that stored it first wins, and its assignment is the same one (found by group).
    await this.deps.requests.updateFulfilment(r.id, f.rev, { ...f, rev: f.rev + 1, updatedAt: this.now(), gdap: { ...g, status: 'active', access } });
    return true;
  }

  private async allIndirectResellers(): Promise<PcPartnerRelationship[]> {
    const all: PcPartnerRelationship[] = [];
    for await (const page of this.deps.partnerCenter.listIndirectResellers()) all.push(...page.items);
    return all;
  }

  private async isDone(r: PartnerRequest, ctx: { resellers(): Promise<PcPartnerRelationship[]>; operatorTenant(): Promise<string> }): Promise<boolean> {
    const s = r.subject;
    const pc = this.deps.partnerCenter;
    if (s.kind === 'link_distributor') {
      const reseller = await this.deps.directory.getOrganization(s.resellerId);
      if (!reseller || reseller.kind === 'customer') return false;
      return (await ctx.resellers()).some((x) => isActive(x.state) && (sameTenant(x.tenantId, reseller.tenantId) || x.partnerId === reseller.partnerId));
    }
    const [customer, partner] = await Promise.all([this.deps.directory.getOrganization(s.customerId), this.deps.directory.getOrganization(s.partnerId)]);
    if (!customer || !partner || partner.kind === 'customer') return false;
    if (s.kind === 'add_partner') {
      if (!(await pc.getCustomer(customer.tenantId))) return false;
      const related = sameTenant(await ctx.operatorTenant(), partner.tenantId) || (await pc.listCustomerRelationships(customer.tenantId)).some((x) => sameTenant(x.tenantId, partner.tenantId) || x.partnerId === partner.partnerId);
      return related && (await this.gdapDone(r));
    }
    // Multi-channel: a new subscription (never the one bought elsewhere) of the same billing model, with the
    // partner as reseller of record: a new Azure plan (usage) for Azure, a new licence for a licence.
    const old = await this.deps.directory.getSubscription(s.subscriptionId);
    const sameModel = (billingType?: string) => !old || billingType === undefined || billingType.toLowerCase() === old.billing;
    return (await pc.listSubscriptions(customer.tenantId)).some(
      (x) => x.partnerOfRecord === partner.partnerId && isActive(x.status) && !sameTenant(x.id, s.subscriptionId) && sameModel(x.billingType),
    );
  }
}

/** The schedule around the watcher: safe on every instance, since each completion is a compare-and-set. */
export function fulfilmentJob(watcher: FulfilmentWatcher, everyMs = DEFAULT_FULFILMENT_EVERY_MS): ScheduledJob {
  return { name: 'partner-center-fulfilment', everyMs, atStart: true, run: () => watcher.run() };
}
