import { approvalCard, decidedCard, type AdaptiveCard, type CardContext } from '../../cards';
import { isAdmin, isClosed, type PartnerRequest, type Person } from '../../domain';
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
