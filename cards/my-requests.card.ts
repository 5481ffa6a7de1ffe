import { currentApproverOrg, isClosed, type PartnerRequest } from '../domain';
import { button } from './click';
import { actionSet, adaptiveCard, column, columnSet, heading, note, textBlock } from './elements';
import { formatDate, orgNamer, type OrgNamer } from './format';
import type { CardContext, CardOptions, MyRequestsModel } from './models';
import { counterpartId } from './request-facts';
import type { AdaptiveCard, CardActionElement, CardElement, TextColor } from './schema';
import { stringsFor, type CardStrings } from './strings';

/** At most this many requests are listed (newest first), to keep the card small. */
export const MAX_LISTED_REQUESTS = 10;

/** Only colours that keep WCAG AA contrast on a white card in common hosts (accent and warning do not). */
const STATUS_COLOR: Record<PartnerRequest['status'], TextColor> = {
  submitted: 'default',
  pending_approval: 'default',
  approved: 'good',
  rejected: 'attention',
  cancelled: 'default',
  expired: 'default',
  completing: 'default',
  completed: 'good',
};

function row(
  r: PartnerRequest,
  mine: boolean,
  names: OrgNamer,
  s: CardStrings,
  ctx: CardContext,
  options: CardOptions,
  awaitingJoin?: string,
  deciders?: readonly string[],
): CardElement {
  const awaiting = currentApproverOrg(r);
  const actions: CardActionElement[] = [button(s.button.details, { verb: 'show_request', requestId: r.id }, options)];
  if (mine && !isClosed(r.status)) {
    actions.push(button(s.button.cancelRequest, { verb: 'cancel_request', requestId: r.id, version: r.version }, { ...options, style: 'destructive' }));
  }
  return columnSet(
    [
      column(
        [
          textBlock(s.myRequests.line(s.kind[r.subject.kind], names.name(counterpartId(r.subject))), { weight: 'bolder' }),
          textBlock(`${r.id} · ${formatDate(r.createdAt, ctx)}`, { isSubtle: true, size: 'small', spacing: 'none' }),
          textBlock(awaitingJoin ? `${s.status[r.status]} · ${s.join.waitingFor(names.name(awaitingJoin))}` : s.status[r.status], { color: awaitingJoin ? 'default' : STATUS_COLOR[r.status], spacing: 'none' }),
          // Issue 15: who must act, for a pending request.
          ...(awaiting && deciders
            ? [textBlock(`${s.work.stepValue(r.stage + 1, r.steps.length, names.name(awaiting))} · ${s.labelled(s.work.canDecide, deciders.length ? deciders.join(', ') : s.work.nobodyOnRecord)}`, { isSubtle: true, size: 'small', spacing: 'none' })]
            : []),
        ],
        { width: 'stretch' },
      ),
      column([actionSet(actions)], { width: 'auto', verticalContentAlignment: 'center' }),
    ],
    { separator: true, spacing: 'medium' },
  );
}

/** The reader's requests, newest first, each with its status; open ones they filed can be cancelled. */
export function myRequestsCard(model: MyRequestsModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const names = orgNamer(model.organizations, ctx.locale);
  const sorted = [...model.requests].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const shown = sorted.slice(0, MAX_LISTED_REQUESTS);
  const hidden = sorted.length - shown.length;
  const body: CardElement[] = [heading(s.myRequests.title)];
  if (shown.length === 0) body.push(textBlock(s.myRequests.empty));
  for (const r of shown) body.push(row(r, r.requester.personId === model.viewer.id, names, s, ctx, options, model.awaitingJoin?.[r.id], model.deciders?.[r.id]));
  if (hidden > 0) body.push(note(s.myRequests.moreNotShown(hidden), { spacing: 'medium' }));
  return adaptiveCard(body, {
    locale: ctx.locale,
    fallbackText: s.myRequests.title,
    actions: [button(s.button.menu, { verb: 'start_over' }, options)],
  });
}
