import { WORKLOAD_LABELS, displayName, type Subscription } from '../domain';
import { INPUT_IDS } from './actions';
import { choiceInput } from './elements';
import { capped, choiceStyle, emptyList, orgChoiceInputs, requestFormCard, slotsToAsk, notOfferedNote } from './form-parts';
import { markedOrgChoices } from './waiting-to-join.card';
import { orgNamer, subscriptionLabel } from './format';
import type { CardContext, CardOptions, MultichannelFormModel } from './models';
import { subscriptionFacts } from './request-facts';
import type { AdaptiveCard, CardElement, Choice } from './schema';
import { stringsFor } from './strings';

type Slot = 'subscriptionId' | 'partnerId';

function subscriptionChoice(sub: Subscription, locale: 'en' | 'ja'): Choice {
  return { title: subscriptionLabel(sub.name, WORKLOAD_LABELS[sub.workload][locale]), value: sub.id };
}

/** A customer chooses a subscription bought elsewhere and the CSP partner to support it (multi-channel). */
export function multichannelFormCard(model: MultichannelFormModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const values = model.values ?? {};
  const asked = slotsToAsk<Slot>(['subscriptionId', 'partnerId'], values, model.ask);
  const names = orgNamer(model.eligiblePartners, ctx.locale);
  const inputs: CardElement[] = [];
  let canSubmit = true;

  if (asked.includes('subscriptionId')) {
    if (model.subscriptions.length === 0) {
      inputs.push(emptyList(s.form.noneEligible.subscriptionId));
      canSubmit = false;
    } else {
      const list = capped(model.subscriptions.map((sub) => subscriptionChoice(sub, ctx.locale)), s);
      inputs.push(
        choiceInput(INPUT_IDS.subscriptionId, s.form.subscriptionLabel, list.choices, {
          isRequired: true,
          errorMessage: s.form.subscriptionError,
          placeholder: s.form.subscriptionPlaceholder,
          style: choiceStyle(list.choices.length),
          ...(values.subscriptionId ? { value: values.subscriptionId } : {}),
        }),
        ...list.more,
      );
    }
  }
  if (asked.includes('partnerId')) {
    if (model.eligiblePartners.length === 0) {
      inputs.push(emptyList(s.form.noneEligible.partnerId));
      canSubmit = false;
    } else {
      const marked = markedOrgChoices(model.eligiblePartners, model.notOnPartnerLink, ctx.locale);
      inputs.push(
        ...orgChoiceInputs(
          { id: INPUT_IDS.partnerId, label: s.form.partnerLabel, errorMessage: s.form.partnerError, placeholder: s.form.partnerPlaceholder, choices: marked.choices, value: values.partnerId, search: model.search, typed: model.typed },
          s,
        ),
        ...marked.note,
        ...notOfferedNote(model.notOffered, s, ctx.locale),
      );
    }
  }

  const fixedSub = !asked.includes('subscriptionId') ? values.subscriptionId : undefined;
  const fixedPartner = !asked.includes('partnerId') ? values.partnerId : undefined;
  const sub = fixedSub ? model.subscriptions.find((x) => x.id === fixedSub) : undefined;
  return requestFormCard(
    'multichannel_support',
    {
      known: [
        [s.fact.customer, displayName(model.customer, ctx.locale)],
        ...(fixedSub ? subscriptionFacts(sub, fixedSub, s, ctx) : []),
        [s.fact.partner, fixedPartner ? names.name(fixedPartner) : undefined],
      ],
      refusal: model.refusal,
      inputs,
      ...(canSubmit ? { submit: { ...(fixedSub ? { subscriptionId: fixedSub } : {}), ...(fixedPartner ? { partnerId: fixedPartner } : {}) } } : {}),
    },
    s,
    ctx,
    options,
  );
}
