import { approvalCard, decidedCard, type AdaptiveCard, type CardContext } from '../../cards';
import { isAdmin, isClosed, nameOf, refusal, type DirectoryPort, type PartnerRequest, type Person, type Refusal } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { requestView } from '../../domain';

/** Whether this person may decide the request now (the domain decides again when they click). */
export function mayDecide(request: PartnerRequest, person: Person | undefined): boolean {
  const org = request.status === 'pending_approval' ? request.steps[request.stage]?.orgId : undefined;
  return !!person && !!org && person.orgId === org && isAdmin(person);
}

/**
 * The card that shows a request as it is now, for this reader: the decided card once closed; while
 * pending, the approval card with buttons for its approvers and without for everyone else.
 */
export async function currentRequestCard(deps: DialogDeps, request: PartnerRequest, reader: Person | undefined, ctx: CardContext): Promise<AdaptiveCard> {
  const view = await requestView(deps.directory, request);
  if (isClosed(request.status)) return decidedCard({ view }, ctx, { forRequester: reader?.id === request.requester.personId });
  const approvers = await deps.service.approversFor(request);
  const approverUserIds = await deps.reach.platformUserIds(approvers);
  return approvalCard({ view, approverUserIds }, ctx, { buttons: mayDecide(request, reader) });
}

/** Refusals that name an organization by ID (the domain has no directory at hand). */
const NAMES_ORG = new Set(['NOT_AN_APPROVER', 'HANDOVER_TARGET_INVALID']);

/** The domain names organizations by ID (it has no directory at hand); people read their display names. */
export async function withOrgNames(directory: DirectoryPort, r: Refusal): Promise<Refusal> {
  const id = r.params.org;
  if (!NAMES_ORG.has(r.code) || typeof id !== 'string') return r;
  const org = await directory.getOrganization(id);
  return refusal(r.code, { ...r.params, org: org ? nameOf(org) : '—' }, r.field);
}
