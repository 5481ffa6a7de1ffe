import { datasetName, multichannelFormCard } from '../../../cards';
import { isActive, refusal as makeRefusal, sellsToCustomers, type Subscription } from '../../../domain';
import type { Recognition } from '../../recognition';
import { cardContext } from '../../turn-info';
import { notOfferedGroups, summarizeIneligible } from '../eligibility-summary';
import type { Next, SlotSpec, Slots, SpecContext } from '../slot-spec';
import { namedOrganizations } from './entity-orgs';
import { resolveTyped } from '../org-search';

/** The one subscription the text points at: by ID, or the only one matching the channel and workload named. */
function pickSubscription(subs: readonly Subscription[], entities: Recognition): Subscription | undefined {
  const byId = entities.entities.find((e) => e.type === 'subscription_id' || e.type === 'tenant_id');
  if (byId) {
    const sub = subs.find((s) => s.id === byId.value);
    if (sub) return sub;
  }
  const channel = entities.entities.find((e) => e.type === 'purchase_channel')?.value;
  const workload = entities.entities.find((e) => e.type === 'workload')?.value;
  if (!channel && !workload) return undefined;
  const matches = subs.filter((s) => (!channel || s.channel === channel) && (!workload || s.workload === workload));
  return matches.length === 1 ? matches[0] : undefined;
}

/** A customer asks a partner to support a subscription bought elsewhere: the subscription, then the partner. */
export const multichannelSpec: SlotSpec = {
  kind: 'multichannel_support',
  slots: ['subscriptionId', 'partnerId'],

  async fromEntities(recognition, ctx) {
    const slots: Slots = {};
    const sub = pickSubscription((await ctx.deps.directory.listSubscriptions(ctx.org.id)).filter(isActive), recognition);
    if (sub) slots.subscriptionId = sub.id;
    const partner = (await namedOrganizations(recognition, ctx.deps.directory)).find(sellsToCustomers);
    if (partner) slots.partnerId = partner.id;
    return slots;
  },

  fromForm(action) {
    if (action.form !== 'multichannel_support') return {};
    // The typed name is kept only while nothing was picked (issue 19); '' forgets an earlier one.
    return { ...(action.subscriptionId ? { subscriptionId: action.subscriptionId } : {}), ...(action.partnerId ? { partnerId: action.partnerId } : {}), typedName: action.typedName ?? '' };
  },

  async choices(slots, ctx) {
    if (!slots.subscriptionId) return [];
    const elig = await ctx.deps.service.eligibleMultichannelPartners(ctx.org.id, slots.subscriptionId, ctx.person);
    return elig.kind === 'refused' ? [] : elig.eligible.map((c) => c.org);
  },

  async next(slots, ctx: SpecContext): Promise<Next> {
    const cardCtx = cardContext(ctx.info);
    const refusal = ctx.refusal ? { refusal: ctx.refusal } : {};
    // A subscription Partner Center stopped showing is kept in the directory but not offered.
    const subscriptions = (await ctx.deps.directory.listSubscriptions(ctx.org.id)).filter(isActive);
    if (subscriptions.length === 0) {
      return { kind: 'stop', refusals: [makeRefusal('UNKNOWN_SUBSCRIPTION', { value: '—' })] };
    }
    const sub = subscriptions.find((s) => s.id === slots.subscriptionId);
    if (!sub || (ctx.askAll && !slots.partnerId)) {
      const card = multichannelFormCard({ customer: ctx.org, subscriptions, eligiblePartners: [], ask: ['subscriptionId'], values: {}, ...refusal }, cardCtx);
      return { kind: 'ask', card };
    }
    if (slots.partnerId && !ctx.askAll) {
      return { kind: 'ready', subject: { kind: 'multichannel_support', customerId: ctx.org.id, partnerId: slots.partnerId, subscriptionId: sub.id } };
    }
    const dataset = { kind: 'multichannel_support', subscriptionId: sub.id } as const;
    const typed = !slots.partnerId && !ctx.askAll ? await resolveTyped(ctx.deps, dataset, ctx.org, ctx.person, slots.typedName) : {};
    if (typed.picked) return { kind: 'ready', subject: { kind: 'multichannel_support', customerId: ctx.org.id, partnerId: typed.picked, subscriptionId: sub.id } };
    const elig = await ctx.deps.service.eligibleMultichannelPartners(ctx.org.id, sub.id, ctx.person);
    if (elig.kind === 'refused') return { kind: 'stop', refusals: [elig.refusal] };
    if (elig.eligible.length === 0) {
      const reasons = summarizeIneligible(elig.ineligible);
      // A reason about the subscription itself (bought from a CSP partner, mid-term): pick another one.
      const aboutSub = reasons.find((r) => r.field === 'subscriptionId');
      if (aboutSub) return { kind: 'retry', clear: 'subscriptionId', refusal: aboutSub };
      return { kind: 'stop', refusals: reasons };
    }
    const ask = ctx.askAll ? (['subscriptionId', 'partnerId'] as const) : (['partnerId'] as const);
    const offered = typed.orgs ?? elig.eligible.map((c) => c.org);
    const notOnPartnerLink = await ctx.deps.reach.unreachableOrgIds(offered.map((o) => o.id));
    const search = elig.more ? { search: datasetName(dataset) } : {};
    const card = multichannelFormCard({ customer: ctx.org, subscriptions, eligiblePartners: offered, notOnPartnerLink, notOffered: notOfferedGroups(elig.ineligible), ask, values: slots, ...search, ...(typed.typed ? { typed: typed.typed } : {}), ...refusal }, cardCtx);
    return { kind: 'ask', card };
  },
};
