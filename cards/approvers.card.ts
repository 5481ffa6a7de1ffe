import { button } from './click';
import { adaptiveCard, container, heading, note, subheading, textBlock } from './elements';
import { formatDateTime } from './format';
import type { CardContext, CardOptions } from './models';
import type { AdaptiveCard, CardActionElement, CardElement } from './schema';
import { approverStrings } from './strings/approvers';

/** A person as the approver cards show them: name and roles (and whether it is the reader). */
export interface ApproverCardPerson {
  id: string;
  name: string;
  roles: readonly ('admin' | 'requester')[];
  you?: boolean;
}

/** At most this many people are listed per group (an organization's approvers are a handful). */
export const MAX_LISTED_PEOPLE = 25;

function roleText(p: ApproverCardPerson, ctx: CardContext): string {
  const s = approverStrings(ctx.locale);
  const roles = [...p.roles].sort((a, b) => (a === 'admin' ? -1 : b === 'admin' ? 1 : 0)).map((r) => s.role[r]);
  return `${p.name}${p.you ? s.you : ''}: ${roles.join(ctx.locale === 'ja' ? '、' : ', ')}`;
}

function peopleLines(people: readonly ApproverCardPerson[], ctx: CardContext): CardElement[] {
  const shown = people.slice(0, MAX_LISTED_PEOPLE).map((p) => textBlock(`• ${roleText(p, ctx)}`, { spacing: 'small' }));
  if (people.length > MAX_LISTED_PEOPLE) shown.push(note(`… +${people.length - MAX_LISTED_PEOPLE}`, { spacing: 'small' }));
  return shown;
}

/** "List our approvers": the organization's approvers and its other people, each with their roles. */
export function approversCard(
  model: { organizationName: string; approvers: readonly ApproverCardPerson[]; others: readonly ApproverCardPerson[] },
  ctx: CardContext,
): AdaptiveCard {
  const s = approverStrings(ctx.locale);
  const body: CardElement[] = [heading(s.listTitle(model.organizationName)), subheading(s.approversHeading, { spacing: 'medium' })];
  body.push(...(model.approvers.length ? peopleLines(model.approvers, ctx) : [textBlock(s.noApprovers, { spacing: 'small' })]));
  if (model.others.length) body.push(subheading(s.othersHeading, { spacing: 'medium' }), ...peopleLines(model.others, ctx));
  body.push(note(s.howTo, { spacing: 'medium' }));
  const names = model.approvers.map((p) => p.name).join(ctx.locale === 'ja' ? '、' : ', ');
  return adaptiveCard(body, { locale: ctx.locale, fallbackText: `${s.listTitle(model.organizationName)}: ${names || s.noApprovers}` });
}

/**
 * The bot does not know (or cannot tell) whom the admin means: it says why and offers people of the
 * admin's own organization, one button each; a click sends `approver_pick` with the person's ID.
 */
export function approverPickCard(
  model: { op: 'add' | 'remove'; reason: 'not_found' | 'ambiguous' | 'none_named'; candidates: readonly ApproverCardPerson[] },
  ctx: CardContext,
  options: CardOptions = {},
): AdaptiveCard {
  const s = approverStrings(ctx.locale);
  const question = model.op === 'add' ? s.pickAdd : s.pickRemove;
  const why = model.reason === 'ambiguous' ? s.ambiguous : model.reason === 'not_found' ? s.notFound : s.noneNamed;
  const actions: CardActionElement[] = model.candidates.map((p) => button(p.name, { verb: 'approver_pick', op: model.op, personId: p.id }, options));
  actions.push(button(s.button.list, { verb: 'list_approvers' }, options));
  return adaptiveCard(
    [heading(question), textBlock(model.candidates.length ? why : s.nobodyToOffer), ...(model.candidates.length ? peopleLines(model.candidates, ctx) : [])],
    { locale: ctx.locale, fallbackText: question, actions },
  );
}

/** What came of a change (done, or refused with the reason), with a way to see the list. */
export function approverResultCard(model: { title: string; lines: readonly string[]; style?: 'good' | 'attention' }, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = approverStrings(ctx.locale);
  const lines = model.lines.map((l, i) => textBlock(l, i === 0 ? {} : { spacing: 'small' }));
  return adaptiveCard([heading(model.title), container(lines, { ...(model.style ? { style: model.style } : {}), spacing: 'medium' })], {
    locale: ctx.locale,
    fallbackText: `${model.title}: ${model.lines[0] ?? ''}`,
    actions: [button(s.button.list, { verb: 'list_approvers' }, options)],
  });
}

/** The person concerned is told: who made them an approver (or removed them), of which organization, when. */
export function approverChangedCard(model: { op: 'add' | 'remove'; organizationName: string; byName: string; at: Date }, ctx: CardContext): AdaptiveCard {
  const s = approverStrings(ctx.locale);
  const at = formatDateTime(model.at, ctx);
  const title = model.op === 'add' ? s.changedTitleAdd : s.changedTitleRemove;
  const line = model.op === 'add' ? s.changedAdd(model.byName, model.organizationName, at) : s.changedRemove(model.byName, model.organizationName, at);
  return adaptiveCard([heading(title), textBlock(line), ...(model.op === 'add' ? [note(s.changedAddHint, { spacing: 'small' })] : [])], {
    locale: ctx.locale,
    fallbackText: line,
    actions: [button(s.button.list, { verb: 'list_approvers' })],
  });
}
