import fc from 'fast-check';
import { KEPT_REFUSED_ATTEMPTS, type RequestStatus, type RequestSubject } from '../../../domain';

/**
 * The model half of test/reliability/request-lifecycle.model.test.ts: the scenarios (who approves each
 * step, written out by hand) and what the rules say each command does, in plain words, with no code
 * from domain/lifecycle.ts, so a bug there cannot hide behind the same bug here.
 */

// ---------------------------------------------------------------------------------------------------
// Scenarios: a subject, its requester, and for each approval step the admins who may decide it and
// colleagues in that organization who may not.

export interface StepSpec {
  admins: string[];
  colleagues: string[];
}
export interface Scenario {
  name: string;
  subject: RequestSubject;
  requester: string;
  steps: StepSpec[];
  /** What a change by the requester switches to (and back): another subject and its approvers. */
  alt: { subject: RequestSubject; steps: StepSpec[] };
}

const SCENARIO_LIST: Scenario[] = [
  {
    name: 'link: fuji-it-partners asks contoso-distribution-jp',
    subject: { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' },
    requester: 'mei-kobayashi',
    steps: [{ admins: ['hiroshi-yamada', 'emily-clark'], colleagues: ['naoki-mori'] }],
    alt: { subject: { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'northwind-distribution-eu' }, steps: [{ admins: ['lena-vogel'], colleagues: [] }] },
  },
  {
    name: 'add partner: trey-research-direct for yamato-manufacturing, asked by a non-admin',
    subject: { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure' },
    requester: 'yuki-suzuki',
    steps: [
      { admins: ['daniel-park'], colleagues: [] },
      { admins: ['taro-ito'], colleagues: ['yuki-suzuki'] },
    ],
    alt: {
      subject: { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', workload: 'azure' },
      steps: [
        { admins: ['aiko-tanaka'], colleagues: ['ken-sato'] },
        { admins: ['taro-ito'], colleagues: ['yuki-suzuki'] },
      ],
    },
  },
  {
    // The requester is also the admin who gives the customer's consent at the second step.
    name: "add partner: asked by the customer's own admin",
    subject: { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'microsoft365' },
    requester: 'taro-ito',
    steps: [
      { admins: ['daniel-park'], colleagues: [] },
      { admins: ['taro-ito'], colleagues: ['yuki-suzuki'] },
    ],
    alt: {
      subject: { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', workload: 'microsoft365' },
      steps: [
        { admins: ['aiko-tanaka'], colleagues: ['ken-sato'] },
        { admins: ['taro-ito'], colleagues: ['yuki-suzuki'] },
      ],
    },
  },
  {
    name: 'multichannel: sakura-cloud for a yamato-manufacturing subscription',
    subject: { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61' },
    requester: 'yuki-suzuki',
    steps: [{ admins: ['aiko-tanaka'], colleagues: ['ken-sato'] }],
    alt: {
      subject: { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', subscriptionId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61' },
      steps: [{ admins: ['daniel-park'], colleagues: [] }],
    },
  },
];
/** Counterexamples name the scenario instead of printing it whole. */
export const SCENARIOS = SCENARIO_LIST.map((s) => Object.assign(s, { [fc.toStringMethod]: () => `scenario(${s.name})` }));
/** Admins of organizations that take no part in any scenario, and a non-admin likewise. */
export const OTHER_ORG_ADMINS = ['james-wilson', 'olivia-brown', 'sam-rivera'];
export const STRANGERS = ['camille-martin', 'riku-endo'];

// ---------------------------------------------------------------------------------------------------
// The model.

export type Kind = 'applied' | 'unchanged' | 'refused' | 'appended';
export interface Expected {
  kind: Kind;
  code?: string;
  /** Issue 15: the command came after the expiry, which expires the request first. */
  expires?: boolean;
  /** Whether a refused attempt is written to the audit trail. */
  audited?: boolean;
}

export interface Model {
  scenario: Scenario;
  status: RequestStatus;
  stage: number;
  version: number;
  expiresAt: number;
  now: number;
  decidedBy: (string | undefined)[];
  requester: string;
  decision?: { status: RequestStatus; by: string; reason?: string };
  /** `by` and `repeats` for refused attempts: each person's first KEPT_REFUSED_ATTEMPTS are kept, the rest counted on the last. */
  audit: { action: string; from: RequestStatus | null; to: RequestStatus; code?: string; by?: string; repeats?: number }[];
  commandIds: Set<string>;
  relationshipsRecorded: number;
  /** 0: the scenario's subject; 1: its alternative (after an odd number of changes). */
  variant: 0 | 1;
}

/** The approvers of the subject the request now has. */
export const stepsOf = (m: Model): StepSpec[] => (m.variant === 0 ? m.scenario.steps : m.scenario.alt.steps);
export const subjectOf = (m: Model): RequestSubject => (m.variant === 0 ? m.scenario.subject : m.scenario.alt.subject);

const OPEN: RequestStatus[] = ['submitted', 'pending_approval'];
export const isOpen = (s: RequestStatus) => OPEN.includes(s);

export type Act = { type: 'approve' } | { type: 'reject'; reason: string } | { type: 'cancel'; reason?: string };

/**
 * What the rules say a command by a person (or, `who` undefined, by no one: a command that did not
 * come from a person) does, in the order the rules are checked.
 */
export function expectPerson(m: Model, act: Act, who: string | undefined, seen: number | undefined, commandId: string | undefined): Expected {
  if (commandId !== undefined && m.commandIds.has(commandId)) return { kind: 'unchanged' }; // a retried click
  const decidedByMe = who !== undefined && m.decision?.by === who;
  if (act.type === 'approve' && who !== undefined && (m.decidedBy.slice(0, m.stage).includes(who) || (m.status === 'approved' && decidedByMe))) return { kind: 'unchanged' };
  if (act.type === 'reject' && m.status === 'rejected' && decidedByMe) return { kind: 'unchanged' };
  if (act.type === 'cancel' && m.status === 'cancelled' && decidedByMe) return { kind: 'unchanged' };
  if (!isOpen(m.status)) return { kind: 'refused', code: 'REQUEST_ALREADY_CLOSED', audited: who !== undefined };
  // Issue 15: too late, whoever asks: refused with the expiry reason, and the request expires now.
  if (m.now >= m.expiresAt) return { kind: 'refused', code: 'REQUEST_EXPIRED', audited: who !== undefined, expires: true };
  if (act.type === 'cancel') {
    if (who !== m.requester) return { kind: 'refused', code: 'NOT_THE_REQUESTER', audited: true };
  } else if (m.status !== 'pending_approval' || who === undefined || !stepsOf(m)[m.stage]!.admins.includes(who)) {
    return { kind: 'refused', code: 'NOT_AN_APPROVER', audited: true };
  }
  if (seen !== undefined && seen !== m.version) return { kind: 'refused', code: 'STALE_CARD', audited: false };
  if (act.type === 'reject' && act.reason.trim() === '') return { kind: 'refused', code: 'REASON_REQUIRED', audited: false };
  return { kind: 'applied' };
}

/** A refused attempt in the trail: each person's first KEPT_REFUSED_ATTEMPTS kept, later ones counted on the last. */
export function recordRefused(m: Model, who: string | undefined, code: string | undefined): void {
  const mine = m.audit.filter((a) => a.action === 'refused' && a.by === (who ?? 'system'));
  const last = mine.at(-1);
  if (mine.length >= KEPT_REFUSED_ATTEMPTS && last) last.repeats = (last.repeats ?? 0) + 1;
  else m.audit.push({ action: 'refused', from: m.status, to: m.status, code, by: who ?? 'system' });
}

export function applyPerson(m: Model, act: Act, who: string | undefined, e: Expected, commandId: string | undefined): void {
  if (e.expires) applyExpire(m, { kind: 'applied' });
  if (e.kind === 'refused' && e.audited) recordRefused(m, who, e.code);
  if (e.kind !== 'applied' || who === undefined) return;
  const from = m.status;
  if (commandId !== undefined) m.commandIds.add(commandId);
  m.version += 1;
  if (act.type === 'approve') {
    m.decidedBy[m.stage] = who;
    if (m.stage + 1 < stepsOf(m).length) m.stage += 1;
    else {
      m.status = 'approved';
      m.decision = { status: 'approved', by: who };
      m.relationshipsRecorded += 1;
    }
  } else {
    if (act.type === 'reject') m.decidedBy[m.stage] = who;
    m.status = act.type === 'reject' ? 'rejected' : 'cancelled';
    const reason = act.reason?.trim() || undefined;
    m.decision = { status: m.status, by: who, ...(reason ? { reason } : {}) };
  }
  m.audit.push({ action: act.type, from, to: m.status });
}

/** Routing again (a repeated delivery of submit's last step) is refused once the request is routed. */
export function expectRoute(m: Model): Expected {
  return m.status === 'submitted' ? { kind: 'applied' } : { kind: 'refused', code: 'REQUEST_ALREADY_CLOSED', audited: false };
}

export function expectExpire(m: Model): Expected {
  if (!isOpen(m.status)) return { kind: 'refused', code: 'REQUEST_ALREADY_CLOSED', audited: false };
  return m.now >= m.expiresAt ? { kind: 'applied' } : { kind: 'unchanged' };
}

export function applyExpire(m: Model, e: Expected): void {
  if (e.kind !== 'applied') return;
  m.audit.push({ action: 'expire', from: m.status, to: 'expired' });
  m.status = 'expired';
  m.version += 1;
  m.decision = { status: 'expired', by: 'system' };
}
