import { describedSubscriptionOf, isClosed, type AuditEntry, type PartnerRequest } from '../domain';
import { adaptiveCard, container, factSet, heading, note, textBlock } from './elements';
import { clip, formatDate, formatDateTime, orgNamer } from './format';
import { addPartnerFulfilmentBlock, gdapCompletedBlock } from './add-partner-fulfilment';
import { button } from './click';
import type { CardContext, CardOptions, DecidedModel } from './models';
import { requestFacts } from './request-facts';
import type { AdaptiveCard, CardElement, ContainerStyle } from './schema';
import { stringsFor } from './strings';

/**
 * The banner's background carries the status; its words are drawn in the default text colour, which
 * keeps WCAG AA contrast on every background (green text on the green "approved" background did not).
 */
const TONE: Record<PartnerRequest['status'], ContainerStyle> = {
  submitted: 'emphasis',
  pending_approval: 'emphasis',
  approved: 'good',
  rejected: 'attention',
  cancelled: 'emphasis',
  expired: 'warning',
  completing: 'accent',
  completed: 'good',
};

const RESUBMITTABLE: readonly PartnerRequest['status'][] = ['rejected', 'cancelled', 'expired'];

export interface DecidedOptions extends CardOptions {
  /** The reader filed the request: a closed one that can be filed again gets a File again button. */
  forRequester?: boolean;
  /** Issue 17: a reminder while the request is completing in Partner Center (see CompletionReminder). */
  completionReminder?: CompletionReminder;
}

/** The last approval of an earlier step, for a request that moved on to its next approver. */
function lastStepApproval(r: PartnerRequest): AuditEntry | undefined {
  return [...r.audit].reverse().find((e) => e.action === 'approve');
}

/** Issue 17: which organization does a step in Partner Center (the reader of a reminder is told theirs). */
export type FulfilmentSide = 'provider' | 'reseller' | 'partner' | 'customer';

/** Issue 17: the Partner Center steps left after the last approval, each with the side that does it. */
function fulfilmentLines(view: DecidedModel['view'], names: ReturnType<typeof orgNamer>, s: ReturnType<typeof stringsFor>, ctx: CardContext): { side: FulfilmentSide; text: string }[] {
  const f = s.fulfilment;
  const r = view.request;
  const sub = r.subject;
  const partnerIdOf = (id: string) => {
    const o = view.organizations.find((x) => x.id === id);
    return o && o.kind !== 'customer' ? o.partnerId : id;
  };
  if (sub.kind === 'link_distributor') {
    return [
      { side: 'provider', text: f.link.provider(names.name(sub.resellerId), partnerIdOf(sub.resellerId)) },
      { side: 'reseller', text: f.link.reseller(names.name(sub.providerId)) },
    ];
  }
  // Issue 17: an add-partner request whose link was prepared: who does what depends on whether the bot has the link.
  if (sub.kind === 'add_partner' && r.fulfilment) {
    const t = s.addPartnerLink;
    const [customer, partner] = [names.name(sub.customerId), names.name(sub.partnerId)];
    if (r.fulfilment.link === 'ready') return [{ side: 'customer', text: t.ready(customer, partner) }];
    if (r.fulfilment.link === 'partner_acts') return [{ side: 'partner', text: t.partnerActs(partner, customer) }, { side: 'customer', text: f.addPartner.customer(partner) }];
    return [{ side: 'customer', text: t.pending }];
  }
  if (sub.kind === 'add_partner') {
    return [
      { side: 'partner', text: f.addPartner.partner(names.name(sub.customerId)) },
      { side: 'customer', text: f.addPartner.customer(names.name(sub.partnerId)) },
    ];
  }
  // Multi-channel: the steps of the subscription's billing model (both when it is not known).
  const subscription = view.subscription ?? describedSubscriptionOf(sub);
  const subName = subscription?.name ?? sub.subscriptionId;
  if (subscription?.billing === 'license') {
    const termEnd = subscription.termEndsOn ? formatDate(subscription.termEndsOn, ctx, true) : undefined;
    return [
      { side: 'partner', text: f.licence.partner(names.name(sub.customerId), subName, termEnd) },
      { side: 'customer', text: f.licence.customer(names.name(sub.partnerId), subName) },
    ];
  }
  if (subscription?.billing === 'usage') {
    return [
      { side: 'partner', text: f.azure.partner(names.name(sub.customerId)) },
      { side: 'customer', text: f.azure.customer(names.name(sub.partnerId), subName) },
    ];
  }
  return [
    { side: 'partner', text: f.multichannel.partner(names.name(sub.customerId)) },
    { side: 'customer', text: f.multichannel.customer(names.name(sub.partnerId)) },
  ];
}

function fulfilmentSteps(view: DecidedModel['view'], names: ReturnType<typeof orgNamer>, s: ReturnType<typeof stringsFor>, ctx: CardContext, reminder?: CompletionReminder): CardElement[] {
  const f = s.fulfilment;
  const lines = fulfilmentLines(view, names, s, ctx);
  const yours = reminder ? lines.filter((l) => l.side === reminder.side) : [];
  const yourStep = yours.length ? [textBlock(f.reminder.yourStep, { weight: 'bolder', spacing: 'medium' }), ...yours.map((l) => textBlock(l.text, { spacing: 'small' }))] : [];
  // Issue 17: an add-partner request whose link was prepared: the link (or what the partner does) replaces the generic steps.
  if (view.request.subject.kind === 'add_partner' && view.request.fulfilment) {
    return [...yourStep, ...addPartnerFulfilmentBlock(view.request, names, s), note(f.watching, { spacing: 'small' })];
  }
  return [
    ...yourStep,
    textBlock(f.title, { weight: 'bolder', spacing: 'medium' }),
    ...lines.map((l, i) => textBlock(`${i + 1}. ${l.text}`, { spacing: 'small' })),
    note(f.watching, { spacing: 'small' }),
  ];
}

/** Issue 17: the completing card drawn as a reminder for one side: how long it has waited, or the term end coming. */
export interface CompletionReminder {
  side: FulfilmentSide;
  /** Whole days since the last approval. */
  waitedDays: number;
  /** A licence's term end the reader is reminded of (the term-end reminder) instead of the wait. */
  termEndsOn?: Date;
}

/**
 * What replaces the approval card once someone acted: approved, rejected (with the reason), cancelled
 * or expired, by whom and when. No buttons. For a two-step request whose first step was approved it says
 * so and names who decides next.
 */
export function decidedCard(model: DecidedModel, ctx: CardContext, options: DecidedOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const r = model.view.request;
  const names = orgNamer(model.view.organizations, ctx.locale);
  const tone = TONE[r.status];
  // Issue 15: the requester's copy of a rejected, cancelled or expired request offers to file it again.
  const resubmit = options.forRequester === true && RESUBMITTABLE.includes(r.status);
  const reminder = r.status === 'completing' ? options.completionReminder : undefined;
  const banner: CardElement[] = [textBlock(s.decided.title[r.status], { weight: 'bolder', size: 'medium' })];
  if (reminder) {
    banner.unshift(textBlock(reminder.termEndsOn ? s.fulfilment.reminder.termEndTitle : s.fulfilment.reminder.title, { weight: 'bolder', size: 'medium' }));
  }
  const d = r.decision;
  if (d) {
    banner.push(textBlock(s.decided.by(d.actor.name, formatDateTime(d.at, ctx)), { spacing: 'none' }));
    // Issue 17: closed by the Partner Center check: the reason in the reader's language.
    const reason = r.partnerCheck?.failed && r.status === 'rejected' ? r.partnerCheck.failed.message[ctx.locale] : d.reason;
    if (reason) banner.push(textBlock(s.labelled(s.fact.reason, clip(reason, 1000)), { spacing: 'small' }));
  } else {
    const step = lastStepApproval(r);
    if (step) banner.push(textBlock(s.decided.stepApproved(step.actor.name, formatDateTime(step.at, ctx)), { spacing: 'none' }));
    const next = r.steps[r.stage];
    if (next && !isClosed(r.status)) banner.push(textBlock(s.decided.nowAwaiting(names.name(next.orgId)), { spacing: 'none' }));
  }
  if (reminder) {
    // Issue 17: after who approved it: how long it has waited, or the licence's term end coming.
    const subName = (model.view.subscription ?? describedSubscriptionOf(r.subject))?.name ?? (r.subject.kind === 'multichannel_support' ? r.subject.subscriptionId : '');
    banner.push(textBlock(reminder.termEndsOn ? s.fulfilment.reminder.termEnd(subName, formatDate(reminder.termEndsOn, ctx, true)) : s.fulfilment.reminder.waited(reminder.waitedDays), { spacing: 'small' }));
  }
  return adaptiveCard(
    [
      heading(s.kind[r.subject.kind]),
      container(banner, { style: tone, spacing: 'medium' }),
      factSet(requestFacts(model.view, names, s, ctx), { spacing: 'medium' }),
      ...(r.status === 'completing' ? fulfilmentSteps(model.view, names, s, ctx, reminder) : []),
      ...gdapCompletedBlock(r, names, s),
      ...(isClosed(r.status) && !resubmit && r.status !== 'completing' ? [note(s.decided.noButtons, { spacing: 'medium' })] : []),
      ...(resubmit ? [note(s.work.resubmitHint, { spacing: 'medium' })] : []),
    ],
    {
      locale: ctx.locale,
      fallbackText: `${reminder ? (reminder.termEndsOn ? s.fulfilment.reminder.termEndTitle : s.fulfilment.reminder.title) : s.decided.title[r.status]}: ${r.id}`,
      ...(resubmit ? { actions: [button(s.work.button.resubmit, { verb: 'resubmit', requestId: r.id }, { ...options, inputs: 'none' })] } : {}),
    },
  );
}
