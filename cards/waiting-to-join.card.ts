import type { Locale, Organization, RequestView } from '../domain';
import { button } from './click';
import { adaptiveCard, container, factSet, heading, note, textBlock } from './elements';
import { orgNamer, type OrgNamer } from './format';
import { orgChoice } from './form-parts';
import type { CardContext, CardOptions } from './models';
import { subjectFacts } from './request-facts';
import type { AdaptiveCard, CardElement, Choice } from './schema';
import { stringsFor, type CardStrings } from './strings';

/**
 * "Waiting for <organization> to join": which organization must act and what to do, for a request
 * whose current step nobody can decide yet (RequestView.awaitingJoin). Empty when it is not waiting.
 */
export function awaitingJoinNotice(view: RequestView, names: OrgNamer, s: CardStrings): CardElement[] {
  if (!view.awaitingJoin) return [];
  const org = names.name(view.awaitingJoin);
  return [
    container([textBlock(s.join.waitingFor(org), { weight: 'bolder' }), textBlock(s.join.whatToDo(org), { spacing: 'small' })], {
      style: 'warning',
      spacing: 'medium',
    }),
  ];
}

/** Tells the requester that the step their request has reached has nobody to decide it yet. */
export function waitingToJoinCard(model: { view: RequestView }, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const r = model.view.request;
  const names = orgNamer(model.view.organizations, ctx.locale);
  return adaptiveCard(
    [
      heading(s.join.notifyTitle),
      textBlock(s.submitted.idLine(r.id), { weight: 'bolder' }),
      factSet([[s.fact.request, s.kind[r.subject.kind]], ...subjectFacts(r.subject, names, s, ctx, model.view.subscription)], { spacing: 'medium' }),
      ...awaitingJoinNotice(model.view, names, s),
    ],
    {
      locale: ctx.locale,
      fallbackText: `${s.join.notifyTitle}: ${r.id}`,
      actions: [button(s.button.details, { verb: 'show_request', requestId: r.id }, options)],
    },
  );
}

/**
 * Organizations as form choices, those with nobody on Partner Link yet marked (`notOnPartnerLink`), and
 * the note that explains the mark when any is shown.
 */
export function markedOrgChoices(
  orgs: readonly Organization[],
  notOnPartnerLink: readonly string[] | undefined,
  locale: Locale,
  withWorkloads = false,
): { choices: Choice[]; note: CardElement[] } {
  const s = stringsFor(locale);
  const marked = new Set(notOnPartnerLink ?? []);
  const choices = orgs.map((o) => {
    const c = orgChoice(o, locale, withWorkloads);
    return marked.has(o.id) ? { ...c, title: `${c.title}${s.join.choiceMark}` } : c;
  });
  return { choices, note: orgs.some((o) => marked.has(o.id)) ? [note(s.join.formNote, { spacing: 'small' })] : [] };
}
