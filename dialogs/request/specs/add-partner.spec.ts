import { addPartnerFormCard, datasetName } from '../../../cards';
import { GDAP_ROLES, sellsToCustomers, WorkloadSchema, type GdapRoleName } from '../../../domain';
import { cardContext } from '../../turn-info';
import { notOfferedGroups } from '../eligibility-summary';
import type { Next, SlotSpec, Slots, SpecContext } from '../slot-spec';
import { namedOrganizations } from './entity-orgs';
import { resolveTyped } from '../org-search';

/** A customer asks for another partner for a workload: the workload, then the partner. */
export const addPartnerSpec: SlotSpec = {
  kind: 'add_partner',
  slots: ['workload', 'partnerId'],

  async fromEntities(recognition, ctx) {
    const slots: Slots = {};
    // The first workload named is the one asked for ("a partner for Azure; our M365 stays with X").
    const workload = recognition.entities.find((e) => e.type === 'workload');
    if (workload) slots.workload = String(workload.value);
    // A partner the customer already works with is context, not the new partner.
    const current = new Set((await ctx.deps.directory.listRelationships({ customerId: ctx.org.id })).map((r) => r.partnerId));
    const partner = (await namedOrganizations(recognition, ctx.deps.directory)).find((o) => sellsToCustomers(o) && !current.has(o.id));
    if (partner) slots.partnerId = partner.id;
    return slots;
  },

  fromForm(action) {
    if (action.form !== 'add_partner') return {};
    return {
      ...(action.workload ? { workload: action.workload } : {}),
      ...(action.partnerId ? { partnerId: action.partnerId } : {}),
      ...(action.adminRoles ? { adminRoles: action.adminRoles } : {}),
      // The typed name is kept only while nothing was picked (issue 19); '' forgets an earlier one.
      typedName: action.typedName ?? '',
    };
  },

  async choices(slots, ctx, asked) {
    // The partners offered for the workload chosen; before one is chosen, those for the workload asked about.
    const workload = WorkloadSchema.safeParse(slots.workload ?? asked);
    if (!workload.success) return [];
    const elig = await ctx.deps.service.eligiblePartners(ctx.org.id, workload.data, ctx.person);
    return elig.kind === 'refused' ? [] : elig.eligible.map((c) => c.org);
  },

  async next(slots, ctx: SpecContext): Promise<Next> {
    const cardCtx = cardContext(ctx.info);
    const refusal = ctx.refusal ? { refusal: ctx.refusal } : {};
    const workload = WorkloadSchema.safeParse(slots.workload);
    if (!workload.success || (ctx.askAll && !slots.partnerId)) {
      return { kind: 'ask', card: addPartnerFormCard({ customer: ctx.org, eligiblePartners: [], ask: ['workload'], values: {}, ...refusal }, cardCtx) };
    }
    if (slots.partnerId && !ctx.askAll) {
      const adminRoles = ctx.deps.offerAdminRoles ? adminRoleIds(slots.adminRoles) : [];
      return { kind: 'ready', subject: { kind: 'add_partner', customerId: ctx.org.id, partnerId: slots.partnerId, workload: workload.data, ...(adminRoles.length ? { adminRoles } : {}) } };
    }
    const dataset = { kind: 'add_partner', workload: workload.data } as const;
    const typed = !slots.partnerId && !ctx.askAll ? await resolveTyped(ctx.deps, dataset, ctx.org, ctx.person, slots.typedName) : {};
    if (typed.picked) return this.next({ ...slots, partnerId: typed.picked, typedName: '' }, ctx);
    const elig = await ctx.deps.service.eligiblePartners(ctx.org.id, workload.data, ctx.person);
    if (elig.kind === 'refused') return { kind: 'stop', refusals: [elig.refusal] };
    // Issue 18: nobody left to offer for this workload (a US Government customer with its one partner
    // already): the form says why, by rule, and asks the workload again so another can be chosen. It
    // used to stop with one candidate's reason ("Bellows IT SARL is not linked…"), which named a
    // partner the customer never asked about.
    if (elig.eligible.length === 0) {
      const card = addPartnerFormCard({ customer: ctx.org, eligiblePartners: [], notOffered: notOfferedGroups(elig.ineligible), ask: ['workload', 'partnerId'], values: slots, ...refusal }, cardCtx);
      return { kind: 'ask', card };
    }
    const ask = ctx.askAll ? (['workload', 'partnerId'] as const) : (['partnerId'] as const);
    const offered = typed.orgs ?? elig.eligible.map((c) => c.org);
    const notOnPartnerLink = await ctx.deps.reach.unreachableOrgIds(offered.map((o) => o.id));
    const offer = ctx.deps.offerAdminRoles ? { offerAdminRoles: true } : {};
    const search = elig.more ? { search: datasetName(dataset) } : {};
    const card = addPartnerFormCard({ customer: ctx.org, eligiblePartners: offered, notOnPartnerLink, notOffered: notOfferedGroups(elig.ineligible), ask, values: slots, ...offer, ...search, ...(typed.typed ? { typed: typed.typed } : {}), ...refusal }, cardCtx);
    return { kind: 'ask', card };
  },
};

/** Issue 17: the GDAP roles picked on the form (role names, comma-separated) as Entra role template IDs; unknown names are dropped. */
function adminRoleIds(picked: string | undefined): string[] {
  if (!picked) return [];
  const names = new Set(picked.split(',').filter((n): n is GdapRoleName => Object.hasOwn(GDAP_ROLES, n)));
  return [...names].map((n) => GDAP_ROLES[n]);
}
