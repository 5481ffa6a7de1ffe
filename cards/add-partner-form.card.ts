import { GDAP_ROLES, WORKLOADS, WORKLOAD_LABELS, WorkloadSchema, displayName, type GdapRoleName } from '../domain';
import { INPUT_IDS } from './actions';
import { choiceInput, note } from './elements';
import { choiceStyle, nobodyOffered, orgChoiceInputs, requestFormCard, slotsToAsk, notOfferedNote } from './form-parts';
import { markedOrgChoices } from './waiting-to-join.card';
import { orgNamer } from './format';
import type { AddPartnerFormModel, CardContext, CardOptions } from './models';
import type { AdaptiveCard, CardElement } from './schema';
import { stringsFor } from './strings';

type Slot = 'workload' | 'partnerId';

/** A customer chooses a workload and a partner for it (multi-partner). */
export function addPartnerFormCard(model: AddPartnerFormModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const values = model.values ?? {};
  const asked = slotsToAsk<Slot>(['workload', 'partnerId'], values, model.ask);
  const names = orgNamer(model.eligiblePartners, ctx.locale);
  const inputs: CardElement[] = [];
  let canSubmit = true;

  if (asked.includes('workload')) {
    const workloads = model.workloads ?? WORKLOADS;
    inputs.push(
      choiceInput(INPUT_IDS.workload, s.form.workloadLabel, workloads.map((w) => ({ title: WORKLOAD_LABELS[w][ctx.locale], value: w })), {
        isRequired: true,
        errorMessage: s.form.workloadError,
        style: choiceStyle(workloads.length),
        ...(values.workload ? { value: values.workload } : {}),
      }),
    );
  }
  if (asked.includes('partnerId')) {
    if (model.eligiblePartners.length === 0) {
      // Issue 18: say why nobody is offered; while the workload is asked too, another one can be chosen.
      inputs.push(...nobodyOffered('add_partner', s.form.noneEligible.partnerId, model.notOffered, s, ctx.locale));
      canSubmit = asked.includes('workload');
    } else {
      // Without a workload yet, each partner's workloads are shown so the person can match them.
      const marked = markedOrgChoices(model.eligiblePartners, model.notOnPartnerLink, ctx.locale, asked.includes('workload'));
      inputs.push(
        ...orgChoiceInputs(
          { id: INPUT_IDS.partnerId, label: s.form.partnerLabel, errorMessage: s.form.partnerError, placeholder: s.form.partnerPlaceholder, choices: marked.choices, value: values.partnerId, search: model.search, typed: model.typed },
          s,
        ),
        ...marked.note,
        ...notOfferedNote(model.notOffered, s, ctx.locale),
      );
      // Issue 17: admin access for the partner (GDAP), optional; least privileged roles only.
      if (model.offerAdminRoles) {
        const roles = (Object.keys(GDAP_ROLES) as GdapRoleName[]).map((k) => ({ title: s.addPartnerLink.roles[k], value: k }));
        inputs.push(choiceInput(INPUT_IDS.adminRoles, s.addPartnerLink.formLabel, roles, { style: 'expanded', isMultiSelect: true }), note(s.addPartnerLink.formHint, { spacing: 'small' }));
      }
    }
  }

  const workload = WorkloadSchema.safeParse(values.workload);
  const fixedWorkload = !asked.includes('workload') && workload.success ? workload.data : undefined;
  const fixedPartner = !asked.includes('partnerId') ? values.partnerId : undefined;
  return requestFormCard(
    'add_partner',
    {
      known: [
        [s.fact.customer, displayName(model.customer, ctx.locale)],
        [s.fact.workload, fixedWorkload ? WORKLOAD_LABELS[fixedWorkload][ctx.locale] : undefined],
        [s.fact.partner, fixedPartner ? names.name(fixedPartner) : undefined],
      ],
      refusal: model.refusal,
      inputs,
      ...(canSubmit ? { submit: { ...(fixedWorkload ? { workload: fixedWorkload } : {}), ...(fixedPartner ? { partnerId: fixedPartner } : {}) } } : {}),
    },
    s,
    ctx,
    options,
  );
}
