import {
  isActive,
  OrganizationSchema,
  PartnerCustomerRelationshipSchema,
  PartnerIdSchema,
  ProviderResellerLinkSchema,
  sellsToCustomers,
  SubscriptionSchema,
  type ClockPort,
  type DirectoryData,
  type DirectoryPort,
  type KeyValuePort,
  type Organization,
  type PartnerCustomerRelationship,
  type ProviderResellerLink,
  type Subscription,
  type Workload,
} from '../../domain';
import type { LoggerPort, PartnerCenterPort, PcCustomer, PcPage, PcPartnerRelationship, PcSubscription } from '../ports';
import { PARTNER_CENTER_REQUESTS_PER_MINUTE, RateLimiter } from './rate-limiter';
import { SeenTenants } from './seen-tenants';
import { domainOr, issues, lower, same, workloadOf } from './sync-records';
export { workloadOf } from './sync-records';
import { CheckpointSchema, MAX_SKIPS_KEPT, SYNC_CHECKPOINT_KEY, SYNC_CHECKPOINT_TTL_MS, zero, type Checkpoint, type SyncKind, type SyncProgress, type SyncReport } from './sync-report';
export { MAX_SKIPS_KEPT, SYNC_CHECKPOINT_KEY, SYNC_CHECKPOINT_TTL_MS, SYNC_KINDS, type SyncChangeCounts, type SyncCounts, type SyncKind, type SyncPhase, type SyncProgress, type SyncReport, type SyncSkip } from './sync-report';

export interface DirectorySyncDeps {
  partnerCenter: PartnerCenterPort;
  directory: DirectoryPort;
  /** Where the checkpoint of a run lives, so a rerun (or another instance) continues it. */
  keyValues: KeyValuePort;
  clock: ClockPort;
  logger?: LoggerPort;
  /** The calls' budget; by default PARTNER_CENTER_REQUESTS_PER_MINUTE a minute. */
  limiter?: RateLimiter;
  /** Customers per page (1–500). */
  pageSize?: number;
}

const CHECKPOINT_EVERY = 20;
const SOURCE = 'partner_center' as const;

/**
 * Issue 17: imports the directory from Partner Center: the operator's own profile, its indirect
 * resellers (and the links to them), its customers with their subscriptions and the partners those
 * are with. Records are matched by tenant ID (subscriptions by ID) and written only when something
 * changed, so a second run changes nothing. People, roles and whatever Partner Center does not know
 * stay as the directory file set them; what Partner Center stops showing is marked inactive, never
 * deleted.
 *
 * A run keeps a checkpoint in the store (the page it is on, how many of its customers are done, the
 * tenants seen on that page; each finished page's are kept under a key of their own), saved every
 * 20 customers, after each page and when the run stops: when a page fails
 * halfway the error is thrown, and the next run, here or on another instance, continues from there
 * (a customer done twice is harmless: every write is an idempotent upsert). A dry run reads everything, writes nothing
 * (not even a checkpoint) and reports what would change.
 */
export class DirectorySync {
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: DirectorySyncDeps) {
    this.limiter = deps.limiter ?? new RateLimiter({ limit: PARTNER_CENTER_REQUESTS_PER_MINUTE, windowMs: 60_000 });
  }

  async run(options: { dryRun?: boolean; onProgress?: (p: SyncProgress) => void } = {}): Promise<SyncReport> {
    const dryRun = options.dryRun ?? false;
    const progress = options.onProgress ?? (() => undefined);
    const { saved, seen } = await this.resume(dryRun);
    const cp: Checkpoint = saved ?? {
      v: 2,
      startedAt: this.deps.clock.now(),
      doneInPage: 0,
      customersDone: 0,
      seenPages: 0,
      seenInPage: [],
      counts: zero(),
      skipped: [],
      skippedTotal: 0,
    };
    const run = new SyncRun(this.deps, this.limiter, dryRun, cp);
    if (saved) {
      this.deps.logger?.info({ customersDone: cp.customersDone }, 'Partner Center sync: continuing the run that stopped');
      run.operator = cp.operatorId ? await run.orgById(cp.operatorId) : undefined;
    } else {
      progress({ phase: 'operator', done: 0 });
      await run.syncOperator();
      progress({ phase: 'resellers', done: 0 });
      await run.syncResellers();
      cp.operatorId = run.operator?.id;
      await this.saveCheckpoint(cp, dryRun);
    }
    progress({ phase: 'customers', done: cp.customersDone });
    // Continuing inside a page: its customers already done are those seen (matched by tenant, not by
    // position, in case the page changed meanwhile).
    let resumingPage = saved !== undefined && cp.doneInPage > 0;
    const save = () => {
      Object.assign(cp, seen.state());
      return this.saveCheckpoint(cp, dryRun);
    };
    try {
      for await (const page of run.pages(this.deps.partnerCenter.listCustomers({ pageSize: this.deps.pageSize ?? 500, ...(cp.pageAt ? { continuation: cp.pageAt } : {}) }))) {
        const known = cp.customersDone + page.items.filter((c) => !(resumingPage && seen.has(lower(c.tenantId)))).length;
        const more = page.next !== undefined;
        for (const c of page.items) {
          if (resumingPage && seen.has(lower(c.tenantId))) continue;
          if (await run.syncCustomer(c)) seen.add(lower(c.tenantId));
          cp.doneInPage++;
          cp.customersDone++;
          if (cp.doneInPage % CHECKPOINT_EVERY === 0) await save();
          progress({ phase: 'customers', done: cp.customersDone, known, more });
        }
        resumingPage = false;
        if (page.next) cp.pageAt = { uri: page.next.uri, headers: { ...page.next.headers } };
        else delete cp.pageAt;
        cp.doneInPage = 0;
        await seen.endPage();
        await save();
      }
    } catch (err) {
      // Where it stopped, so the next run continues there (best effort: the store may be what failed).
      await save().catch(() => undefined);
      throw err;
    }
    progress({ phase: 'finishing', done: cp.customersDone, known: cp.customersDone, more: false });
    await run.markMissingCustomers(seen.seen);
    if (!dryRun) {
      await this.deps.keyValues.delete(SYNC_CHECKPOINT_KEY);
      await seen.clear();
    }
    return { dryRun, counts: cp.counts, skipped: cp.skipped, skippedTotal: cp.skippedTotal, resumed: saved !== undefined, customersDone: cp.customersDone, startedAt: cp.startedAt };
  }

  /** The stopped run to continue, with the tenants it had seen; none when there is none or its pages cannot be read back. */
  private async resume(dryRun: boolean): Promise<{ saved?: Checkpoint; seen: SeenTenants }> {
    const fresh = () => new SeenTenants(this.deps.keyValues, this.deps.clock, dryRun, 0, []);
    const saved = dryRun ? undefined : await this.loadCheckpoint();
    if (!saved) return { seen: fresh() };
    const seen = new SeenTenants(this.deps.keyValues, this.deps.clock, dryRun, saved.seenPages, saved.seenInPage);
    if (await seen.load()) return { saved, seen };
    this.deps.logger?.warn({ seenPages: saved.seenPages }, 'Partner Center sync: the stopped run\'s list of customers seen is incomplete; a new run starts');
    return { seen: fresh() };
  }

  /** The unfinished run's checkpoint, if there is one (a value that does not parse is ignored: a new run starts). */
  async loadCheckpoint(): Promise<Checkpoint | undefined> {
    const raw = await this.deps.keyValues.get(SYNC_CHECKPOINT_KEY, this.deps.clock.now());
    if (raw === undefined) return undefined;
    try {
      const parsed = CheckpointSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
      if ((JSON.parse(raw) as { v?: unknown }).v === 1) {
        this.deps.logger?.info({}, 'Partner Center sync: the stopped run was saved by an earlier version; a new run starts');
        return undefined;
      }
    } catch {
      // not JSON: fall through
    }
    this.deps.logger?.warn({}, 'Partner Center sync: the saved checkpoint is unreadable; starting a new run');
    return undefined;
  }

  private async saveCheckpoint(cp: Checkpoint, dryRun: boolean): Promise<void> {
    if (dryRun) return;
    await this.deps.keyValues.set(SYNC_CHECKPOINT_KEY, JSON.stringify(cp), SYNC_CHECKPOINT_TTL_MS, this.deps.clock.now());
  }
}

/**
 * One run's working state. A run that writes reads everything back from the directory (by index); a
 * dry run writes nothing, so it keeps what it would have written, by tenant, ID and PartnerID, and
 * reads through that first. (Issue 19: the run used to load every organization at its start and look
 * IDs up by scanning what it had written, which grew with the square of the directory.)
 */
class SyncRun {
  operator: Organization | undefined;
  private readonly planned = new Map<string, Organization>();
  private readonly plannedById = new Map<string, Organization>();
  /** Partners by PartnerID, as this run found or wrote them (undefined: not in the directory). */
  private readonly partners = new Map<string, Organization | undefined>();

  constructor(
    private readonly deps: DirectorySyncDeps,
    private readonly limiter: RateLimiter,
    private readonly dryRun: boolean,
    private readonly cp: Checkpoint,
  ) {}

  private get pc(): PartnerCenterPort {
    return this.deps.partnerCenter;
  }
  private get dir(): DirectoryPort {
    return this.deps.directory;
  }

  /** One Partner Center call, inside the budget. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    await this.limiter.take();
    return fn();
  }

  /** A paged listing with each page's request inside the budget. */
  async *pages<T>(listing: AsyncIterable<PcPage<T>>): AsyncGenerator<PcPage<T>> {
    const it = listing[Symbol.asyncIterator]();
    for (;;) {
      await this.limiter.take();
      const step = await it.next();
      if (step.done) return;
      yield step.value;
    }
  }

  async orgById(id: string): Promise<Organization | undefined> {
    return this.plannedById.get(id) ?? (await this.dir.getOrganization(id));
  }

  /** The partner (not a customer) with this PartnerID, looked up once a run. */
  private async partnerByPartnerId(partnerId: string): Promise<Organization | undefined> {
    if (!this.partners.has(partnerId)) this.partners.set(partnerId, await this.dir.findPartnerByPartnerId(partnerId));
    return this.partners.get(partnerId);
  }

  /** What this run wrote (or would have): a dry run reads it back from here. */
  private plan(org: Organization): void {
    if (org.kind !== 'customer') this.partners.set(org.partnerId, org);
    if (!this.dryRun) return;
    this.planned.set(lower(org.tenantId), org);
    this.plannedById.set(org.id, org);
  }

  private async orgByTenant(tenantId: string): Promise<Organization | undefined> {
    return this.planned.get(lower(tenantId)) ?? (await this.dir.findOrganizationByTenant(tenantId));
  }

  private count(kind: SyncKind, change: 'added' | 'updated' | 'inactive' | 'same'): void {
    if (change !== 'same') this.cp.counts[kind][change]++;
  }

  private skip(kind: SyncKind, ref: string, reason: string): void {
    this.cp.skippedTotal++;
    if (this.cp.skipped.length < MAX_SKIPS_KEPT) this.cp.skipped.push({ kind, ref, reason });
    this.deps.logger?.warn({ kind, ref, reason }, 'Partner Center sync: record skipped');
  }

  private async write(data: Partial<DirectoryData>): Promise<void> {
    if (this.dryRun) return;
    await this.dir.importDirectory({ organizations: [], people: [], links: [], relationships: [], subscriptions: [], ...data });
  }

  /** Writes an organization when it changed; returns what happened to it. */
  private async putOrg(kind: SyncKind, before: Organization | undefined, raw: Record<string, unknown>): Promise<Organization | undefined> {
    const parsed = OrganizationSchema.safeParse(raw);
    if (!parsed.success) {
      this.skip(kind, String(raw.tenantId), `not a valid directory record (${issues(parsed.error)})`);
      return undefined;
    }
    const org = parsed.data;
    const change = !before ? 'added' : same(before, org) ? 'same' : 'updated';
    if (change !== 'same') await this.write({ organizations: [org] });
    this.count(kind, change);
    this.plan(org);
    return org;
  }

  private async markOrgInactive(kind: SyncKind, org: Organization): Promise<void> {
    const marked = { ...org, inactiveSince: this.deps.clock.now() };
    await this.write({ organizations: [marked] });
    this.plan(marked);
    this.count(kind, 'inactive');
  }

  /** A new organization's ID: its name as a slug plus the start of its tenant ID (stable across runs and instances). */
  private async newId(name: string, tenantId: string): Promise<string> {
    const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
    const id = `${slug || 'org'}-${tenantId.slice(0, 8)}`;
    const taken = await this.orgById(id);
    return taken && lower(taken.tenantId) !== lower(tenantId) ? `pc-${lower(tenantId)}` : id;
  }

  async syncOperator(): Promise<void> {
    const p = await this.call(() => this.pc.getOrganizationProfile());
    const existing = await this.orgByTenant(p.tenantId);
    if (!existing) {
      this.skip('operator', p.tenantId, 'your own organization is not in the directory: add it to the directory file (kind, PartnerID), import it with `partner-link seed`, then sync again; until then no links to your resellers are recorded');
      return;
    }
    this.operator = await this.putOrg('operator', existing, {
      ...existing,
      name: (p.companyName || existing.name).slice(0, 200),
      country: p.country ?? existing.country,
      primaryDomain: domainOr(p.domain, existing.primaryDomain),
      syncedFrom: SOURCE,
      inactiveSince: undefined,
    });
  }

  async syncResellers(): Promise<void> {
    const operator = this.operator;
    const links = operator?.kind === 'indirect_provider' ? await this.dir.listLinks({ providerId: operator.id }) : [];
    const linkOf = new Map(links.map((l) => [l.resellerId, l]));
    const seen = new Set<string>();
    const newLinks: ProviderResellerLink[] = [];
    for await (const page of this.pages(this.pc.listIndirectResellers())) {
      for (const r of page.items) {
        const org = await this.syncReseller(r);
        if (!org) continue;
        seen.add(org.id);
        if (operator?.kind !== 'indirect_provider') continue;
        const before = linkOf.get(org.id);
        // A reseller Partner Center shows as not active (Suspended, …): the link is kept, inactive.
        const active = r.state === undefined || lower(r.state) === 'active';
        const link = ProviderResellerLinkSchema.parse({
          providerId: operator.id,
          resellerId: org.id,
          since: before?.since,
          syncedFrom: SOURCE,
          inactiveSince: active ? undefined : (before?.inactiveSince ?? this.deps.clock.now()),
        });
        const change = !before ? 'added' : same(before, link) ? 'same' : 'updated';
        this.count('links', change);
        if (change !== 'same') newLinks.push(link);
      }
    }
    // Links to resellers Partner Center no longer lists: kept, marked inactive.
    for (const l of links) {
      if (seen.has(l.resellerId) || l.syncedFrom !== SOURCE || !isActive(l)) continue;
      newLinks.push({ ...l, inactiveSince: this.deps.clock.now() });
      this.count('links', 'inactive');
    }
    if (newLinks.length) await this.write({ links: newLinks });
    const gone = (await this.dir.listOrganizations({ kind: 'indirect_reseller' }))
      .map((o) => this.planned.get(lower(o.tenantId)) ?? o)
      .filter((o) => !seen.has(o.id) && o.syncedFrom === SOURCE && isActive(o));
    if (seen.size === 0 && gone.length) {
      this.skip('resellers', '-', `Partner Center listed no indirect resellers at all; the ${gone.length} imported before are left active (check the account, then sync again)`);
      return;
    }
    for (const o of gone) await this.markOrgInactive('resellers', o);
  }

  private async syncReseller(r: PcPartnerRelationship): Promise<Organization | undefined> {
    const existing = await this.orgByTenant(r.tenantId);
    if (existing?.kind === 'customer') {
      this.skip('resellers', r.tenantId, 'the directory has this tenant as a customer; it is left as the file set it');
      return undefined;
    }
    if (existing) {
      return this.putOrg('resellers', existing, {
        ...existing,
        name: (r.name || existing.name).slice(0, 200),
        country: r.location ?? existing.country,
        partnerId: r.partnerId && PartnerIdSchema.safeParse(r.partnerId).success ? r.partnerId : existing.partnerId,
        syncedFrom: SOURCE,
        inactiveSince: undefined,
      });
    }
    if (!r.partnerId || !r.location) {
      this.skip('resellers', r.tenantId, `Partner Center gave no ${r.partnerId ? 'location' : 'PartnerID'} for this reseller, and a new organization needs one`);
      return undefined;
    }
    return this.putOrg('resellers', undefined, {
      id: await this.newId(r.name, r.tenantId),
      kind: 'indirect_reseller',
      name: r.name.slice(0, 200),
      tenantId: r.tenantId,
      country: r.location,
      partnerId: r.partnerId,
      syncedFrom: SOURCE,
    });
  }

  /** One customer with its subscriptions and partners; false when it is not (any more) the operator's customer. */
  async syncCustomer(c: PcCustomer): Promise<boolean> {
    const details = c.country ? c : await this.call(() => this.pc.getCustomer(c.tenantId));
    if (!details) return false; // gone between the list and the details: not seen
    const existing = await this.orgByTenant(c.tenantId);
    if (existing && existing.kind !== 'customer') {
      this.skip('customers', c.tenantId, `the directory has this tenant as ${existing.kind}; it is left as the file set it`);
      return true;
    }
    const country = details.country ?? c.country ?? existing?.country;
    if (!country) {
      this.skip('customers', c.tenantId, 'Partner Center gave no billing country, and a new organization needs one');
      return true;
    }
    const name = (details.companyName || c.companyName || existing?.name || '').slice(0, 200);
    const org = await this.putOrg('customers', existing, {
      ...(existing ?? { id: await this.newId(name, c.tenantId), kind: 'customer', tenantId: c.tenantId }),
      name,
      country,
      primaryDomain: domainOr(details.domain ?? c.domain, existing?.primaryDomain),
      syncedFrom: SOURCE,
      inactiveSince: undefined,
    });
    if (!org) return true;
    const subs = await this.call(() => this.pc.listSubscriptions(c.tenantId));
    const rels = await this.call(() => this.pc.listCustomerRelationships(c.tenantId));
    await this.syncHoldings(org, subs, rels);
    return true;
  }

  /** A customer's subscriptions and the relationships they show, against what the directory has. */
  private async syncHoldings(customer: Organization, subs: PcSubscription[], rels: PcPartnerRelationship[]): Promise<void> {
    const now = this.deps.clock.now();
    const existingSubs = new Map((await this.dir.listSubscriptions(customer.id)).map((s) => [s.id, s]));
    const writeSubs: Subscription[] = [];
    const workloadsOf = new Map<string, Set<Workload>>();
    const seenSubs = new Set<string>();
    for (const s of subs) {
      const before = existingSubs.get(lower(s.id));
      const parsed = SubscriptionSchema.safeParse({
        id: s.id,
        customerId: customer.id,
        name: (s.friendlyName || s.offerName || s.offerId || s.id).slice(0, 200),
        workload: workloadOf(s),
        channel: 'csp_partner',
        billing: lower(s.billingType ?? '') === 'usage' ? 'usage' : 'license',
        termEndsOn: s.commitmentEndDate || undefined,
        supportedBy: before?.supportedBy ?? [],
        offerId: s.offerId?.slice(0, 120) || undefined,
        partnerOfRecord: s.partnerOfRecord && PartnerIdSchema.safeParse(s.partnerOfRecord).success ? s.partnerOfRecord : undefined,
        status: s.status?.slice(0, 40) || undefined,
        syncedFrom: SOURCE,
      });
      if (!parsed.success) {
        this.skip('subscriptions', s.id, `not a valid directory record (${issues(parsed.error)})`);
        continue;
      }
      const sub = parsed.data;
      seenSubs.add(sub.id);
      const change = !before ? 'added' : same(before, sub) ? 'same' : 'updated';
      this.count('subscriptions', change);
      if (change !== 'same') writeSubs.push(sub);
      if (['expired', 'deleted', 'disabled'].includes(lower(sub.status ?? ''))) continue;
      // Whose customer this is for the workload: the partner of record, else the operator itself when it sells.
      const partner = sub.partnerOfRecord ? await this.partnerByPartnerId(sub.partnerOfRecord) : this.operator && sellsToCustomers(this.operator) ? this.operator : undefined;
      if (!partner) {
        if (sub.partnerOfRecord) this.skip('relationships', sub.id, `partner of record ${sub.partnerOfRecord} is not in the directory`);
        continue;
      }
      const set = workloadsOf.get(partner.id) ?? new Set<Workload>();
      set.add(sub.workload);
      workloadsOf.set(partner.id, set);
    }
    for (const [id, before] of existingSubs) {
      if (seenSubs.has(id) || before.syncedFrom !== SOURCE || !isActive(before)) continue;
      writeSubs.push({ ...before, inactiveSince: now });
      this.count('subscriptions', 'inactive');
    }
    // Partners Partner Center lists for the customer with no subscription to say which workload: noted.
    for (const r of rels) {
      const partner = (await this.orgByTenant(r.tenantId)) ?? (r.partnerId ? await this.partnerByPartnerId(r.partnerId) : undefined);
      if (!partner || partner.kind === 'customer') this.skip('relationships', r.tenantId, `partner ${r.name || r.tenantId} of customer ${customer.id} is not in the directory`);
      else if (!workloadsOf.has(partner.id)) this.skip('relationships', r.tenantId, `${partner.id} is a partner of ${customer.id} in Partner Center, with no subscription that says for which workload; nothing recorded`);
    }
    const existingRels = await this.dir.listRelationships({ customerId: customer.id });
    const relKey = (r: Pick<PartnerCustomerRelationship, 'partnerId' | 'workload'>) => `${r.partnerId}:${r.workload}`;
    const relBefore = new Map(existingRels.map((r) => [relKey(r), r]));
    const writeRels: PartnerCustomerRelationship[] = [];
    const wanted = new Set<string>();
    for (const [partnerId, workloads] of workloadsOf) {
      for (const workload of workloads) {
        const before = relBefore.get(relKey({ partnerId, workload }));
        const rel = PartnerCustomerRelationshipSchema.parse({ partnerId, customerId: customer.id, workload, since: before?.since, syncedFrom: SOURCE });
        wanted.add(relKey(rel));
        const change = !before ? 'added' : same(before, rel) ? 'same' : 'updated';
        this.count('relationships', change);
        if (change !== 'same') writeRels.push(rel);
      }
    }
    for (const r of existingRels) {
      if (wanted.has(relKey(r)) || r.syncedFrom !== SOURCE || !isActive(r)) continue;
      writeRels.push({ ...r, inactiveSince: now });
      this.count('relationships', 'inactive');
    }
    if (writeSubs.length || writeRels.length) await this.write({ subscriptions: writeSubs, relationships: writeRels });
  }

  /** Customers Partner Center no longer lists: kept, marked inactive, with their subscriptions and relationships. */
  async markMissingCustomers(seen: ReadonlySet<string>): Promise<void> {
    const now = this.deps.clock.now();
    const gone = (await this.dir.listOrganizations({ kind: 'customer' })).filter((o) => !seen.has(lower(o.tenantId)) && o.syncedFrom === SOURCE && isActive(o));
    // An empty list is more likely a wrong account or a Partner Center fault than every customer leaving.
    if (seen.size === 0 && gone.length) {
      this.skip('customers', '-', `Partner Center listed no customers at all; the ${gone.length} imported before are left active (check the account, then sync again)`);
      return;
    }
    for (const o of gone) {
      await this.markOrgInactive('customers', o);
      const subs = (await this.dir.listSubscriptions(o.id)).filter((s) => s.syncedFrom === SOURCE && isActive(s)).map((s) => ({ ...s, inactiveSince: now }));
      const rels = (await this.dir.listRelationships({ customerId: o.id })).filter((r) => r.syncedFrom === SOURCE && isActive(r)).map((r) => ({ ...r, inactiveSince: now }));
      this.cp.counts.subscriptions.inactive += subs.length;
      this.cp.counts.relationships.inactive += rels.length;
      if (subs.length || rels.length) await this.write({ subscriptions: subs, relationships: rels });
    }
  }
}
