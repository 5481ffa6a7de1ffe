import { createHash } from 'node:crypto';
import { identityKey, PlatformIdentitySchema, type DirectoryPort, type Organization, type Person, type PlatformIdentity } from '../../domain';
import type { LoggerPort } from '../ports/logger.port';
import type { Admission, ChatTurn, TurnHome } from '../ports/turn.port';

export type { Admission };


/** A newcomer's directory ID: the same for the same identity on every instance, so two racing first messages add one person. */
export function newcomerId(identity: PlatformIdentity): string {
  return `${identity.platform}-${createHash('sha256').update(identityKey(identity)).digest('hex').slice(0, 20)}`;
}

/** The home's identity as the directory keeps it (a Teams identity records its tenant). */
function identityFrom(identity: PlatformIdentity, home: TurnHome): PlatformIdentity | undefined {
  if (identity.platform === 'teams' && home.platform === 'teams') {
    const parsed = PlatformIdentitySchema.safeParse({ platform: 'teams', aadObjectId: identity.aadObjectId, tenantId: home.tenantId });
    return parsed.success ? parsed.data : undefined;
  }
  // The organization is decided by the workspace the person belongs to, which is the identity's.
  if (identity.platform === 'slack' && home.platform === 'slack' && identity.teamId === home.teamId) return identity;
  return undefined;
}

async function organizationOf(directory: DirectoryPort, home: TurnHome): Promise<Organization | undefined> {
  return home.platform === 'teams'
    ? directory.findOrganizationByTenant(home.tenantId)
    : directory.findOrganizationBySlackWorkspace({ teamId: home.teamId, ...(home.enterpriseId ? { enterpriseId: home.enterpriseId } : {}) });
}

/**
 * Finds the person behind a turn, adding them on first contact when they write from a known
 * organization's tenant or workspace. The addition is recorded in the log as an audit line (who, which
 * organization, from where; no name). Another instance adding them first is fine: they are read back.
 */
export async function admit(directory: DirectoryPort, turn: ChatTurn, logger: LoggerPort, fallbackName: string): Promise<Admission> {
  if (!turn.identity) return { kind: 'unidentified' };
  const known = await directory.findPersonByIdentity(turn.identity);
  if (known) return { kind: 'known', person: known };
  const home = turn.home;
  if (!home) return { kind: 'unidentified' };
  const identity = identityFrom(turn.identity, home);
  if (!identity) return { kind: 'unidentified' };
  const organization = await organizationOf(directory, home);
  if (!organization) return { kind: 'outsider', home };
  const person: Person = {
    id: newcomerId(identity),
    orgId: organization.id,
    name: turn.displayName ?? fallbackName,
    roles: ['requester'],
    ...(turn.locale ? { locale: turn.locale } : {}),
    ...(turn.timeZone ? { timeZone: turn.timeZone } : {}),
    identities: [identity],
  };
  const outcome = await directory.addPerson(person);
  const stored = outcome === 'added' ? person : await directory.findPersonByIdentity(identity);
  if (!stored) throw new Error(`newcomer ${person.id} could not be added nor found`);
  if (outcome === 'added') {
    logger.info(
      { audit: 'person.joined', personId: stored.id, orgId: organization.id, platform: identity.platform, role: 'requester', from: home.platform === 'teams' ? { tenantId: home.tenantId } : { teamId: home.teamId } },
      'a person not in the directory wrote from their organization\'s tenant or workspace and was added as a requester',
    );
  }
  return { kind: 'joined', person: stored, organization };
}
