import { currentApproverOrg } from '../lifecycle';
import { isAdmin, PLATFORMS, type Platform } from '../person';
import { channelReferenceKey, type ConversationReferencePort } from '../ports/conversation-reference.port';
import type { DirectoryPort } from '../ports/directory.port';
import type { PartnerRequest } from '../request';

export interface ReachabilityDeps {
  directory: Pick<DirectoryPort, 'listPeopleOfOrganizations'>;
  references: Pick<ConversationReferencePort, 'getMany' | 'listForPeople'>;
}

/**
 * The organizations among these that nobody who decides for them can be reached at (in the order
 * given, each once). An organization is reachable when one of its admins has talked with the bot (or
 * installed it), so a reference is stored, or it has an approval channel. One with no admins in the
 * directory, or whose admins never opened Partner Link, is not.
 *
 * Issue 19: at most three store queries whatever the number of organizations (their people, their
 * admins' references, then the approval channels of those not reached through an admin).
 */
export async function unreachableOrganizations(orgIds: readonly string[], deps: ReachabilityDeps, platforms: readonly Platform[] = PLATFORMS): Promise<string[]> {
  const unique = [...new Set(orgIds)];
  if (unique.length === 0) return [];
  const admins = (await deps.directory.listPeopleOfOrganizations(unique)).filter(isAdmin);
  const reached = new Set<string>();
  if (admins.length > 0) {
    const orgOf = new Map(admins.map((a) => [a.id, a.orgId]));
    for (const ref of await deps.references.listForPeople([...orgOf.keys()])) {
      const org = ref.personId === undefined ? undefined : orgOf.get(ref.personId);
      if (org !== undefined && platforms.includes(ref.platform)) reached.add(org);
    }
  }
  const rest = unique.filter((id) => !reached.has(id));
  if (rest.length > 0 && platforms.length > 0) {
    const channelOf = new Map(rest.flatMap((id) => platforms.map((p) => [channelReferenceKey(id, p), id] as const)));
    for (const ref of await deps.references.getMany([...channelOf.keys()])) {
      const org = channelOf.get(ref.key);
      if (org !== undefined) reached.add(org);
    }
  }
  return unique.filter((id) => !reached.has(id));
}

/** Whether anyone who decides for this organization can be reached by the bot (see `unreachableOrganizations`). */
export async function organizationReachable(orgId: string, deps: ReachabilityDeps, platforms: readonly Platform[] = PLATFORMS): Promise<boolean> {
  return (await unreachableOrganizations([orgId], deps, platforms)).length === 0;
}

/** The organization a pending request waits for when nobody there can be reached yet (else undefined). */
export async function awaitingOrganizationToJoin(request: PartnerRequest, deps: ReachabilityDeps): Promise<string | undefined> {
  const orgId = currentApproverOrg(request);
  return orgId && !(await organizationReachable(orgId, deps)) ? orgId : undefined;
}
