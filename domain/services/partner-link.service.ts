import { RequestContendedError } from '../errors';
import { approvalSteps, decide, statusLabel, type LifecycleCommand } from '../lifecycle';
import { daysCompleting, daysWaiting, requesterReminder, scheduledCompletionReminder, scheduledReminder, termEndReminder } from '../reminders';
import { handoverNotice, noteNotice, noticesFor, reminderNotice, termEndNotice } from '../notices';
import type { RuleCode } from '../rule-codes';
import { isAdmin, type Person } from '../person';
import type { DomainPolicy } from '../policy';
import type { ClockPort, IdGeneratorPort } from '../ports/clock.port';
import type { DirectoryPort } from '../ports/directory.port';
import type { RequestRepositoryPort } from '../ports/request-repository.port';
import type { PartnerRegistryPort } from '../ports/partner-registry.port';
import type { DescribedSubscription } from '../relationship';
import { isClosed, subjectKey, type AuditEntry, type AuditPlatform, type PartnerCheck, type PartnerRequest, type RequestSubject } from '../request';
import { advisory, refusal, type Advisory, type Refusal, type Verdict } from '../result';
import { nameOf, partnerToVerify, validatePartnerRecord, type PartnerOrganizationRef } from '../rules';
import type { Workload } from '../workload';
import { eligibleDistributors, eligibleMultichannelPartners, eligiblePartners, type EligibilityOptions } from './eligibility';
import { verdictFor, type FactSources, type Validation } from './facts';
import { decidersOf } from './request-view';

export interface ServiceDeps {
  directory: DirectoryPort;
  requests: RequestRepositoryPort;
  clock: ClockPort;
  ids: IdGeneratorPort;
  policy: DomainPolicy;
  /** Issue 17: Microsoft Partner Center's record of resellers, when the integration is on (absent: not checked). */
  partnerRegistry?: PartnerRegistryPort;
}

/** Issue 17: how long one instance holds a Partner Center check it started (then another may take it). */
export const PARTNER_CHECK_LEASE_MS = 2 * 60_000;
/** Issue 17: the first check after filing "not yet verified" (then each wait doubles, up to an hour). */
export const PARTNER_CHECK_FIRST_RETRY_MS = 60_000;
export const PARTNER_CHECK_MAX_RETRY_MS = 60 * 60_000;
export const partnerCheckRetryMs = (attempts: number): number => Math.min(PARTNER_CHECK_MAX_RETRY_MS, PARTNER_CHECK_FIRST_RETRY_MS * 2 ** Math.max(0, attempts));

/** Issue 17: one Partner Center check the schedule made, and what came of it. */
export interface PartnerCheckOutcome {
  request: PartnerRequest;
  outcome: 'verified' | 'failed' | 'unreachable';
  previous?: PartnerRequest;
}

/** Issue 17: what Partner Center's record of the reseller means for filing now. */
type PartnerRecordAtFiling =
  | { kind: 'not_checked' }
  | { kind: 'passed'; passed: readonly RuleCode[] }
  | { kind: 'refused'; refusals: readonly Refusal[] }
  | { kind: 'unverified'; check: PartnerCheck; advisory: Advisory };

export type SubmitOutcome =
  | { kind: 'submitted'; request: PartnerRequest; approvers: Person[]; advisories: readonly Advisory[] }
  /** The same submission again (same command ID): the request it created before. */
  | { kind: 'unchanged'; request: PartnerRequest; approvers: Person[]; advisories: readonly Advisory[] }
  | { kind: 'refused'; refusals: readonly Refusal[] };

export type ActOutcome =
  | { kind: 'applied'; request: PartnerRequest; previous: PartnerRequest }
  /** A note or a hand-over was added to the trail; `request` includes it. */
  | { kind: 'appended'; request: PartnerRequest; entry: AuditEntry }
  | { kind: 'unchanged'; request: PartnerRequest }
  /** `expired` (issue 15): the command came too late and expired the request; tell people about that. */
  | { kind: 'refused'; refusal: Refusal; request?: PartnerRequest; expired?: { request: PartnerRequest; previous: PartnerRequest } };

/** Issue 15: a request expired (by the schedule or a late command), with the state before. */
export interface ExpiredRequest {
  request: PartnerRequest;
  previous: PartnerRequest;
}

/** Issue 15: a reminder this instance recorded, and so must send. */
export interface RecordedReminder {
  request: PartnerRequest;
  /** Whole days the current step has waited. */
  waitedDays: number;
}

export type RemindOutcome =
  | { kind: 'reminded'; reminded: RecordedReminder; approvers: Person[]; previousAt?: Date }
  | { kind: 'refused'; refusal: Refusal; request?: PartnerRequest; expired?: ExpiredRequest };

export interface ActOptions {
  platform: AuditPlatform;
  expectedVersion?: number;
  commandId?: string;
}

/** How many times a compare-and-set that lost a race is retried on fresh state before giving up. */
const MAX_CAS_ATTEMPTS = 5;

/** The use cases the dialogs and adapters call: everything that decides is in here, not in them. */
export class PartnerLinkService {
  constructor(private readonly deps: ServiceDeps) {}

  private facts(): FactSources {
    const { directory, requests, policy } = this.deps;
    return { directory, requests, policy, now: this.deps.clock.now() };
  }

  validate(subject: RequestSubject, requester: Person): Promise<Validation> {
    return verdictFor(subject, requester, this.facts());
  }

  /** Issue 19: `opts` bounds the list (limit) or looks for a typed name (nameContains); the rules are the same. */
  eligibleDistributors(resellerId: string, requester: Person, opts?: EligibilityOptions) {
    return eligibleDistributors(resellerId, requester, this.facts(), opts);
  }

  eligiblePartners(customerId: string, workload: Workload, requester: Person, opts?: EligibilityOptions) {
    return eligiblePartners(customerId, workload, requester, this.facts(), opts);
  }

  eligibleMultichannelPartners(customerId: string, subscriptionId: string, requester: Person, described?: DescribedSubscription, opts?: EligibilityOptions) {
    return eligibleMultichannelPartners(customerId, subscriptionId, requester, this.facts(), opts, described);
  }

  /** Admins of the organization whose approval the request awaits now. */
  async approversFor(request: PartnerRequest): Promise<Person[]> {
    if (request.status !== 'pending_approval') return [];
    const orgId = request.steps[request.stage]?.orgId;
    if (!orgId) return [];
    return (await this.deps.directory.listPeople(orgId)).filter(isAdmin);
  }

  /**
   * Validates and files a request, then routes it to its first approvers. A repeat of the same
   * submission (same commandId, e.g. a double-clicked Confirm) returns the request it already made.
   */
  async submit(subject: RequestSubject, requester: Person, opts: ActOptions): Promise<SubmitOutcome> {
    const key = subjectKey(subject);
    const repeat = await this.findRepeat(key, requester, opts.commandId);
    if (repeat) return { kind: 'unchanged', request: repeat, approvers: await this.approversFor(repeat), advisories: [] };
    const validation = await this.validate(subject, requester);
    if (validation.kind === 'refused') return { kind: 'refused', refusals: [validation.refusal] };
    const { verdict: ruled } = validation;
    if (!ruled.ok) return { kind: 'refused', refusals: ruled.refusals };
    // Issue 17: the rules passed; Partner Center's record of the reseller is asked last (a bounded wait).
    const record = await this.partnerRecordAtFiling(subject);
    if (record.kind === 'refused') return { kind: 'refused', refusals: record.refusals };
    const verdict: Verdict =
      record.kind === 'passed' ? { ...ruled, passed: [...ruled.passed, ...record.passed] } : record.kind === 'unverified' ? { ...ruled, advisories: [...ruled.advisories, record.advisory] } : ruled;
    const request = { ...this.newRequest(subject, requester, verdict, opts), ...(record.kind === 'unverified' ? { partnerCheck: record.check } : {}) };
    const created = await this.deps.requests.create(request);
    if (!created.created) {
      const again = await this.findRepeat(key, requester, opts.commandId);
      if (again) return { kind: 'unchanged', request: again, approvers: await this.approversFor(again), advisories: [] };
      return { kind: 'refused', refusals: [refusal('DUPLICATE_PENDING_REQUEST', { requestId: created.existingId })] };
    }
    const routed = await this.act(request.id, { type: 'route' }, undefined, { platform: 'system' });
    const current = routed.kind === 'refused' ? request : routed.request;
    return { kind: 'submitted', request: current, approvers: await this.approversFor(current), advisories: verdict.advisories };
  }

  /** Issue 17: the reseller's PartnerID and Partner Agreement, asked of Partner Center when it is enabled. */
  private async partnerRecordAtFiling(subject: RequestSubject): Promise<PartnerRecordAtFiling> {
    const registry = this.deps.partnerRegistry;
    if (!registry) return { kind: 'not_checked' };
    const id = subject.kind === 'link_distributor' ? subject.resellerId : subject.partnerId;
    const org = await this.deps.directory.getOrganization(id);
    const target = partnerToVerify(subject, (x) => (x === org?.id ? org : undefined));
    if (!target) return { kind: 'not_checked' };
    const answer = await registry.lookUp(target.partnerId);
    if (answer.kind === 'unreachable') {
      const now = this.deps.clock.now();
      return {
        kind: 'unverified',
        check: { state: 'pending', orgId: target.orgId, partnerId: target.partnerId, attempts: 0, nextAt: new Date(now.getTime() + PARTNER_CHECK_FIRST_RETRY_MS), lastError: answer.reason.slice(0, 60) },
        advisory: advisory('PARTNER_CENTER_NOT_VERIFIED', { org: nameOf(target) }),
      };
    }
    const verdict = validatePartnerRecord({ partner: target, found: answer.found, ...(answer.agreementSigned !== undefined ? { agreementSigned: answer.agreementSigned } : {}) });
    return verdict.ok ? { kind: 'passed', passed: verdict.passed } : { kind: 'refused', refusals: verdict.refusals };
  }

  /**
   * Issue 17: checks, now, the requests filed "not yet verified" whose next check is due. Each is leased
   * first (a compare-and-set on its attempts that moves its next time on by the lease), so across
   * instances each check is made by one of them at a time. Verified: recorded (no new version). Failed a
   * rule: the request is closed by the system with the reason (its notices tell the requester and the
   * approvers). Still unreachable: tried again later, each wait longer, while the request is open.
   */
  async verifyDuePartnerChecks(limit = 50): Promise<PartnerCheckOutcome[]> {
    const registry = this.deps.partnerRegistry;
    if (!registry) return [];
    const out: PartnerCheckOutcome[] = [];
    for (const r of await this.deps.requests.listPartnerChecksDue(this.deps.clock.now(), limit)) {
      const c = r.partnerCheck;
      if (!c) continue;
      const leased: PartnerCheck = { ...c, attempts: c.attempts + 1, nextAt: new Date(this.deps.clock.now().getTime() + PARTNER_CHECK_LEASE_MS) };
      if ((await this.deps.requests.updatePartnerCheck(r.id, c.attempts, leased)) !== 'ok') continue; // another instance has it
      const answer = await registry.lookUp(c.partnerId);
      const at = this.deps.clock.now();
      if (answer.kind === 'unreachable') {
        const again: PartnerCheck = { ...leased, nextAt: new Date(at.getTime() + partnerCheckRetryMs(leased.attempts)), lastError: answer.reason.slice(0, 60) };
        if ((await this.deps.requests.updatePartnerCheck(r.id, leased.attempts, again)) === 'ok') out.push({ request: { ...r, partnerCheck: again }, outcome: 'unreachable' });
        continue;
      }
      const org = await this.deps.directory.getOrganization(c.orgId);
      const partner: PartnerOrganizationRef = { orgId: c.orgId, partnerId: c.partnerId, name: org?.name ?? c.orgId, ...(org?.nameJa ? { nameJa: org.nameJa } : {}) };
      const verdict = validatePartnerRecord({ partner, found: answer.found, ...(answer.agreementSigned !== undefined ? { agreementSigned: answer.agreementSigned } : {}) });
      if (verdict.ok) {
        const { lastError: _e, ...rest } = leased;
        const verified: PartnerCheck = { ...rest, state: 'verified', checkedAt: at };
        const entry: AuditEntry = { at, actor: { type: 'system', name: 'Partner Link' }, platform: 'system', action: 'verify', from: r.status, to: r.status, stage: r.stage };
        if ((await this.deps.requests.updatePartnerCheck(r.id, leased.attempts, verified, entry)) === 'ok') {
          out.push({ request: { ...r, partnerCheck: verified, audit: [...r.audit, entry] }, outcome: 'verified' });
        }
        continue;
      }
      const failed = await this.act(r.id, { type: 'fail_check', refusal: verdict.refusals[0]! }, undefined, { platform: 'system' });
      if (failed.kind === 'applied') out.push({ request: failed.request, previous: failed.previous, outcome: 'failed' });
    }
    return out;
  }

  private async findRepeat(key: string, requester: Person, commandId?: string) {
    if (!commandId) return undefined;
    const open = await this.deps.requests.findOpenByKey(key);
    const first = open?.audit[0];
    return open && open.requester.personId === requester.id && first?.commandId === commandId ? open : undefined;
  }

  private newRequest(subject: RequestSubject, requester: Person, verdict: Verdict, opts: ActOptions): PartnerRequest {
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + this.deps.policy.requestExpiryDays * 86_400_000);
    return {
      id: this.deps.ids.requestId(),
      subject,
      status: 'submitted',
      version: 1,
      requester: { personId: requester.id, orgId: requester.orgId, platform: opts.platform },
      steps: approvalSteps(subject),
      stage: 0,
      createdAt: now,
      updatedAt: now,
      expiresAt,
      checks: [...verdict.passed],
      audit: [
        {
          at: now,
          actor: { type: 'person', personId: requester.id, name: requester.name, orgId: requester.orgId },
          platform: opts.platform,
          action: 'submit',
          from: null,
          to: 'submitted',
          ...(opts.commandId ? { commandId: opts.commandId } : {}),
        },
      ],
    };
  }

  /**
   * Applies a lifecycle command with compare-and-set, retrying on fresh state when another instance
   * got there first; a refused attempt by a person is recorded in the audit trail. When the last
   * approval lands, the relationship is recorded in the directory.
   */
  async act(requestId: string, cmd: LifecycleCommand, person: Person | undefined, opts: ActOptions): Promise<ActOutcome> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const current = await this.deps.requests.get(requestId);
      if (!current) return { kind: 'refused', refusal: refusal('REQUEST_NOT_FOUND', { requestId }) };
      const d = decide(current, cmd, {
        ...(person ? { person } : {}),
        platform: opts.platform,
        now: this.deps.clock.now(),
        ...(opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {}),
        ...(opts.commandId ? { commandId: opts.commandId } : {}),
        policy: this.deps.policy,
      });
      if (d.kind === 'unchanged') return { kind: 'unchanged', request: current };
      if (d.kind === 'refused' && d.expire) {
        // Too late: expire it now (once, whoever wins the compare-and-set), then record the attempt.
        if ((await this.deps.requests.transition(d.expire.next, current.version, d.expire.entry, noticesFor(d.expire.next, current, d.expire.next.updatedAt))) !== 'ok') continue;
        if (d.attempt) await this.deps.requests.appendAudit(requestId, d.attempt);
        else if (d.repeatOf !== undefined) await this.deps.requests.countRepeatedAttempt(requestId, d.repeatOf, this.deps.clock.now());
        const expired = d.attempt ? { ...d.expire.next, audit: [...d.expire.next.audit, d.attempt] } : d.expire.next;
        return { kind: 'refused', refusal: d.refusal, request: expired, expired: { request: expired, previous: current } };
      }
      if (d.kind === 'appended') {
        // Issue 15: who must hear of the note or hand-over is stored in the same write (the outbox).
        const notice = handoverNotice(d.entry, current.version) ?? noteNotice(d.entry, current.version);
        await this.deps.requests.appendAudit(requestId, d.entry, notice ? [notice] : []);
        return { kind: 'appended', request: { ...current, audit: [...current.audit, d.entry] }, entry: d.entry };
      }
      if (d.kind === 'refused') {
        if (d.attempt) await this.deps.requests.appendAudit(requestId, d.attempt);
        else if (d.repeatOf !== undefined) await this.deps.requests.countRepeatedAttempt(requestId, d.repeatOf, this.deps.clock.now());
        return { kind: 'refused', refusal: d.refusal, request: current };
      }
      // What people must be told is stored with the change itself (the request's outbox).
      const outcome = await this.deps.requests.transition(d.next, current.version, d.entry, noticesFor(d.next, current, d.next.updatedAt));
      if (outcome === 'ok') {
        if (d.next.status === 'approved' || d.next.status === 'completed') await this.recordRelationship(d.next);
        return { kind: 'applied', request: d.next, previous: current };
      }
    }
    throw new RequestContendedError(requestId, MAX_CAS_ATTEMPTS);
  }

  private async recordRelationship(r: PartnerRequest): Promise<void> {
    const s = r.subject;
    const since = r.updatedAt;
    if (s.kind === 'link_distributor') await this.deps.directory.addLink({ providerId: s.providerId, resellerId: s.resellerId, since });
    else if (s.kind === 'add_partner') await this.deps.directory.addRelationship({ partnerId: s.partnerId, customerId: s.customerId, workload: s.workload, since });
    else await this.deps.directory.addSubscriptionSupporter(s.subscriptionId, s.partnerId);
  }

  /** Expires every open request past its age; returns the ones it expired. */
  async expireDue(): Promise<PartnerRequest[]> {
    return (await this.expireDueRequests()).map((e) => e.request);
  }

  /**
   * Issue 15: expires every open request past its age and returns each with its state before, for the
   * notifications. Each expiry is a compare-and-set on the request's version, so when several instances
   * run this at once every due request is expired, and returned, by exactly one of them.
   */
  async expireDueRequests(): Promise<ExpiredRequest[]> {
    // listExpired is "expiry before this instant"; a request is expired from the instant itself (decide()).
    const due = await this.deps.requests.listExpired(new Date(this.deps.clock.now().getTime() + 1));
    const expired: ExpiredRequest[] = [];
    for (const r of due) {
      const out = await this.act(r.id, { type: 'expire' }, undefined, { platform: 'system' });
      if (out.kind === 'applied') expired.push({ request: out.request, previous: out.previous });
    }
    return expired;
  }

  /**
   * Issue 15: records the schedule's reminders that are due now (the approvers of the current step,
   * `reminderAfterDays` after it began, then every `reminderEveryDays`) and returns the ones this
   * instance recorded; a reminder another instance recorded first is not returned (compare-and-set on
   * the request's reminder count), so each is sent once.
   */
  async recordDueReminders(): Promise<RecordedReminder[]> {
    const now = this.deps.clock.now();
    const recorded: RecordedReminder[] = [];
    // Issue 19: one query for the requests awaiting someone, not one per organization in the directory.
    for (const r of await this.deps.requests.listAwaiting()) {
      const p = scheduledReminder(r, this.deps.policy, now);
      if (p?.kind !== 'remind') continue;
      if ((await this.deps.requests.recordReminder(r.id, { version: r.version, count: p.expected }, p.reminders, p.entry, [reminderNotice(p.reminders.count, r.version, now)])) !== 'ok') continue;
      recorded.push({ request: { ...r, reminders: p.reminders, audit: [...r.audit, p.entry] }, waitedDays: daysWaiting(r, now) });
    }
    return recorded;
  }

  /**
   * Issue 17: records the reminders due now for requests completing in Partner Center: the people who
   * must act there are reminded `completionReminderAfterDays` after the last approval, then every
   * `completionReminderEveryDays`; for a multi-channel request about a licence, the partner and the
   * customer are reminded `termEndReminderDays` before its term ends (the end date the directory holds,
   * which the sync keeps from Partner Center), and the wait counts from that end date. Each is recorded
   * with the same compare-and-set as the approvers' reminders (the request's reminder count), its notice
   * in the same write, so across instances each goes out once; returns the ones this instance recorded.
   */
  async recordDueCompletionReminders(): Promise<RecordedReminder[]> {
    const now = this.deps.clock.now();
    const recorded: RecordedReminder[] = [];
    for (const r of await this.deps.requests.listCompleting(1000)) {
      const s = r.subject;
      const sub = s.kind === 'multichannel_support' ? await this.deps.directory.getSubscription(s.subscriptionId) : undefined;
      const termEnd = sub?.billing === 'license' ? sub.termEndsOn : undefined;
      const termPlan = termEndReminder(r, this.deps.policy, now, termEnd);
      const p = termPlan ?? scheduledCompletionReminder(r, this.deps.policy, now, termEnd);
      if (p?.kind !== 'remind') continue;
      const notice = termPlan ? termEndNotice(p.reminders.count, r.version, now) : reminderNotice(p.reminders.count, r.version, now);
      if ((await this.deps.requests.recordReminder(r.id, { version: r.version, count: p.expected }, p.reminders, p.entry, [notice])) !== 'ok') continue;
      recorded.push({ request: { ...r, reminders: p.reminders, audit: [...r.audit, p.entry] }, waitedDays: daysCompleting(r, now) });
    }
    return recorded;
  }

  /**
   * Issue 15: the requester asks for the approvers to be reminded ("remind them"): at most once a day
   * per request. A request past its expiry is expired now instead (as a late decision would be).
   */
  async remindNow(requestId: string, person: Person, platform: AuditPlatform): Promise<RemindOutcome> {
    const now = this.deps.clock.now();
    const r = await this.deps.requests.get(requestId);
    if (!r || r.requester.personId !== person.id) return { kind: 'refused', refusal: refusal('REQUEST_NOT_FOUND', { requestId }) };
    const p = requesterReminder(r, person, platform, now);
    if (p.kind === 'refused' && p.refusal.code === 'REQUEST_EXPIRED') {
      const out = await this.act(r.id, { type: 'expire' }, undefined, { platform: 'system' });
      const expired = out.kind === 'applied' ? { expired: { request: out.request, previous: out.previous } } : {};
      return { kind: 'refused', refusal: p.refusal, request: out.request ?? r, ...expired };
    }
    if (p.kind === 'refused') return { kind: 'refused', refusal: p.refusal, request: r };
    if ((await this.deps.requests.recordReminder(r.id, { version: r.version, count: p.expected }, p.reminders, p.entry, [reminderNotice(p.reminders.count, r.version, now)])) !== 'ok') {
      // Someone else changed it a moment ago (a decision, or another reminder): answer from fresh state.
      const fresh = await this.deps.requests.get(requestId);
      const again = fresh ? requesterReminder(fresh, person, platform, now) : undefined;
      return { kind: 'refused', refusal: again?.kind === 'refused' ? again.refusal : refusal('NOT_AWAITING_APPROVAL'), ...(fresh ? { request: fresh } : {}) };
    }
    const request = { ...r, reminders: p.reminders, audit: [...r.audit, p.entry] };
    return {
      kind: 'reminded',
      reminded: { request, waitedDays: daysWaiting(r, now) },
      approvers: await this.approversFor(request),
      ...(r.reminders ? { previousAt: r.reminders.lastAt } : {}),
    };
  }

  /** The requester's requests awaiting approval (for "remind them"). */
  async listMinePending(personId: string): Promise<PartnerRequest[]> {
    return (await this.deps.requests.listByRequester(personId, { limit: 50 })).filter((r) => r.status === 'pending_approval');
  }
  // --- Approval work (issue 15): who must act, change, hand over, notes, filing again. ---

  /**
   * The people who can decide the request now: the admin it was handed over to, if it was, else every
   * admin of the current step's organization. Shown only to people who may see the request.
   */
  async whoMustAct(request: PartnerRequest): Promise<Person[]> {
    return decidersOf(request, await this.approversFor(request));
  }

  /**
   * The requester files a new version of a pending request (another distributor, another partner): the
   * new subject is checked against every rule again (the request itself does not count as a duplicate),
   * then replaces the old one with its approval steps from the start.
   */
  async change(requestId: string, subject: RequestSubject, person: Person, opts: ActOptions): Promise<ActOutcome> {
    const current = await this.deps.requests.get(requestId);
    if (!current) return { kind: 'refused', refusal: refusal('REQUEST_NOT_FOUND', { requestId }) };
    if (current.audit.some((e) => opts.commandId !== undefined && e.commandId === opts.commandId)) return { kind: 'unchanged', request: current };
    let checks: readonly RuleCode[] = current.checks;
    if (person.id === current.requester.personId && !isClosed(current.status) && subjectKey(subject) !== subjectKey(current.subject)) {
      const validation = await this.validate(subject, person);
      if (validation.kind === 'refused') return { kind: 'refused', refusal: validation.refusal, request: current };
      if (!validation.verdict.ok) return { kind: 'refused', refusal: validation.verdict.refusals[0]!, request: current };
      checks = validation.verdict.passed;
    }
    return this.act(requestId, { type: 'change', subject, checks }, person, opts);
  }

  /** An approver passes the request to another admin of the same organization (looked up by ID). */
  async handOver(requestId: string, toPersonId: string, person: Person, opts: ActOptions): Promise<ActOutcome> {
    const to = await this.deps.directory.getPerson(toPersonId);
    const request = await this.deps.requests.get(requestId);
    if (!request) return { kind: 'refused', refusal: refusal('REQUEST_NOT_FOUND', { requestId }) };
    if (!to) return { kind: 'refused', refusal: refusal('HANDOVER_TARGET_INVALID', { org: request.steps[request.stage]?.orgId ?? '' }, 'handoverTo'), request };
    return this.act(requestId, { type: 'handover', to }, person, opts);
  }

  /** Other admins of the current step's organization, to whom this approver may hand the request over. */
  async handOverCandidates(request: PartnerRequest, person: Person): Promise<Person[]> {
    return (await this.approversFor(request)).filter((p) => p.id !== person.id);
  }

  /** The requester or an approver adds a short note (bounded; validated by the domain). */
  addNote(requestId: string, text: string, person: Person, opts: ActOptions): Promise<ActOutcome> {
    return this.act(requestId, { type: 'note', text }, person, opts);
  }

  /**
   * The subject of a rejected, cancelled or expired request, for filing it again (the dialog then checks
   * it against the rules and asks for confirmation); only its requester may.
   */
  async resubmittable(requestId: string, person: Person): Promise<{ kind: 'ok'; request: PartnerRequest } | { kind: 'refused'; refusal: Refusal }> {
    const r = await this.deps.requests.get(requestId);
    if (!r) return { kind: 'refused', refusal: refusal('REQUEST_NOT_FOUND', { requestId }) };
    if (r.requester.personId !== person.id) return { kind: 'refused', refusal: refusal('NOT_THE_REQUESTER') };
    if (!['rejected', 'cancelled', 'expired'].includes(r.status)) return { kind: 'refused', refusal: refusal('NOT_RESUBMITTABLE', { requestId, status: statusLabel(r.status) }) };
    return { kind: 'ok', request: r };
  }

  // --- end of approval work ---

  get(requestId: string): Promise<PartnerRequest | undefined> {
    return this.deps.requests.get(requestId);
  }

  listMine(personId: string, limit = 20): Promise<PartnerRequest[]> {
    return this.deps.requests.listByRequester(personId, { limit });
  }

  listAwaiting(orgId: string): Promise<PartnerRequest[]> {
    return this.deps.requests.listAwaitingOrg(orgId);
  }
}
