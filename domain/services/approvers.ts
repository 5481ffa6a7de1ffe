import type { DirectoryPort } from '../ports/directory.port';
import { isAdmin, type Person, type Role } from '../person';

/** What came of an approver change asked for in chat; the dialog words it in the person's language. */
export type ApproverOutcome =
  | { kind: 'listed'; approvers: Person[] }
  | { kind: 'added'; person: Person }
  | { kind: 'removed'; person: Person }
  | { kind: 'already'; person: Person }
  | { kind: 'not_admin' }
  | { kind: 'not_found' }
  | { kind: 'last_admin'; person: Person };

type Deps = Pick<DirectoryPort, 'listPeople' | 'setPersonRoles'>;

/** The approvers (admins) of the asker's own organization. */
export async function listApprovers(deps: Deps, asker: Person): Promise<ApproverOutcome> {
  return { kind: 'listed', approvers: (await deps.listPeople(asker.orgId)).filter(isAdmin) };
}

/**
 * Makes someone of the asker's organization an approver, or stops them being one. Only an admin may;
 * the person is looked up among the asker's own organization only, so people of other organizations
 * are "not found"; the last admin stays.
 */
export async function changeApprover(
  deps: Deps,
  asker: Person,
  change: { op: 'add' | 'remove'; personId: string },
): Promise<ApproverOutcome> {
  if (!isAdmin(asker)) return { kind: 'not_admin' };
  const people = await deps.listPeople(asker.orgId);
  const target = people.find((p) => p.id === change.personId);
  if (!target) return { kind: 'not_found' };
  if (change.op === 'add') {
    if (isAdmin(target)) return { kind: 'already', person: target };
    const roles: Role[] = [...target.roles, 'admin'];
    await deps.setPersonRoles(target.id, roles);
    return { kind: 'added', person: { ...target, roles } };
  }
  if (!isAdmin(target)) return { kind: 'already', person: target };
  if (people.filter(isAdmin).length <= 1) return { kind: 'last_admin', person: target };
  const rest = target.roles.filter((r) => r !== 'admin');
  const roles: Role[] = rest.length > 0 ? rest : ['requester'];
  await deps.setPersonRoles(target.id, roles);
  return { kind: 'removed', person: { ...target, roles } };
}

/**
 * The person of the asker's organization a name or ID in a message means ("Ken", "ken-sato", "Ken Sato"):
 * an exact ID, else one whole name, else one person whose first name matches. Undefined when none or
 * several match (the dialog then asks), so another organization's people are never considered.
 */
export function resolvePersonByName(people: Person[], text: string): Person | undefined {
  const q = text.trim().replace(/^@/, '').toLowerCase();
  if (!q) return undefined;
  const byId = people.find((p) => p.id === q);
  if (byId) return byId;
  const whole = people.filter((p) => p.name.toLowerCase() === q);
  if (whole.length === 1) return whole[0];
  const first = people.filter((p) => p.name.toLowerCase().split(/\s+/)[0] === q);
  return first.length === 1 ? first[0] : undefined;
}
