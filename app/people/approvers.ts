import { randomUUID } from 'node:crypto';
import { changeApprover, isAdmin, type AuditPlatform, type ClockPort, type Person, type StorePort } from '../../domain';
import type { ApproverAnswer, ApproverChange, ApproverOp, ApproversPort, ApproverTarget, MentionedPerson } from '../ports/approvers.port';
import type { LoggerPort } from '../ports/logger.port';

/** Inbox source of the approver-change audit records (never pruned: they are the audit trail). */
export const APPROVER_AUDIT_SOURCE = 'approver-change';
/** At most this many people are offered when the bot asks whom the admin means. */
export const MAX_CANDIDATES = 10;

export interface ApproverAdminDeps {
  store: Pick<StorePort, 'directory' | 'references' | 'events'>;
  logger: LoggerPort;
  /** Tells the person concerned (the notifier's durable notices). */
  tell(change: ApproverChange): Promise<number>;
  clock?: ClockPort;
  newId?: () => string;
}

/** "me", "myself", 「私」「自分」: the asker means themselves. */
const SELF = /(^|[^a-z])(me|myself)([^a-z]|$)|私|自分|わたし/i;

/**
 * Issue 16, approvers managed in chat. The rules are the domain's (domain/services/approvers.ts); this
 * finds whom the admin means, inside their own organization only, and records each change: an audit
 * record in the store (who, whom, what, when; kept, never pruned), an audit log line (IDs only), and a
 * durable notice to the person concerned.
 */
export class ApproverAdmin implements ApproversPort {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ApproverAdminDeps) {
    const clock = deps.clock;
    this.now = clock ? () => clock.now() : () => new Date();
    this.newId = deps.newId ?? randomUUID;
  }

  async list(asker: Person): Promise<ApproverAnswer> {
    const people = await this.deps.store.directory.listPeople(asker.orgId);
    const organization = await this.deps.store.directory.getOrganization(asker.orgId);
    const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);
    return {
      kind: 'listed',
      ...(organization ? { organization } : {}),
      approvers: people.filter(isAdmin).sort(byName),
      others: people.filter((p) => !isAdmin(p)).sort(byName),
    };
  }

  async change(asker: Person, op: ApproverOp, target: ApproverTarget, via: AuditPlatform): Promise<ApproverAnswer> {
    // A requester is refused before anything is looked up, so they learn nothing about the organization.
    if (!isAdmin(asker)) return { kind: 'not_admin' };
    if ((await this.deps.store.directory.getOrganization(asker.orgId))?.adminGroupId) return { kind: 'managed_by_group' };
    const people = await this.deps.store.directory.listPeople(asker.orgId);
    const found = await this.resolve(asker, people, target);
    if (found.kind === 'ask') {
      const pool = people.filter((p) => (op === 'add' ? !isAdmin(p) : isAdmin(p)));
      const candidates = (found.candidates.length ? found.candidates : pool).slice(0, MAX_CANDIDATES);
      return { kind: 'ask', op, reason: found.reason, candidates };
    }
    const outcome = await changeApprover(this.deps.store.directory, asker, { op, personId: found.person.id });
    if (outcome.kind === 'removed' && !(await this.stillHasAdmin(asker.orgId))) {
      // Another admin was removed at the same moment (on another instance): this removal is undone, so the
      // organization keeps an approver; both admins are told they are the last one.
      await this.deps.store.directory.setPersonRoles(found.person.id, found.person.roles);
      return { kind: 'last_admin', person: found.person };
    }
    switch (outcome.kind) {
      case 'added':
      case 'removed':
        return { kind: outcome.kind, person: outcome.person, told: await this.record(asker, outcome.person, op, via), ...(await this.organization(asker)) };
      case 'already':
        return { kind: 'already', op, person: outcome.person };
      case 'last_admin':
        return { kind: 'last_admin', person: outcome.person };
      case 'not_admin':
        return { kind: 'not_admin' };
      default:
        return { kind: 'ask', op, reason: 'not_found', candidates: [] };
    }
  }

  private async stillHasAdmin(orgId: string): Promise<boolean> {
    return (await this.deps.store.directory.listPeople(orgId)).some(isAdmin);
  }

  private async organization(asker: Person) {
    const organization = await this.deps.store.directory.getOrganization(asker.orgId);
    return organization ? { organization } : {};
  }

  /** Whom the target means, among the asker's organization's people only. */
  private async resolve(asker: Person, people: Person[], target: ApproverTarget): Promise<{ kind: 'one'; person: Person } | { kind: 'ask'; reason: 'not_found' | 'ambiguous' | 'none_named'; candidates: Person[] }> {
    if ('self' in target) return { kind: 'one', person: asker };
    if ('personId' in target) {
      const person = people.find((p) => p.id === target.personId);
      return person ? { kind: 'one', person } : { kind: 'ask', reason: 'not_found', candidates: [] };
    }
    if ('mentions' in target) {
      // The first mention that is someone of the organization (a Slack message may also mention the bot).
      for (const m of target.mentions) {
        const person = await this.mentioned(people, m);
        if (person) return { kind: 'one', person };
      }
      // Not found by ID: a Teams mention's display name may still be one person of the organization.
      const byName = target.mentions.flatMap((m) => (m.name ? peopleNamedIn(people, m.name) : []));
      const unique = [...new Map(byName.map((p) => [p.id, p])).values()];
      if (unique.length === 1) return { kind: 'one', person: unique[0]! };
      return { kind: 'ask', reason: unique.length > 1 ? 'ambiguous' : 'not_found', candidates: unique };
    }
    const named = peopleNamedIn(people, target.text);
    if (named.length === 1) return { kind: 'one', person: named[0]! };
    if (named.length > 1) return { kind: 'ask', reason: 'ambiguous', candidates: named };
    if (SELF.test(target.text)) return { kind: 'one', person: asker };
    return { kind: 'ask', reason: 'none_named', candidates: [] };
  }

  /**
   * The person of the organization a mention is: Slack by user ID; Teams by Entra object ID when the
   * client sent it, else by the Teams user ID the bot saw in that person's own chat with it.
   */
  private async mentioned(people: Person[], m: MentionedPerson): Promise<Person | undefined> {
    if (m.platform === 'slack') return people.find((p) => p.identities.some((i) => i.platform === 'slack' && i.userId === m.userId));
    const aad = m.aadObjectId?.toLowerCase();
    if (aad) {
      const byAad = people.find((p) => p.identities.some((i) => i.platform === 'teams' && i.aadObjectId.toLowerCase() === aad));
      if (byAad) return byAad;
    }
    if (!m.userId) return undefined;
    for (const p of people) {
      const refs = await this.deps.store.references.listForPerson(p.id);
      if (refs.some((r) => r.platform === 'teams' && (r.reference as { user?: { id?: unknown } }).user?.id === m.userId)) return p;
    }
    return undefined;
  }

  /** The audit record (kept in the store), the audit log line, and the notice to the person concerned. */
  private async record(asker: Person, person: Person, op: ApproverOp, via: AuditPlatform): Promise<boolean> {
    const at = this.now();
    const change: ApproverChange = { id: this.newId(), orgId: asker.orgId, op, byPersonId: asker.id, byName: asker.name, personId: person.id, roles: [...person.roles], via, at };
    const id = `${APPROVER_AUDIT_SOURCE}:${change.id}`;
    const payload = { ...change, at: at.toISOString() };
    await this.deps.store.events.claim({ id, source: APPROVER_AUDIT_SOURCE, payload }, at);
    await this.deps.store.events.complete(id, at);
    this.deps.logger.info({ audit: op === 'add' ? 'approver.added' : 'approver.removed', orgId: change.orgId, by: change.byPersonId, personId: change.personId, via, changeId: change.id }, 'approvers changed');
    try {
      return (await this.deps.tell(change)) > 0;
    } catch (err) {
      // The notices are stored before they are sent; what failed here is sent by the retry loop.
      this.deps.logger.warn({ err, changeId: change.id }, 'approver change notice not sent right away');
      return true;
    }
  }
}

const LATIN_WORD = /^[\p{Script=Latin}\d'-]+$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `name` appears in `text` as a whole word (Latin names) or as a run of characters (others). */
function mentionsName(text: string, name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n.length < 2) return false;
  if (!n.split(/\s+/).every((w) => LATIN_WORD.test(w))) return text.includes(n);
  return new RegExp(`(^|[^\\p{L}\\d])${escape(n).replace(/\s+/g, '\\s+')}($|[^\\p{L}\\d])`, 'u').test(text);
}

/**
 * The people of the organization a message names: by directory ID or whole name first; failing
 * that, by first or last name. Several people can match ("Ken" when there are two).
 */
export function peopleNamedIn(people: readonly Person[], text: string): Person[] {
  const t = text.normalize('NFKC').toLowerCase();
  const whole = people.filter((p) => mentionsName(t, p.id) || mentionsName(t, p.name));
  if (whole.length) return whole;
  return people.filter((p) => p.name.split(/\s+/).some((part) => mentionsName(t, part)));
}
