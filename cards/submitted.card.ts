import { currentApproverOrg } from '../domain';
import { button } from './click';
import { adaptiveCard, bullets, factSet, heading, styled, textBlock } from './elements';
import { listOf, orgNamer } from './format';
import type { CardContext, CardOptions, SubmittedModel } from './models';
import { expiryText, subjectFacts } from './request-facts';
import type { AdaptiveCard, CardElement } from './schema';
import { stringsFor } from './strings';
import { awaitingJoinNotice } from './waiting-to-join.card';

/** After filing: the request ID, who approves now, what happens next. */
export function submittedCard(model: SubmittedModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const r = model.view.request;
  const names = orgNamer(model.view.organizations, ctx.locale);
  const awaiting = currentApproverOrg(r);
  const approvers = (model.approvers ?? []).map((p) => p.name);
  const waiting: CardElement[] = model.view.awaitingJoin
    ? awaitingJoinNotice(model.view, names, s)
    : awaiting
    ? [
        textBlock(s.submitted.waitingFor(names.name(awaiting)), { weight: 'bolder', spacing: 'medium' }),
        ...(approvers.length > 0 ? [textBlock(s.submitted.approverNames(listOf(approvers, ctx.locale)), { isSubtle: true, spacing: 'none' })] : []),
      ]
    : [];
  const advisories = model.advisories ?? [];
  return adaptiveCard(
    [
      heading(s.submitted.title),
      textBlock(s.submitted.idLine(r.id), { size: 'medium', weight: 'bolder' }),
      factSet([[s.fact.request, s.kind[r.subject.kind]], ...subjectFacts(r.subject, names, s, ctx, model.view.subscription)], {
        spacing: 'medium',
      }),
      ...waiting,
      textBlock(s.submitted.next[r.subject.kind]),
      ...(awaiting ? [textBlock(s.submitted.expiresIn(expiryText(r, s, ctx)), { isSubtle: true, size: 'small' })] : []),
      ...(advisories.length > 0
        ? [styled('warning', [bullets(advisories.map((a) => a.message[ctx.locale]))])]
        : []),
    ],
    {
      locale: ctx.locale,
      fallbackText: `${s.submitted.title}: ${r.id}`,
      actions: [
        button(s.button.details, { verb: 'show_request', requestId: r.id }, options),
        button(s.button.myRequests, { verb: 'menu', intent: 'my_requests' }, options),
      ],
    },
  );
}
