import { displayName } from '../domain';
import { INPUT_IDS } from './actions';
import { nobodyOffered, orgChoiceInputs, requestFormCard, slotsToAsk, notOfferedNote } from './form-parts';
import { markedOrgChoices } from './waiting-to-join.card';
import { container, textBlock } from './elements';
import { orgNamer } from './format';
import type { CardContext, CardOptions, LinkDistributorFormModel } from './models';
import type { AdaptiveCard, CardElement } from './schema';
import { stringsFor } from './strings';

/** A reseller chooses a distributor from the eligible ones. */
export function linkDistributorFormCard(model: LinkDistributorFormModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const values = model.values ?? {};
  const asked = slotsToAsk(['providerId'], values, model.ask);
  const names = orgNamer(model.eligibleDistributors, ctx.locale);
  const inputs: CardElement[] = [];
  let canSubmit = true;

  if (asked.includes('providerId')) {
    // Issue 18: the PartnerID typed names nobody: said plainly, above the choices.
    if (model.unknownPartnerId) inputs.push(container([textBlock(s.form.partnerIdNotFound(model.unknownPartnerId))], { style: 'warning', spacing: 'medium' }));
    if (model.eligibleDistributors.length === 0) {
      // Issue 18: why nobody is offered (each rule, how many it kept off), and what the reseller can do.
      inputs.push(...nobodyOffered('link_distributor', s.form.noneEligible.providerId, model.notOffered, s, ctx.locale));
      canSubmit = false;
    } else {
      const marked = markedOrgChoices(model.eligibleDistributors, model.notOnPartnerLink, ctx.locale);
      inputs.push(
        ...orgChoiceInputs(
          { id: INPUT_IDS.providerId, label: s.form.providerLabel, errorMessage: s.form.providerError, placeholder: s.form.providerPlaceholder, choices: marked.choices, value: values.providerId, search: model.search, typed: model.typed },
          s,
        ),
        ...marked.note,
        ...notOfferedNote(model.notOffered, s, ctx.locale),
      );
    }
  }

  const fixed = !asked.includes('providerId') && values.providerId ? values.providerId : undefined;
  return requestFormCard(
    'link_distributor',
    {
      known: [
        [s.fact.reseller, displayName(model.reseller, ctx.locale)],
        [s.fact.distributor, fixed ? names.name(fixed) : undefined],
      ],
      refusal: model.refusal,
      inputs,
      ...(canSubmit ? { submit: fixed ? { providerId: fixed } : {} } : {}),
    },
    s,
    ctx,
    options,
  );
}
