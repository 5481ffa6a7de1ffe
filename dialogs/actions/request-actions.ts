import { refusalCard, type AdaptiveCard, type CardAction } from '../../cards';
import { refusal, type LifecycleCommand, type PartnerRequest, type Person } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { cardContext, type TurnInfo } from '../turn-info';
import { subjectOrgIds } from '../../domain';
import { detailCardFor } from '../work/work-actions';
import { currentRequestCard, withOrgNames } from './request-cards';

export type RequestActionVerb = 'approve' | 'reject' | 'refresh' | 'cancel_request' | 'show_request';
const VERBS: readonly string[] = ['approve', 'reject', 'refresh', 'cancel_request', 'show_request'];
export type RequestAction = Extract<CardAction, { verb: RequestActionVerb }>;

export function isRequestAction(action: CardAction | undefined): action is RequestAction {
  return !!action && VERBS.includes(action.verb);
}

function commandFor(action: RequestAction): LifecycleCommand | undefined {
  if (action.verb === 'approve') return { type: 'approve' };
  if (action.verb === 'reject') return { type: 'reject', reason: action.reason };
  if (action.verb === 'cancel_request') return { type: 'cancel' };
  return undefined;
}

/** People of the organizations a request names may see it; nobody else learns that it exists. */
function maySee(request: PartnerRequest, person: Person | undefined): boolean {
  return !!person && (request.requester.personId === person.id || subjectOrgIds(request.subject).includes(person.orgId));
}

/** Refusals after which the clicker is best served by the request's current card (who decided, when). */
const SHOW_CURRENT = new Set(['STALE_CARD', 'REQUEST_ALREADY_CLOSED', 'REASON_REQUIRED']);

/**
 * Clicks on a request's own card (approve, reject, cancel, refresh, details), the same from Teams and
 * Slack. Returns the card the clicker should now see (on Teams it replaces the clicked card). Whether
 * the click may do anything is the domain's decision; this turns the outcome into a card and tells
 * the people concerned.
 */
export async function handleRequestAction(deps: DialogDeps, action: RequestAction, info: TurnInfo): Promise<AdaptiveCard> {
  // Issue 18: a card clicked in a channel or group chat replaces the one everyone there sees; its
  // times are drawn by each reader's client, not in the clicker's zone.
  const ctx = info.conversationKind === 'personal' ? cardContext(info) : { ...cardContext(info), perReader: true };
  const person = info.person;
  const notFound = () => refusalCard({ refusals: [refusal('REQUEST_NOT_FOUND', { requestId: action.requestId })] }, ctx);
  const command = commandFor(action);
  if (!command) {
    const request = await deps.service.get(action.requestId);
    if (!request || !maySee(request, person)) return notFound();
    if (action.verb === 'refresh') return currentRequestCard(deps, request, person, ctx);
    return detailCardFor(deps, request, person, info);
  }
  if (!person) return refusalCard({ refusals: [refusal(command.type === 'cancel' ? 'NOT_THE_REQUESTER' : 'NOT_AN_APPROVER', { org: '—' })] }, ctx);
  const outcome = await deps.service.act(action.requestId, command, person, {
    platform: info.platform,
    ...('version' in action ? { expectedVersion: action.version } : {}),
    ...(info.activityId ? { commandId: info.activityId } : {}),
  });
  if (outcome.kind === 'applied') {
    await deps.notifier.requestUpdated(outcome.request, outcome.previous, info.replacesMessage ? { replaced: info.replacesMessage } : {});
    return currentRequestCard(deps, outcome.request, person, ctx);
  }
  if (outcome.kind === 'unchanged' || outcome.kind === 'appended') return currentRequestCard(deps, outcome.request, person, ctx);
  // Issue 15: too late; the click expired the request, so everyone concerned is told, as the schedule would.
  if (outcome.kind === 'refused' && outcome.expired) await deps.notifier.requestExpired(outcome.expired.request, outcome.expired.previous);
  // Someone outside the request's organizations gets what a request that does not exist gets: not
  // its card, not who may decide it (the refused attempt is still in its audit trail).
  if (!outcome.request || !maySee(outcome.request, person)) return notFound();
  if (SHOW_CURRENT.has(outcome.refusal.code)) return currentRequestCard(deps, outcome.request, person, ctx);
  return refusalCard({ refusals: [await withOrgNames(deps.directory, outcome.refusal)] }, ctx);
}
