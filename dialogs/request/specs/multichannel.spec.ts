import { createHash } from 'node:crypto';
import { datasetName, multichannelFormCard, type DescribeValues } from '../../../cards';
import {
  DescribedSubscriptionSchema,
  SubscriptionIdSchema,
  isActive,
  refusal as makeRefusal,
  sellsToCustomers,
  type DescribedSubscription,
  type Refusal,
  type Subscription,
} from '../../../domain';
import type { Recognition } from '../../recognition';
import { cardContext } from '../../turn-info';
import { notOfferedGroups, summarizeIneligible } from '../eligibility-summary';
import type { Next, SlotSpec, Slots, SpecContext } from '../slot-spec';
import { namedOrganizations } from './entity-orgs';
import { resolveTyped } from '../org-search';

/**
 * Issue 18: slots of a subscription the directory does not hold, described by the customer. `describe`
 * is 'yes' while the customer describes one (the list's choice is then ignored), '' once they pick from
 * the list again.
 */
const DESCRIBE_FIELDS = ['describedId', 'subscriptionName', 'subscriptionWorkload', 'purchaseChannel', 'billing'] as const;

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

/**
 * A GUID made from the description, for a subscription whose ID the customer does not know: the same
 * description is the same subscription (so the same request twice is seen as a duplicate). RFC 9562
 * version 8 (custom), so it can never be mistaken for an ID Microsoft issued (those are version 4).
 */
export function idFromDescription(customerId: string, d: DescribedSubscription): string {
  const h = createHash('sha256').update([customerId, d.name.toLowerCase(), d.workload, d.channel, d.billing].join('\n')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Described = { kind: 'complete'; id: string; described: DescribedSubscription } | { kind: 'incomplete'; refusal?: Refusal };

/** What the customer has said so far about a subscription not in the directory, checked by the domain's schema. */
function describedFrom(slots: Slots, customerId: string): Described {
  const typed = slots.describedId?.trim();
  let id: string | undefined;
  if (typed) {
    const parsed = SubscriptionIdSchema.safeParse(typed);
    if (!parsed.success) return { kind: 'incomplete', refusal: makeRefusal('INVALID_SUBSCRIPTION_ID', { value: typed.slice(0, 80) }, 'describedId') };
    id = parsed.data;
  }
  const parsed = DescribedSubscriptionSchema.safeParse({
    name: slots.subscriptionName,
    workload: slots.subscriptionWorkload,
    channel: slots.purchaseChannel,
    billing: slots.billing,
    idGiven: id !== undefined,
  });
  if (!parsed.success) return { kind: 'incomplete' };
  return { kind: 'complete', id: id ?? idFromDescription(customerId, parsed.data), described: parsed.data };
}

function describeValues(slots: Slots): DescribeValues {
  return Object.fromEntries(DESCRIBE_FIELDS.filter((f) => slots[f]).map((f) => [f, slots[f]!]));
}

/** A customer asks a partner to support a subscription bought elsewhere: the subscription, then the partner. */
export const multichannelSpec: SlotSpec = {
  kind: 'multichannel_support',
  slots: ['subscriptionId', 'partnerId'],

  async fromEntities(recognition, ctx) {
    const slots: Slots = {};
    const subscriptions = (await ctx.deps.directory.listSubscriptions(ctx.org.id)).filter(isActive);
    const sub = pickSubscription(subscriptions, recognition);
    if (sub) slots.subscriptionId = sub.id;
    else {
      // Issue 18: what the words say about a subscription not in the list starts its description.
      const id = recognition.entities.find((e) => e.type === 'subscription_id' || e.type === 'tenant_id')?.value;
      const channel = recognition.entities.find((e) => e.type === 'purchase_channel')?.value;
      const workload = recognition.entities.find((e) => e.type === 'workload')?.value;
      if (id) Object.assign(slots, { describe: 'yes', describedId: id });
      if (channel) slots.purchaseChannel = channel;
      if (workload) slots.subscriptionWorkload = workload;
    }
    const partner = (await namedOrganizations(recognition, ctx.deps.directory)).find(sellsToCustomers);
    if (partner) slots.partnerId = partner.id;
    return slots;
  },

  fromForm(action) {
    if (action.form !== 'multichannel_support') return {};
    const slots: Slots = {
      ...(action.subscriptionId ? { subscriptionId: action.subscriptionId } : {}),
      ...(action.partnerId ? { partnerId: action.partnerId } : {}),
      // The typed name is kept only while nothing was picked (issue 19); '' forgets an earlier one.
      typedName: action.typedName ?? '',
    };
    if (action.describe !== 'yes') {
      // Picked from the list: no longer describing one.
      if (action.subscriptionId) slots.describe = '';
      return slots;
    }
    slots.describe = 'yes';
    // The describe form itself sends every field (an emptied box clears what was typed before).
    if (DESCRIBE_FIELDS.some((f) => action[f] !== undefined)) for (const f of DESCRIBE_FIELDS) slots[f] = action[f] ?? '';
    return slots;
  },

  async choices(slots, ctx) {
    const picked = await subscriptionOf(slots, ctx);
    if (picked.kind !== 'picked') return [];
    const elig = await ctx.deps.service.eligibleMultichannelPartners(ctx.org.id, picked.id, ctx.person, picked.described);
    return elig.kind === 'refused' ? [] : elig.eligible.map((c) => c.org);
  },

  async next(slots, ctx: SpecContext): Promise<Next> {
    const cardCtx = cardContext(ctx.info);
    const refusal = ctx.refusal ? { refusal: ctx.refusal } : {};
    const picked = await subscriptionOf(slots, ctx);
    const { subscriptions } = picked;
    const describeForm = (why?: Refusal): Next => {
      const card = multichannelFormCard(
        { customer: ctx.org, subscriptions, eligiblePartners: [], ask: ['subscriptionId'], values: {}, describe: { asking: true, values: describeValues(slots), noneOnRecord: subscriptions.length === 0 }, ...(why ? { refusal: why } : refusal) },
        cardCtx,
      );
      return { kind: 'ask', card };
    };
    if (picked.kind === 'describing') return describeForm(picked.refusal);
    if (picked.kind === 'none' || (ctx.askAll && !slots.partnerId)) {
      // Changing a described subscription shows what was described, to correct it.
      if (picked.kind === 'picked' && picked.described) return describeForm();
      const card = multichannelFormCard({ customer: ctx.org, subscriptions, eligiblePartners: [], ask: ['subscriptionId'], values: {}, ...refusal }, cardCtx);
      return { kind: 'ask', card };
    }
    const { id, described } = picked;
    const base = { kind: 'multichannel_support' as const, customerId: ctx.org.id, subscriptionId: id, ...(described ? { described } : {}) };
    if (slots.partnerId && !ctx.askAll) return { kind: 'ready', subject: { ...base, partnerId: slots.partnerId } };
    const dataset = { kind: 'multichannel_support', subscriptionId: id } as const;
    const typed = !slots.partnerId && !ctx.askAll && !described ? await resolveTyped(ctx.deps, dataset, ctx.org, ctx.person, slots.typedName) : {};
    if (typed.picked) return { kind: 'ready', subject: { ...base, partnerId: typed.picked } };
    const elig = await ctx.deps.service.eligibleMultichannelPartners(ctx.org.id, id, ctx.person, described);
    if (elig.kind === 'refused') return { kind: 'stop', refusals: [elig.refusal] };
    if (elig.eligible.length === 0) {
      const reasons = summarizeIneligible(elig.ineligible);
      // A reason about the subscription itself (bought from a CSP partner, mid-term): pick another one,
      // or correct the description.
      const aboutSub = reasons.find((r) => r.field === 'subscriptionId');
      if (aboutSub && described) return describeForm(aboutSub);
      if (aboutSub) return { kind: 'retry', clear: 'subscriptionId', refusal: aboutSub };
      // Issue 18: nobody can support it. The card says so, counts by rule why, and says what the customer
      // can do; it used to stop with one candidate's reason, naming a partner the customer never asked
      // about. A partner the customer named and the rules refused keeps its own reason on top.
      const card = multichannelFormCard(
        {
          customer: ctx.org,
          subscriptions,
          eligiblePartners: [],
          notOffered: notOfferedGroups(elig.ineligible),
          ask: ['partnerId'],
          values: { ...slots, subscriptionId: id },
          ...(described ? { describe: { asking: false as const, subject: described } } : {}),
          ...refusal,
        },
        cardCtx,
      );
      return { kind: 'stop', refusals: reasons, card };
    }
    const ask = ctx.askAll ? (['subscriptionId', 'partnerId'] as const) : (['partnerId'] as const);
    const offered = typed.orgs ?? elig.eligible.map((c) => c.org);
    const notOnPartnerLink = await ctx.deps.reach.unreachableOrgIds(offered.map((o) => o.id));
    const search = elig.more && !described ? { search: datasetName(dataset) } : {};
    const card = multichannelFormCard(
      {
        customer: ctx.org,
        subscriptions,
        eligiblePartners: offered,
        notOnPartnerLink,
        notOffered: notOfferedGroups(elig.ineligible),
        ask,
        values: { ...slots, subscriptionId: id },
        ...(described ? { describe: { asking: false as const, subject: described } } : {}),
        ...search,
        ...(typed.typed ? { typed: typed.typed } : {}),
        ...refusal,
      },
      cardCtx,
    );
    return { kind: 'ask', card };
  },
};

type Picked =
  | { kind: 'picked'; id: string; described?: DescribedSubscription; subscriptions: Subscription[] }
  | { kind: 'describing'; refusal?: Refusal; subscriptions: Subscription[] }
  | { kind: 'none'; subscriptions: Subscription[] };

/**
 * The subscription the slots name: one of the customer's from the list, or (issue 18) one the customer
 * described; with no subscription on record at all, describing it is the only way on (never a dead end).
 */
async function subscriptionOf(slots: Slots, ctx: SpecContext): Promise<Picked> {
  // A subscription Partner Center stopped showing is kept in the directory but not offered.
  const subscriptions = (await ctx.deps.directory.listSubscriptions(ctx.org.id)).filter(isActive);
  if (slots.describe === 'yes' || subscriptions.length === 0) {
    const d = describedFrom(slots, ctx.org.id);
    if (d.kind === 'incomplete') return { kind: 'describing', ...(d.refusal ? { refusal: d.refusal } : {}), subscriptions };
    // The ID typed is one of the customer's own on record: that one, as the directory holds it.
    const own = subscriptions.find((s) => s.id === d.id);
    return own ? { kind: 'picked', id: own.id, subscriptions } : { kind: 'picked', id: d.id, described: d.described, subscriptions };
  }
  const sub = subscriptions.find((s) => s.id === slots.subscriptionId);
  return sub ? { kind: 'picked', id: sub.id, subscriptions } : { kind: 'none', subscriptions };
}
