import { approvalSteps } from '../domain';
import { button } from './click';
import { adaptiveCard, bullets, factSet, heading, styled, subheading, textBlock } from './elements';
import { listOf, orgNamer } from './format';
import type { CardContext, CardOptions, ConfirmationModel } from './models';
import { subjectFacts } from './request-facts';
import type { AdaptiveCard, CardElement } from './schema';
import { stringsFor } from './strings';

/** The draft, summarized before anything is sent: facts, checks, advisories; Send / Change / Cancel. */
export function confirmationCard(model: ConfirmationModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const names = orgNamer(model.organizations, ctx.locale);
  const subject = model.subject;
  const route = listOf(
    approvalSteps(subject).map((step) => `${names.name(step.orgId)} (${s.approverRole[step.as]})`),
    ctx.locale,
  );
  const checks = model.verdict.passed.map((code) => s.check[code]);
  const advisories: CardElement[] =
    model.verdict.advisories.length > 0
      ? [
          styled('warning', [
            textBlock(s.confirm.advisoriesTitle, { weight: 'bolder' }),
            bullets(model.verdict.advisories.map((a) => a.message[ctx.locale]), { spacing: 'small' }),
          ]),
        ]
      : [];
  const draftId = model.draftId;
  const owner = model.requester.id;
  return adaptiveCard(
    [
      heading(s.confirm.title),
      textBlock(s.confirm.intro),
      factSet(
        [
          [s.fact.request, s.kind[subject.kind]],
          ...subjectFacts(subject, names, s, ctx, model.subscription),
          [s.fact.requestedBy, `${model.requester.name} (${names.name(model.requester.orgId)})`],
        ],
        { spacing: 'medium' },
      ),
      ...advisories,
      textBlock(s.confirm.approvalRoute(route), { spacing: 'medium' }),
      ...(checks.length > 0
        ? [subheading(s.confirm.checksTitle), bullets(checks, { marker: '✓', spacing: 'small' })]
        : []),
    ],
    {
      locale: ctx.locale,
      fallbackText: `${s.confirm.title}: ${s.kind[subject.kind]}`,
      actions: [
        button(s.button.submit, { verb: 'confirm', draftId, owner }, { ...options, style: 'positive' }),
        button(s.button.edit, { verb: 'edit', draftId, owner }, options),
        button(s.button.cancel, { verb: 'start_over', draftId, owner }, options),
      ],
    },
  );
}
