import { isClosed, type AuditEntry, type PartnerRequest } from '../domain';
import { adaptiveCard, container, factSet, heading, note, textBlock } from './elements';
import { clip, formatDateTime, orgNamer } from './format';
import { button } from './click';
import type { CardContext, CardOptions, DecidedModel } from './models';
import { requestFacts } from './request-facts';
import type { AdaptiveCard, CardElement, ContainerStyle, TextColor } from './schema';
import { stringsFor } from './strings';

const TONE: Record<PartnerRequest['status'], { style: ContainerStyle; color: TextColor }> = {
  submitted: { style: 'emphasis', color: 'default' },
  pending_approval: { style: 'emphasis', color: 'accent' },
  approved: { style: 'good', color: 'good' },
  rejected: { style: 'attention', color: 'attention' },
  cancelled: { style: 'emphasis', color: 'default' },
  expired: { style: 'warning', color: 'warning' },
  completing: { style: 'accent', color: 'accent' },
  completed: { style: 'good', color: 'good' },
};

const RESUBMITTABLE: readonly PartnerRequest['status'][] = ['rejected', 'cancelled', 'expired'];

export interface DecidedOptions extends CardOptions {
  /** The reader filed the request: a closed one that can be filed again gets a File again button. */
  forRequester?: boolean;
}

/** The last approval of an earlier step, for a request that moved on to its next approver. */
function lastStepApproval(r: PartnerRequest): AuditEntry | undefined {
  return [...r.audit].reverse().find((e) => e.action === 'approve');
}

/** Issue 17: the Partner Center steps left after the last approval, for both sides, and that the bot watches for them. */
function fulfilmentSteps(orgs: DecidedModel['view']['organizations'], r: PartnerRequest, names: ReturnType<typeof orgNamer>, s: ReturnType<typeof stringsFor>): CardElement[] {
  const f = s.fulfilment;
  const sub = r.subject;
  const partnerIdOf = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    return o && o.kind !== 'customer' ? o.partnerId : id;
  };
  const lines =
    sub.kind === 'link_distributor'
      ? [f.link.provider(names.name(sub.resellerId), partnerIdOf(sub.resellerId)), f.link.reseller(names.name(sub.providerId))]
      : sub.kind === 'add_partner'
        ? [f.addPartner.partner(names.name(sub.customerId)), f.addPartner.customer(names.name(sub.partnerId))]
        : [f.multichannel.partner(names.name(sub.customerId)), f.multichannel.customer(names.name(sub.partnerId))];
  return [
    textBlock(f.title, { weight: 'bolder', spacing: 'medium' }),
    ...lines.map((l, i) => textBlock(`${i + 1}. ${l}`, { spacing: 'small' })),
    note(f.watching, { spacing: 'small' }),
  ];
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
  const banner: CardElement[] = [textBlock(s.decided.title[r.status], { weight: 'bolder', size: 'medium', color: tone.color })];
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
  return adaptiveCard(
    [
      heading(s.kind[r.subject.kind]),
      container(banner, { style: tone.style, spacing: 'medium' }),
      factSet(requestFacts(model.view, names, s, ctx), { spacing: 'medium' }),
      ...(r.status === 'completing' ? fulfilmentSteps(model.view.organizations, r, names, s) : []),
      ...(isClosed(r.status) && !resubmit && r.status !== 'completing' ? [note(s.decided.noButtons, { spacing: 'medium' })] : []),
      ...(resubmit ? [note(s.work.resubmitHint, { spacing: 'medium' })] : []),
    ],
    {
      locale: ctx.locale,
      fallbackText: `${s.decided.title[r.status]}: ${r.id}`,
      ...(resubmit ? { actions: [button(s.work.button.resubmit, { verb: 'resubmit', requestId: r.id }, { ...options, inputs: 'none' })] } : {}),
    },
  );
}
