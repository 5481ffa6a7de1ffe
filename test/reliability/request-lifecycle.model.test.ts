import fc from 'fast-check';
import {
  DEFAULT_POLICY,
  PartnerLinkService,
  RequestSchema,
  approvalSteps,
  type ActOutcome,
  type AuditEntry,
  type DirectoryPort,
  type LifecycleCommand,
  type PartnerRequest,
} from '../../domain';
import { sampleLookup } from '../support/sample-directory';
import { MemoryRequests, notUsed } from './support/memory-requests';
import {
  type Scenario,
  SCENARIOS,
  OTHER_ORG_ADMINS,
  STRANGERS,
  type Kind,
  type Expected,
  type Model,
  stepsOf,
  subjectOf,
  isOpen,
  type Act,
  expectPerson,
  recordRefused,
  applyPerson,
  expectRoute,
  expectExpire,
  applyExpire,
} from './support/lifecycle-model';

/**
 * Model-based test of the request lifecycle: random sequences of approve, reject, cancel and expire, by
 * random people holding current or stale cards, run through PartnerLinkService.act (which drives
 * domain/lifecycle.ts) and, side by side, through a small model written here from the rules in plain
 * words. After every command the outcome (kind and refusal code) and the stored request must match.
 *
 * The model knows nothing of the directory: who approves each step is written out by hand below, so a
 * bug in how the code finds approvers cannot hide behind the same bug in the model.
 */

const { person } = sampleLookup();
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T09:00:00Z');


// ---------------------------------------------------------------------------------------------------
// The real thing: the service over an in-memory repository (the stores have their own contract suite;
// here the lifecycle is under test) and a directory that only counts recorded relationships.

interface Real {
  service: PartnerLinkService;
  requests: MemoryRequests;
  id: string;
  clock: { now: number };
  relationships: number;
}

function setup(scenario: Scenario): { model: Model; real: Real } {
  const requester = person(scenario.requester);
  const expiresAt = T0 + DEFAULT_POLICY.requestExpiryDays * DAY;
  const request: PartnerRequest = {
    id: 'PL-MODEL001',
    subject: scenario.subject,
    status: 'submitted',
    version: 1,
    requester: { personId: requester.id, orgId: requester.orgId, platform: 'teams' },
    steps: approvalSteps(scenario.subject),
    stage: 0,
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
    expiresAt: new Date(expiresAt),
    checks: [],
    audit: [{ at: new Date(T0), actor: { type: 'person', personId: requester.id, name: requester.name, orgId: requester.orgId }, platform: 'teams', action: 'submit', from: null, to: 'submitted', commandId: 'submit-1' }],
  };
  const requests = new MemoryRequests();
  void requests.create(request);
  const real: Real = { requests, id: request.id, clock: { now: T0 }, relationships: 0, service: undefined as unknown as PartnerLinkService };
  const count = async () => {
    real.relationships += 1;
  };
  const directory = { addLink: count, addRelationship: count, addSubscriptionSupporter: count } as unknown as DirectoryPort;
  real.service = new PartnerLinkService({ directory, requests, clock: { now: () => new Date(real.clock.now) }, ids: { requestId: notUsed }, policy: DEFAULT_POLICY });
  const model: Model = {
    scenario,
    status: 'submitted',
    stage: 0,
    version: 1,
    expiresAt,
    now: T0,
    decidedBy: scenario.steps.map(() => undefined),
    requester: scenario.requester,
    audit: [{ action: 'submit', from: null, to: 'submitted' }],
    commandIds: new Set(['submit-1']),
    relationshipsRecorded: 0,
    variant: 0,
  };
  return { model, real };
}

/** The one place that reads the service's outcome type: adapt here if its shape changes. */
function observe(out: ActOutcome): { kind: Kind; code?: string } {
  return out.kind === 'refused' ? { kind: 'refused', code: out.refusal.code } : { kind: out.kind };
}

// ---------------------------------------------------------------------------------------------------
// Issue 15: change (a new version), hand over, note. The rules in plain words, as for the others.

type WorkAct = { type: 'change' } | { type: 'handover'; target: Target } | { type: 'note'; text: string };
type Target = 'co_admin' | 'self' | 'colleague' | 'other_org_admin';

function resolveTarget(m: Model, target: Target, who: string | undefined, pick: number): string {
  const here = stepsOf(m)[m.stage]!;
  const from = (xs: string[]) => xs[pick % xs.length]!;
  switch (target) {
    case 'co_admin': {
      const others = here.admins.filter((a) => a !== who);
      return others.length ? from(others) : from(here.admins);
    }
    case 'self':
      return who ?? from(here.admins);
    case 'colleague':
      return here.colleagues.length ? from(here.colleagues) : from(STRANGERS);
    case 'other_org_admin':
      return from(OTHER_ORG_ADMINS);
  }
}

function expectWork(m: Model, act: WorkAct, who: string | undefined, seen: number | undefined, commandId: string | undefined, to?: string): Expected {
  if (commandId !== undefined && m.commandIds.has(commandId)) return { kind: 'unchanged' };
  if (!isOpen(m.status)) return { kind: 'refused', code: 'REQUEST_ALREADY_CLOSED', audited: who !== undefined };
  const steps = stepsOf(m);
  if (act.type === 'change' && who !== m.requester) return { kind: 'refused', code: 'ONLY_REQUESTER_CHANGES', audited: true };
  if (act.type === 'note' && !(who !== undefined && (who === m.requester || steps.some((st) => st.admins.includes(who))))) return { kind: 'refused', code: 'NOT_A_PARTY', audited: true };
  if (act.type === 'handover' && (m.status !== 'pending_approval' || who === undefined || !steps[m.stage]!.admins.includes(who))) return { kind: 'refused', code: 'NOT_AN_APPROVER', audited: true };
  if (seen !== undefined && seen !== m.version) return { kind: 'refused', code: 'STALE_CARD', audited: false };
  if (act.type === 'note') {
    const n = act.text.trim().length;
    return n >= 1 && n <= 500 ? { kind: 'appended' } : { kind: 'refused', code: 'NOTE_INVALID', audited: false };
  }
  if (act.type === 'handover') {
    return to !== undefined && to !== who && steps[m.stage]!.admins.includes(to) ? { kind: 'appended' } : { kind: 'refused', code: 'HANDOVER_TARGET_INVALID', audited: false };
  }
  return { kind: 'applied' }; // a change always goes to the other subject here, so it is a real change
}

function applyWork(m: Model, act: WorkAct, who: string | undefined, e: Expected, commandId: string | undefined): void {
  if (e.kind === 'refused' && e.audited) recordRefused(m, who, e.code);
  if (e.kind !== 'applied' && e.kind !== 'appended') return;
  if (commandId !== undefined) m.commandIds.add(commandId);
  m.audit.push({ action: act.type, from: m.status, to: m.status });
  if (act.type !== 'change') return; // a note or a hand-over leaves state and version as they are
  m.variant = m.variant === 0 ? 1 : 0;
  m.version += 1;
  m.stage = 0;
  m.decidedBy = stepsOf(m).map(() => undefined);
}

/** An equality check whose failure says which command, as it ran, went wrong. */
function same(label: string, what: string, got: unknown, want: unknown) {
  try {
    expect(got).toEqual(want);
  } catch (err) {
    throw new Error(`${what} after ${label}:\n${err instanceof Error ? err.message : String(err)}`);
  }
}

/** How often each outcome came up across all runs, to show the runs exercise every rule. */
const tally = new Map<string, number>();

async function compare(m: Model, r: Real, e: Expected, out: ActOutcome, before: PartnerRequest, label: string) {
  const got = observe(out);
  const k = got.code ?? got.kind;
  tally.set(k, (tally.get(k) ?? 0) + 1);
  same(label, 'outcome', got, e.code ? { kind: e.kind, code: e.code } : { kind: e.kind });
  const now = (await r.requests.get(r.id))!;
  expect(RequestSchema.safeParse(now).success).toBe(true);
  const seen = {
    subject: now.subject,
    status: now.status,
    stage: now.stage,
    version: now.version,
    decidedBy: now.steps.map((s) => s.decidedBy),
    decision: now.decision && {
      status: now.decision.status,
      by: now.decision.actor.type === 'person' ? now.decision.actor.personId : 'system',
      ...(now.decision.reason !== undefined ? { reason: now.decision.reason } : {}),
    },
    audit: now.audit.map((a) => ({
      action: a.action,
      from: a.from,
      to: a.to,
      ...(a.code ? { code: a.code } : {}),
      ...(a.action === 'refused' ? { by: a.actor.type === 'person' ? a.actor.personId : 'system' } : {}),
      ...(a.repeats ? { repeats: a.repeats } : {}),
    })),
    expiresAt: now.expiresAt.getTime(),
    relationshipsRecorded: r.relationships,
  };
  const want = {
    subject: subjectOf(m),
    status: m.status,
    stage: m.stage,
    version: m.version,
    decidedBy: m.decidedBy,
    decision: m.decision,
    audit: m.audit,
    expiresAt: m.expiresAt,
    relationshipsRecorded: m.relationshipsRecorded,
  };
  same(label, 'request', seen, want);
  // The trail only grows: nothing before this command was rewritten (but a refused attempt's counter).
  const uncounted = (audit: AuditEntry[]) => audit.map(({ repeats: _r, lastRepeatAt: _l, ...e }) => e);
  expect(uncounted(now.audit.slice(0, before.audit.length))).toEqual(uncounted(before.audit));
}

// ---------------------------------------------------------------------------------------------------
// Commands. Who acts and which version they saw are drawn as roles and resolved against the model
// when the command runs, so that "the right approver" stays right as the request moves on.

type Role = 'approver' | 'other_step_approver' | 'colleague' | 'requester' | 'other_org_admin' | 'stranger' | 'no_one';
type Seen = { kind: 'current' } | { kind: 'stale'; by: number } | { kind: 'none' };

function resolvePerson(m: Model, role: Role, pick: number): string | undefined {
  const steps = m.scenario.steps;
  const from = (xs: string[]) => xs[pick % xs.length]!;
  const here = steps[m.stage]!;
  switch (role) {
    case 'approver':
      return from(here.admins);
    case 'other_step_approver': {
      const others = steps.filter((_, i) => i !== m.stage).flatMap((s) => s.admins);
      return others.length ? from(others) : from(OTHER_ORG_ADMINS);
    }
    case 'colleague':
      return here.colleagues.length ? from(here.colleagues) : from(STRANGERS);
    case 'requester':
      return m.requester;
    case 'other_org_admin':
      return from(OTHER_ORG_ADMINS);
    case 'stranger':
      return from(STRANGERS);
    case 'no_one':
      return undefined;
  }
}

function resolveSeen(m: Model, seen: Seen): number | undefined {
  if (seen.kind === 'none') return undefined;
  if (seen.kind === 'current') return m.version;
  // An older card if there is one, else one from a version that does not exist yet.
  return m.version - seen.by >= 1 ? m.version - seen.by : m.version + seen.by;
}

class PersonCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly act: Act,
    readonly role: Role,
    readonly pick: number,
    readonly seen: Seen,
    readonly advanceMs: number,
    readonly commandId: string | undefined,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const who = resolvePerson(m, this.role, this.pick);
    const version = resolveSeen(m, this.seen);
    m.now += this.advanceMs;
    r.clock.now = m.now;
    const label = `${this.act.type}${'reason' in this.act && this.act.reason !== undefined ? ` reason=${JSON.stringify(this.act.reason)}` : ''} by ${who} (${this.role}) with card v${version ?? '-'} on v${m.version} ${m.status}@${m.stage}${this.commandId ? ` id=${this.commandId}` : ''}`;
    const before = (await r.requests.get(r.id))!;
    const e = expectPerson(m, this.act, who, version, this.commandId);
    const out = await r.service.act(r.id, this.act as LifecycleCommand, who === undefined ? undefined : person(who), {
      platform: 'teams',
      ...(version !== undefined ? { expectedVersion: version } : {}),
      ...(this.commandId ? { commandId: this.commandId } : {}),
    });
    applyPerson(m, this.act, who, e, this.commandId);
    await compare(m, r, e, out, before, label);
  }
  toString() {
    const reason = 'reason' in this.act && this.act.reason !== undefined ? `, ${JSON.stringify(this.act.reason)}` : '';
    return `${this.act.type}(${this.role}#${this.pick}, card ${this.seen.kind}${this.seen.kind === 'stale' ? `-${this.seen.by}` : ''}${reason}, +${Math.round(this.advanceMs / 3_600_000)}h${this.commandId ? `, ${this.commandId}` : ''})`;
  }
}

class WorkCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly act: WorkAct,
    readonly role: Role,
    readonly pick: number,
    readonly seen: Seen,
    readonly commandId: string | undefined,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const who = resolvePerson(m, this.role, this.pick);
    const version = resolveSeen(m, this.seen);
    const to = this.act.type === 'handover' ? resolveTarget(m, this.act.target, who, this.pick) : undefined;
    const label = `${this.toString()} by ${who} with card v${version ?? '-'} on v${m.version} ${m.status}@${m.stage}${to ? ` to ${to}` : ''}`;
    const before = (await r.requests.get(r.id))!;
    const e = expectWork(m, this.act, who, version, this.commandId, to);
    const cmd: LifecycleCommand =
      this.act.type === 'change'
        ? { type: 'change', subject: m.variant === 0 ? m.scenario.alt.subject : m.scenario.subject, checks: [] }
        : this.act.type === 'note'
          ? { type: 'note', text: this.act.text }
          : { type: 'handover', to: person(to!) };
    const out = await r.service.act(r.id, cmd, who === undefined ? undefined : person(who), {
      platform: 'slack',
      ...(version !== undefined ? { expectedVersion: version } : {}),
      ...(this.commandId ? { commandId: this.commandId } : {}),
    });
    applyWork(m, this.act, who, e, this.commandId);
    await compare(m, r, e, out, before, label);
  }
  toString() {
    const what = this.act.type === 'handover' ? `handover(${this.act.target})` : this.act.type === 'note' ? `note(${this.act.text.length} chars)` : 'change';
    return `${what}(${this.role}#${this.pick}, card ${this.seen.kind}${this.commandId ? `, ${this.commandId}` : ''})`;
  }
}

/** A change to the same subject the request has: refused, nothing recorded. */
class SameChangeCommand implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => isOpen(m.status);
  async run(m: Model, r: Real) {
    const before = (await r.requests.get(r.id))!;
    const out = await r.service.act(r.id, { type: 'change', subject: subjectOf(m), checks: [] }, person(m.requester), { platform: 'teams' });
    await compare(m, r, { kind: 'refused', code: 'CHANGE_NOT_DIFFERENT' }, out, before, `same change on v${m.version}`);
  }
  toString() {
    return 'sameChange()';
  }
}

class RouteCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    const before = (await r.requests.get(r.id))!;
    const e = expectRoute(m);
    const out = await r.service.act(r.id, { type: 'route' }, undefined, { platform: 'system' });
    if (e.kind === 'applied') {
      m.audit.push({ action: 'route', from: 'submitted', to: 'pending_approval' });
      Object.assign(m, { status: 'pending_approval', version: m.version + 1 });
    }
    await compare(m, r, e, out, before, `route on v${before.version} ${before.status}`);
  }
  toString() {
    return 'route()';
  }
}

type When = 'before' | 'at' | 'after';
class ExpireCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly when: When,
    readonly fraction: number,
  ) {}
  /** Time only moves forward, so "before the expiry" is possible only while it has not passed. */
  check = (m: Readonly<Model>) => this.when !== 'before' || m.now < m.expiresAt;
  async run(m: Model, r: Real) {
    if (this.when === 'before') m.now += Math.floor((m.expiresAt - 1 - m.now) * this.fraction);
    else if (this.when === 'at') m.now = Math.max(m.now, m.expiresAt);
    else m.now = Math.max(m.now, m.expiresAt + 1 + Math.floor(this.fraction * 10 * DAY));
    r.clock.now = m.now;
    const before = (await r.requests.get(r.id))!;
    const e = expectExpire(m);
    const out = await r.service.act(r.id, { type: 'expire' }, undefined, { platform: 'system' });
    applyExpire(m, e);
    await compare(m, r, e, out, before, `${this.toString()} at ${new Date(m.now).toISOString()}, expires ${new Date(m.expiresAt).toISOString()}`);
  }
  toString() {
    return `expire(${this.when}, ${this.fraction.toFixed(3)})`;
  }
}

const role = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Role>('approver') },
  { weight: 1, arbitrary: fc.constant<Role>('other_step_approver') },
  { weight: 1, arbitrary: fc.constant<Role>('colleague') },
  { weight: 2, arbitrary: fc.constant<Role>('requester') },
  { weight: 1, arbitrary: fc.constant<Role>('other_org_admin') },
  { weight: 1, arbitrary: fc.constant<Role>('stranger') },
  { weight: 1, arbitrary: fc.constant<Role>('no_one') },
);
const seen = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Seen>({ kind: 'current' }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).map<Seen>((by) => ({ kind: 'stale', by })) },
  { weight: 1, arbitrary: fc.constant<Seen>({ kind: 'none' }) },
);
const blank = fc.constantFrom('', ' ', '  \n\t');
const reason = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('Credit check pending', '  MPA not signed  '));
// Mostly hours to days; sometimes a jump of a month or more, so that people also act after the expiry (issue 15).
const advance = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3 * DAY }) }, { weight: 1, arbitrary: fc.integer({ min: 30 * DAY, max: 100 * DAY }) });
const workSeen = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Seen>({ kind: 'none' }) },
  { weight: 3, arbitrary: fc.constant<Seen>({ kind: 'current' }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }).map<Seen>((by) => ({ kind: 'stale', by })) },
);
const noteText = fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom('', '   ', 'x'.repeat(500), 'y'.repeat(501), ` ${'z'.repeat(500)} `));
const target = fc.constantFrom<Target>('co_admin', 'co_admin', 'self', 'colleague', 'other_org_admin');
const workCommand = (act: fc.Arbitrary<WorkAct>) =>
  fc.tuple(act, role, fc.nat(5), workSeen, fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('click-1', 'note-1') })).map(
    ([a, ro, p, s, id]) => new WorkCommand(a, ro, p, s, id),
  );
const commandId = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('click-1', 'click-2', 'submit-1') });
const personCommand = (act: fc.Arbitrary<Act>) =>
  fc.tuple(act, role, fc.nat(5), seen, advance, commandId).map(([a, ro, p, s, adv, id]) => new PersonCommand(a, ro, p, s, adv, id));

const commands = fc.commands(
  [
    personCommand(fc.constant<Act>({ type: 'approve' })),
    personCommand(fc.constant<Act>({ type: 'approve' })),
    personCommand(fc.oneof(reason, blank).map<Act>((why) => ({ type: 'reject', reason: why }))),
    personCommand(fc.option(fc.oneof(reason, blank), { nil: undefined }).map<Act>((why) => (why === undefined ? { type: 'cancel' } : { type: 'cancel', reason: why }))),
    fc.constant(new RouteCommand()),
    fc.tuple(fc.constantFrom<When>('before', 'before', 'at', 'after'), fc.double({ min: 0, max: 1, noNaN: true })).map(([w, f]) => new ExpireCommand(w, f)),
    workCommand(fc.constant<WorkAct>({ type: 'change' })),
    workCommand(target.map<WorkAct>((t) => ({ type: 'handover', target: t }))),
    workCommand(noteText.map<WorkAct>((text) => ({ type: 'note', text }))),
    fc.constant(new SameChangeCommand()),
  ],
  { maxCommands: 20 },
);

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

describe('request lifecycle against a model (fast-check commands)', () => {
  it('approve, reject, cancel, expire, change, hand over and note by anyone, with any card, do what the rules say', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SCENARIOS), commands, async (scenario, cmds) => {
        const { model, real } = setup(scenario);
        // As submit() does: the system routes the new request to its first approvers, then people act.
        await new RouteCommand().run(model, real);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        const key = `${model.status}${model.status === 'pending_approval' ? `@${model.stage}` : ''}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }),
      { numRuns: RUNS, ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
    // The runs must reach every end state, including the second step of a two-step request, or the
    // comparisons above would be checking less than they seem to.
    if (process.env.PROPERTY_STATS) console.log({ endStates: Object.fromEntries(outcomes), outcomes: Object.fromEntries(tally) });
    // The runs must reach every end state (including the second step of a two-step request) and every
    // outcome, or the comparisons above would be checking less than they seem to.
    const reached = Object.fromEntries(['approved', 'rejected', 'cancelled', 'expired', 'pending_approval@1'].map((s) => [s, (outcomes.get(s) ?? 0) > 0]));
    expect(reached).toEqual({ approved: true, rejected: true, cancelled: true, expired: true, 'pending_approval@1': true });
    const codes = ['applied', 'unchanged', 'NOT_AN_APPROVER', 'NOT_THE_REQUESTER', 'STALE_CARD', 'REASON_REQUIRED', 'REQUEST_ALREADY_CLOSED', 'REQUEST_EXPIRED', 'appended', 'ONLY_REQUESTER_CHANGES', 'CHANGE_NOT_DIFFERENT', 'HANDOVER_TARGET_INVALID', 'NOT_A_PARTY', 'NOTE_INVALID'];
    expect(Object.fromEntries(codes.map((c) => [c, (tally.get(c) ?? 0) > 0]))).toEqual(Object.fromEntries(codes.map((c) => [c, true])));
  });
});
