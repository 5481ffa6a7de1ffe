import { DESCRIBED_NAME_MAX_LENGTH, PURCHASE_CHANNELS, WORKLOADS, WORKLOAD_LABELS, describedAsSubscription, displayName, type Subscription } from '../domain';
import { INPUT_IDS } from './actions';
import { button } from './click';
import { actionSet, choiceInput, textBlock, textInput } from './elements';
import { capped, choiceStyle, emptyList, nobodyOffered, orgChoiceInputs, requestFormCard, slotsToAsk, notOfferedNote } from './form-parts';
import { markedOrgChoices } from './waiting-to-join.card';
import { orgNamer, subscriptionLabel } from './format';
import type { CardContext, CardOptions, DescribeValues, MultichannelFormModel } from './models';
import { subscriptionFacts } from './request-facts';
import type { AdaptiveCard, CardElement, Choice } from './schema';
import { stringsFor, type CardStrings } from './strings';

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

  const describing = model.describe?.asking ? model.describe : undefined;
  const described = model.describe && !model.describe.asking ? model.describe.subject : undefined;
  if (describing) {
    inputs.push(...describeInputs(describing.values, describing.noneOnRecord === true, s, ctx));
  } else if (asked.includes('subscriptionId')) {
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
    // Issue 18: never a dead end: a subscription the directory does not hold can be described instead.
    inputs.push(actionSet([button(s.form.describe.notListed, { verb: 'submit_form', form: 'multichannel_support', describe: 'yes' }, { ...options, inputs: 'none' })], { spacing: 'small' }));
  }
  if (asked.includes('partnerId')) {
    if (model.eligiblePartners.length === 0) {
      // Issue 18: why nobody can support this subscription (each rule, how many it kept off), and what to do.
      inputs.push(...nobodyOffered('multichannel_support', s.form.noneEligible.partnerId, model.notOffered, s, ctx.locale));
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
  const sub = fixedSub ? (model.subscriptions.find((x) => x.id === fixedSub) ?? (described ? describedAsSubscription(fixedSub, model.customer.id, described) : undefined)) : undefined;
  return requestFormCard(
    'multichannel_support',
    {
      known: [
        [s.fact.customer, displayName(model.customer, ctx.locale)],
        ...(fixedSub ? subscriptionFacts(sub, fixedSub, s, ctx, described) : []),
        [s.fact.partner, fixedPartner ? names.name(fixedPartner) : undefined],
      ],
      refusal: model.refusal,
      inputs,
      ...(canSubmit
        ? { submit: { ...(fixedSub ? { subscriptionId: fixedSub } : {}), ...(fixedPartner ? { partnerId: fixedPartner } : {}), ...(describing || described ? { describe: 'yes' } : {}) } }
        : {}),
    },
    s,
    ctx,
    options,
  );
}

/** Issue 18: what a customer says about a subscription the directory does not hold; the same rules judge it. */
function describeInputs(values: DescribeValues, noneOnRecord: boolean, s: CardStrings, ctx: CardContext): CardElement[] {
  const d = s.form.describe;
  return [
    textBlock(noneOnRecord ? d.noneOnRecord : d.intro, { spacing: 'medium' }),
    textInput(INPUT_IDS.describedId, d.idLabel, { isRequired: false, placeholder: d.idPlaceholder, maxLength: 100, ...(values.describedId ? { value: values.describedId } : {}) }),
    textInput(INPUT_IDS.subscriptionName, d.nameLabel, {
      isRequired: true,
      errorMessage: d.nameError,
      placeholder: d.namePlaceholder,
      maxLength: DESCRIBED_NAME_MAX_LENGTH,
      ...(values.subscriptionName ? { value: values.subscriptionName } : {}),
    }),
    choiceInput(INPUT_IDS.subscriptionWorkload, s.form.workloadLabel, WORKLOADS.map((w) => ({ title: WORKLOAD_LABELS[w][ctx.locale], value: w })), {
      isRequired: true,
      errorMessage: s.form.workloadError,
      style: 'expanded',
      ...(values.subscriptionWorkload ? { value: values.subscriptionWorkload } : {}),
    }),
    choiceInput(INPUT_IDS.purchaseChannel, d.channelLabel, PURCHASE_CHANNELS.map((c) => ({ title: d.channels[c], value: c })), {
      isRequired: true,
      errorMessage: d.channelError,
      ...(values.purchaseChannel ? { value: values.purchaseChannel } : {}),
    }),
    choiceInput(INPUT_IDS.billing, d.billingLabel, (['license', 'usage'] as const).map((b) => ({ title: s.billing[b], value: b })), {
      isRequired: true,
      errorMessage: d.billingError,
      style: 'expanded',
      ...(values.billing ? { value: values.billing } : {}),
    }),
  ];
}
