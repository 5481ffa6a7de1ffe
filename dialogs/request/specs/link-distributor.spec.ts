import { datasetName, linkDistributorFormCard } from '../../../cards';
import type { Organization } from '../../../domain';
import { cardContext } from '../../turn-info';
import { notOfferedGroups, summarizeIneligible } from '../eligibility-summary';
import type { Next, SlotSpec, Slots, SpecContext } from '../slot-spec';
import { namedOrganizations } from './entity-orgs';
import { resolveTyped } from '../org-search';

const DATASET = { kind: 'link_distributor' } as const;

const partnerIdOf = (o: Organization): string | undefined => ('partnerId' in o ? o.partnerId : undefined);

/** A reseller asks to be linked with a distributor: one slot, the distributor. */
export const linkDistributorSpec: SlotSpec = {
  kind: 'link_distributor',
  slots: ['providerId'],

  async fromEntities(recognition, ctx): Promise<Slots> {
    const named = await namedOrganizations(recognition, ctx.deps.directory);
    const provider = named.find((o) => o.kind === 'indirect_provider');
    // Named now: an earlier PartnerID that named nobody no longer stands above the choices.
    if (provider) return { providerId: provider.id, unknownPartnerId: '' };
    // Issue 18: a PartnerID asked for by number is answered plainly. One of another kind of organization
    // (a reseller, a direct-bill partner) is taken, so that the rules refuse it with their reason and the
    // form offers the distributors instead; one that nobody has is said so on the form. The reseller's own
    // PartnerID is context ("we are 7023456"), not the distributor.
    const ids = recognition.entities.filter((e) => e.type === 'partner_id').map((e) => e.value);
    const other = named.find((o) => o.id !== ctx.org.id && ids.includes(partnerIdOf(o) ?? ''));
    if (other) return { providerId: other.id, unknownPartnerId: '' };
    const unknown = ids.find((id) => !named.some((o) => partnerIdOf(o) === id) && id !== partnerIdOf(ctx.org));
    return unknown ? { unknownPartnerId: unknown } : {};
  },

  fromForm(action): Slots {
    if (action.form !== 'link_distributor') return {};
    // The typed name is kept only while nothing was picked (issue 19); '' forgets an earlier one.
    // A PartnerID typed earlier that named nobody is answered by what the form sends now.
    return { ...(action.providerId ? { providerId: action.providerId } : {}), typedName: action.typedName ?? '', unknownPartnerId: '' };
  },

  async choices(_slots, ctx) {
    const elig = await ctx.deps.service.eligibleDistributors(ctx.org.id, ctx.person);
    return elig.kind === 'refused' ? [] : elig.eligible.map((c) => c.org);
  },

  async next(slots: Slots, ctx: SpecContext): Promise<Next> {
    if (slots.providerId && !ctx.askAll) {
      return { kind: 'ready', subject: { kind: 'link_distributor', resellerId: ctx.org.id, providerId: slots.providerId } };
    }
    const typed = !slots.providerId && !ctx.askAll ? await resolveTyped(ctx.deps, DATASET, ctx.org, ctx.person, slots.typedName) : {};
    if (typed.picked) return { kind: 'ready', subject: { kind: 'link_distributor', resellerId: ctx.org.id, providerId: typed.picked } };
    const elig = await ctx.deps.service.eligibleDistributors(ctx.org.id, ctx.person);
    if (elig.kind === 'refused') return { kind: 'stop', refusals: [elig.refusal] };
    const unknown = slots.unknownPartnerId ? { unknownPartnerId: slots.unknownPartnerId } : {};
    // Issue 18: nobody to offer. The card says why, summed up over the candidates (by rule), and what the
    // reseller can do; it used to give one candidate's reason, as if that were the only distributor.
    if (elig.eligible.length === 0) {
      // A distributor the reseller named and the rules refused keeps its own reason on top.
      const card = linkDistributorFormCard(
        { reseller: ctx.org, eligibleDistributors: [], notOffered: notOfferedGroups(elig.ineligible), values: slots, ...unknown, ...(ctx.refusal ? { refusal: ctx.refusal } : {}) },
        cardContext(ctx.info),
      );
      return { kind: 'stop', refusals: summarizeIneligible(elig.ineligible), card };
    }
    const offered = typed.orgs ?? elig.eligible.map((c) => c.org);
    const card = linkDistributorFormCard(
      {
        reseller: ctx.org,
        eligibleDistributors: offered,
        notOnPartnerLink: await ctx.deps.reach.unreachableOrgIds(offered.map((o) => o.id)),
        ...(elig.more ? { search: datasetName(DATASET) } : {}),
        ...(typed.typed ? { typed: typed.typed } : {}),
        values: slots,
        ...unknown,
        notOffered: notOfferedGroups(elig.ineligible),
        // "Change" on the confirmation: the distributor is asked again, with its choices (as the other specs do).
        ...(ctx.askAll ? { ask: ['providerId'] as const } : {}),
        ...(ctx.refusal ? { refusal: ctx.refusal } : {}),
      },
      cardContext(ctx.info),
    );
    return { kind: 'ask', card };
  },
};
