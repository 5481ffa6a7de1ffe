import { currentApproverOrg } from '../lifecycle';
import { isAdmin, PLATFORMS, type Platform } from '../person';
import { channelReferenceKey, type ConversationReferencePort } from '../ports/conversation-reference.port';
import type { DirectoryPort } from '../ports/directory.port';
import type { PartnerRequest } from '../request';

export interface ReachabilityDeps {
  directory: Pick<DirectoryPort, 'listPeople'>;
  references: Pick<ConversationReferencePort, 'get' | 'listForPerson'>;
}

/**
 * Whether anyone who decides for this organization can be reached by the bot: it has an approval
 * channel, or one of its admins has talked with the bot (or installed it), so a reference is stored.
 * An organization with no admins in the directory, or whose admins never opened Partner Link, cannot.
 */
export async function organizationReachable(orgId: string, deps: ReachabilityDeps, platforms: readonly Platform[] = PLATFORMS): Promise<boolean> {
  // Admins first: the usual answer (an admin has talked with the bot) then costs no channel lookups.
  for (const admin of (await deps.directory.listPeople(orgId)).filter(isAdmin)) {
    if ((await deps.references.listForPerson(admin.id)).some((r) => platforms.includes(r.platform))) return true;
  }
  for (const p of platforms) if (await deps.references.get(channelReferenceKey(orgId, p))) return true;
  return false;
}

/** The organization a pending request waits for when nobody there can be reached yet (else undefined). */
export async function awaitingOrganizationToJoin(request: PartnerRequest, deps: ReachabilityDeps): Promise<string | undefined> {
  const orgId = currentApproverOrg(request);
  return orgId && !(await organizationReachable(orgId, deps)) ? orgId : undefined;
}
