import { displayName } from '../domain';
import { INPUT_IDS } from './actions';
import { adaptiveCard, choiceInput, heading, textBlock } from './elements';
import { capped, choiceStyle, emptyList, formButtons, knownSection, orgChoice, refusalBanner, slotsToAsk } from './form-parts';
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
    if (model.eligibleDistributors.length === 0) {
      inputs.push(emptyList(s.form.noneEligible.providerId));
      canSubmit = false;
    } else {
      const list = capped(model.eligibleDistributors.map((o) => orgChoice(o, ctx.locale)), s);
      inputs.push(
        choiceInput(INPUT_IDS.providerId, s.form.providerLabel, list.choices, {
          isRequired: true,
          errorMessage: s.form.providerError,
          placeholder: s.form.providerPlaceholder,
          style: choiceStyle(list.choices.length),
          ...(values.providerId ? { value: values.providerId } : {}),
        }),
        ...list.more,
      );
    }
  }

  const known = knownSection(
    [
      [s.fact.reseller, displayName(model.reseller, ctx.locale)],
      [s.fact.distributor, !asked.includes('providerId') && values.providerId ? names.name(values.providerId) : undefined],
    ],
    s,
  );
  const fixed = !asked.includes('providerId') && values.providerId ? { providerId: values.providerId } : {};
  return adaptiveCard(
    [
      heading(s.form.title.link_distributor),
      textBlock(s.form.intro.link_distributor),
      ...known,
      ...refusalBanner(model.refusal, ctx.locale),
      ...inputs,
      formButtons(canSubmit ? { verb: 'submit_form', form: 'link_distributor', ...fixed } : undefined, s, options),
    ],
    { locale: ctx.locale, fallbackText: s.form.title.link_distributor },
  );
}
