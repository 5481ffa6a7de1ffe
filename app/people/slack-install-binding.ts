import { errorCode, isAdmin, type DirectoryPort, type Organization, type Person, type PlatformIdentity } from '../../domain';
import type { LoggerPort } from '../ports';
import { newcomerId } from './newcomers';

/** A Slack installation, as the install flow reports it (IDs only; never a token). */
export interface SlackInstallFacts {
  teamId: string;
  enterpriseId?: string;
  /** The Slack user who installed the app (the OAuth flow's authed user). */
  installerUserId?: string;
}

/**
 * What installing the app in a workspace did to the directory:
 * - bound: the workspace belongs to `orgId` (the directory named it, or the installer is its admin);
 *   `firstAdmin` when the organization had no admin and the installer became the first one;
 * - unbound: no organization names the workspace and the installer is no known admin: the install is
 *   kept, and people there get the polite refusal until an organization names the workspace;
 * - taken: the installer's organization cannot have the workspace, another organization has it.
 */
export type SlackInstallBinding =
  | { outcome: 'bound'; orgId: string; firstAdmin?: string }
  | { outcome: 'unbound' }
  | { outcome: 'taken'; orgId: string };

/**
 * Binds a newly installed Slack workspace to its organization: the one the directory names for the
 * workspace (or its Grid organization), else the one the installer is an admin of (recorded with
 * bindSlackWorkspace). An organization without any admin gets the installer as its first admin.
 * Every change is written to the log as an audit line.
 */
export async function bindSlackInstallation(directory: DirectoryPort, install: SlackInstallFacts, logger: LoggerPort): Promise<SlackInstallBinding> {
  const identity: PlatformIdentity | undefined = install.installerUserId ? { platform: 'slack', teamId: install.teamId, userId: install.installerUserId } : undefined;
  const installer = identity ? await directory.findPersonByIdentity(identity) : undefined;
  let org = await directory.findOrganizationBySlackWorkspace({ teamId: install.teamId, ...(install.enterpriseId ? { enterpriseId: install.enterpriseId } : {}) });
  if (!org && installer && isAdmin(installer)) {
    try {
      await directory.bindSlackWorkspace(installer.orgId, install.teamId);
    } catch (err) {
      if (errorCode(err) !== 'WORKSPACE_TAKEN') throw err;
      logger.warn({ teamId: install.teamId, orgId: installer.orgId }, 'Slack workspace installed by an admin of one organization already belongs to another; not bound');
      return { outcome: 'taken', orgId: installer.orgId };
    }
    org = await directory.getOrganization(installer.orgId);
    logger.info({ audit: 'slack.workspace.bound', orgId: installer.orgId, teamId: install.teamId, by: installer.id }, 'Slack workspace bound to the organization of the admin who installed the app');
  }
  if (!org) {
    logger.info({ teamId: install.teamId, enterpriseId: install.enterpriseId }, 'Slack app installed in a workspace that belongs to no organization; its people are refused until one names it');
    return { outcome: 'unbound' };
  }
  const firstAdmin = identity ? await firstAdminIfNone(directory, org, identity, installer, logger) : undefined;
  return { outcome: 'bound', orgId: org.id, ...(firstAdmin ? { firstAdmin } : {}) };
}

/** The installer becomes the organization's admin when it has none (a person of another organization never does). */
async function firstAdminIfNone(directory: DirectoryPort, org: Organization, identity: PlatformIdentity, installer: Person | undefined, logger: LoggerPort): Promise<string | undefined> {
  const people = await directory.listPeople(org.id);
  if (people.some(isAdmin)) return undefined;
  if (installer && installer.orgId !== org.id) return undefined;
  let personId: string;
  if (installer) {
    await directory.setPersonRoles(installer.id, [...new Set([...installer.roles, 'admin' as const])]);
    personId = installer.id;
  } else {
    const person: Person = { id: newcomerId(identity), orgId: org.id, name: identity.platform === 'slack' ? identity.userId : 'Slack admin', roles: ['requester', 'admin'], identities: [identity] };
    const outcome = await directory.addPerson(person);
    // Another instance added the same person first: they are that person; give them the role.
    if (outcome === 'exists') {
      const stored = await directory.findPersonByIdentity(identity);
      if (!stored) return undefined;
      await directory.setPersonRoles(stored.id, [...new Set([...stored.roles, 'admin' as const])]);
      personId = stored.id;
    } else personId = person.id;
  }
  logger.info({ audit: 'person.admin.first', personId, orgId: org.id, platform: 'slack', from: { teamId: identity.platform === 'slack' ? identity.teamId : undefined } }, 'the person who installed the Slack app became the first admin of an organization that had none');
  return personId;
}
