import type { DirectoryPort } from '../ports/directory.port';
import type { Organization } from '../organization';
import type { PartnerRequest, RequestSubject } from '../request';
import type { Subscription } from '../relationship';
import type { Person } from '../person';

/** A request and the organizations it names; ids not found among them are shown as they are. */
export interface RequestView {
  request: PartnerRequest;
  organizations: readonly Organization[];
  /** The person who filed it, for their name. */
  requester?: Person;
  /** For a multi-channel request: the subscription it is about. */
  subscription?: Subscription;
  /**
   * Pending, and nobody who decides for the current step's organization can be reached yet (no admin
   * has talked with the bot, no approval channel): that organization's ID. Filled by the caller that
   * knows the stored references (ReachPort.awaitingJoin); cards say "waiting for … to join".
   */
  awaitingJoin?: string;
}

/** Organization IDs a subject names. */
export function subjectOrgIds(s: RequestSubject): string[] {
  return s.kind === 'link_distributor' ? [s.resellerId, s.providerId] : [s.customerId, s.partnerId];
}

export async function orgsFor(directory: DirectoryPort, ids: readonly string[]): Promise<Organization[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => directory.getOrganization(id)));
  return found.filter((o): o is Organization => o !== undefined);
}

/** Everything a card needs to show one request: its organizations, requester and subscription. */
export async function requestView(directory: DirectoryPort, request: PartnerRequest): Promise<RequestView> {
  const s = request.subject;
  const [organizations, requester, subscription] = await Promise.all([
    orgsFor(directory, subjectOrgIds(s)),
    directory.getPerson(request.requester.personId),
    s.kind === 'multichannel_support' ? directory.getSubscription(s.subscriptionId) : Promise.resolve(undefined),
  ]);
  return { request, organizations, ...(requester ? { requester } : {}), ...(subscription ? { subscription } : {}) };
}
