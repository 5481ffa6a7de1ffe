import { randomUUID } from 'node:crypto';
import { isAdmin, type ClockPort, type Person, type Role, type StorePort } from '../../domain';
import type { GroupMembersPort } from '../ports/group-members.port';
import type { LoggerPort } from '../ports/logger.port';
import type { Admission, ChatTurn } from '../ports/turn.port';
import { APPROVER_AUDIT_SOURCE } from './approvers';

/** How long a group's members are trusted before Graph is asked again (the store keeps them; processes keep nothing). */
export const DEFAULT_GROUP_CACHE_MS = 15 * 60 * 1000;
/** After Graph failed, how long before it is asked again for that group (so a refusal is not asked for on every turn). */
export const GROUP_FAILURE_BACKOFF_MS = 60 * 1000;

export interface AdminGroupDeps {
  store: Pick<StorePort, 'directory' | 'keyValues' | 'events'>;
  members: GroupMembersPort;
  logger: LoggerPort;
  cacheMs?: number;
  clock?: ClockPort;
}

export const groupCacheKey = (tenantId: string, groupId: string) => `entra-admin-group:${tenantId.toLowerCase()}:${groupId.toLowerCase()}`;

/**
 * Issue 16 (opt-in): for an organization whose directory record names an Entra group (adminGroupId),
 * the group decides who is an admin on Teams. Each Teams turn of one of its people compares their
 * roles with the group's members (cached in the store with an expiry, so every instance shares one
 * read) and makes the directory agree: added to the group, an admin; removed, a requester. Each change
 * is an audit record like one made in chat. When Graph cannot be read, roles stay as they are and the
 * reason is logged (it says which permission is missing).
 */
export class AdminGroupRoles {
  private readonly now: () => Date;
  private readonly cacheMs: number;

  constructor(private readonly deps: AdminGroupDeps) {
    const clock = deps.clock;
    this.now = clock ? () => clock.now() : () => new Date();
    this.cacheMs = deps.cacheMs ?? DEFAULT_GROUP_CACHE_MS;
  }

  /** The admission with the person's roles brought in line with their organization's admin group. */
  async reconcile(admission: Admission, turn: ChatTurn): Promise<Admission> {
    if (admission.kind !== 'known' && admission.kind !== 'joined') return admission;
    if (turn.platform !== 'teams' || turn.identity?.platform !== 'teams') return admission;
    const person = admission.person;
    const org = await this.deps.store.directory.getOrganization(person.orgId);
    if (!org?.adminGroupId) return admission;
    const members = await this.members(org.tenantId, org.adminGroupId);
    if (!members) return admission;
    const inGroup = members.includes(turn.identity.aadObjectId.toLowerCase());
    if (inGroup === isAdmin(person)) return admission;
    const rest = person.roles.filter((r) => r !== 'admin');
    const roles: Role[] = inGroup ? [...person.roles, 'admin'] : rest.length ? rest : ['requester'];
    await this.deps.store.directory.setPersonRoles(person.id, roles);
    const updated: Person = { ...person, roles };
    await this.audit(updated, inGroup ? 'add' : 'remove');
    return { ...admission, person: updated };
  }

  /** The group's members: from the store while fresh, else from Graph (then stored). Undefined when unreadable. */
  private async members(tenantId: string, groupId: string): Promise<string[] | undefined> {
    const key = groupCacheKey(tenantId, groupId);
    const now = this.now();
    const cached = await this.deps.store.keyValues.get(key, now);
    if (cached) {
      const parsed = JSON.parse(cached) as { ids?: string[]; failed?: string };
      return parsed.failed ? undefined : parsed.ids;
    }
    try {
      const ids = await this.deps.members.memberObjectIds(tenantId, groupId);
      await this.deps.store.keyValues.set(key, JSON.stringify({ ids }), this.cacheMs, now);
      return ids;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      this.deps.logger.error({ code, tenantId, groupId, reason: err instanceof Error ? err.message : String(err) }, 'admin group not read from Microsoft Graph; roles left as they are');
      await this.deps.store.keyValues.set(key, JSON.stringify({ failed: typeof code === 'string' ? code : 'GRAPH_UNAVAILABLE' }), GROUP_FAILURE_BACKOFF_MS, now);
      return undefined;
    }
  }

  private async audit(person: Person, op: 'add' | 'remove'): Promise<void> {
    const at = this.now();
    const id = randomUUID();
    const payload = { id, orgId: person.orgId, op, byPersonId: 'entra-admin-group', byName: 'Entra admin group', personId: person.id, roles: [...person.roles], via: 'system', at: at.toISOString() };
    await this.deps.store.events.claim({ id: `${APPROVER_AUDIT_SOURCE}:${id}`, source: APPROVER_AUDIT_SOURCE, payload }, at);
    await this.deps.store.events.complete(`${APPROVER_AUDIT_SOURCE}:${id}`, at);
    this.deps.logger.info({ audit: op === 'add' ? 'approver.added' : 'approver.removed', orgId: person.orgId, by: 'entra-admin-group', personId: person.id, via: 'system', changeId: id }, 'approvers changed by the Entra admin group');
  }
}
