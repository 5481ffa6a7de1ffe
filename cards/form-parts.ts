import { WORKLOAD_LABELS, displayName, type Locale, type Organization, type Refusal } from '../domain';
import { button, type Click } from './click';
import { actionSet, adaptiveCard, bullets, choiceInput, container, factSet, heading, note, textBlock, textInput } from './elements';
import type { FactPair } from './request-facts';
import { INPUT_IDS, type FormName, type InputId } from './actions';
import type { CardContext, CardOptions, NotOfferedGroup } from './models';
import type { AdaptiveCard, CardActionElement, CardElement, Choice } from './schema';
import type { CardStrings } from './strings';

/** Long lists are cut here, so that a big directory cannot push a card past the hosts' size limits. */
export const MAX_CHOICES = 50;
/**
 * Issue 19: a searchable choice lists only this many best choices (Teams' typeahead drop-down shows 15
 * at a time); the rest are found by searching or typing a name.
 */
export const SEARCHABLE_LISTED = 15;
/** Up to this many choices show as radio buttons; more as a drop-down. */
const EXPANDED_UP_TO = 5;

/** The slots to ask: those named in `ask`, else those without a value. */
export function slotsToAsk<Slot extends string>(all: readonly Slot[], values: Partial<Record<Slot, string>>, ask?: readonly Slot[]): Slot[] {
  return all.filter((slot) => (ask ? ask.includes(slot) : !values[slot]));
}

/** Radio buttons for a few choices; undefined (the schema's default, a drop-down) for more. */
export function choiceStyle(count: number): 'expanded' | undefined {
  return count <= EXPANDED_UP_TO ? 'expanded' : undefined;
}

/** A partner or distributor as a choice: its name and PartnerID, and optionally what it offers. */
export function orgChoice(org: Organization, locale: Locale, withWorkloads = false): Choice {
  const id = org.kind === 'customer' ? '' : ` (PartnerID ${org.partnerId})`;
  const offers =
    withWorkloads && org.kind !== 'customer' && org.workloads.length > 0
      ? ` · ${org.workloads.map((w) => WORKLOAD_LABELS[w][locale]).join(', ')}`
      : '';
  return { title: `${displayName(org, locale)}${id}${offers}`, value: org.id };
}

/** Caps a list of choices, saying how many were left out. */
export function capped(choices: readonly Choice[], s: CardStrings): { choices: Choice[]; more: CardElement[] } {
  const extra = choices.length - MAX_CHOICES;
  return {
    choices: choices.slice(0, MAX_CHOICES),
    more: extra > 0 ? [note(s.form.moreNotShown(extra), { spacing: 'none' })] : [],
  };
}

export interface OrgChoiceSpec {
  id: InputId;
  label: string;
  errorMessage: string;
  placeholder: string;
  choices: readonly Choice[];
  value?: string | undefined;
  /** The dataset to search (see FormBase.search); unset: a plain list, capped. */
  search?: string | undefined;
  /** What came of a typed name (see FormBase.typed). */
  typed?: { outcome: 'none' | 'several'; text: string } | undefined;
}

function typedNote(typed: OrgChoiceSpec['typed'], s: CardStrings): CardElement[] {
  if (!typed) return [];
  const text = typed.outcome === 'none' ? s.form.typedNameNoMatch(typed.text) : s.form.typedNameSeveral(typed.text);
  return [container([textBlock(text)], { style: 'warning', spacing: 'medium' })];
}

/**
 * The organization choice of a form. A plain list (capped at MAX_CHOICES) when every eligible choice
 * fits; otherwise (issue 19) the best few, a typeahead over the rest (`choices.data`), and a box for a
 * typed name, for hosts that cannot search. Neither is required then: the dialog checks that one of
 * the two was given, and that a typed name matches exactly one eligible organization.
 */
export function orgChoiceInputs(spec: OrgChoiceSpec, s: CardStrings): CardElement[] {
  if (!spec.search) {
    const list = capped(spec.choices, s);
    return [
      ...typedNote(spec.typed, s),
      choiceInput(spec.id, spec.label, list.choices, {
        isRequired: true,
        errorMessage: spec.errorMessage,
        placeholder: spec.placeholder,
        style: choiceStyle(list.choices.length),
        ...(spec.value ? { value: spec.value } : {}),
      }),
      ...list.more,
    ];
  }
  const listed = spec.choices.slice(0, SEARCHABLE_LISTED);
  const choice = choiceInput(spec.id, spec.label, listed, { placeholder: s.form.searchPlaceholder, style: 'filtered', ...(spec.value ? { value: spec.value } : {}) });
  return [
    ...typedNote(spec.typed, s),
    { ...choice, 'choices.data': { type: 'Data.Query', dataset: spec.search, count: SEARCHABLE_LISTED } },
    textInput(INPUT_IDS.typedName, s.form.typedNameLabel, { placeholder: s.form.typedNamePlaceholder, maxLength: 200 }),
    note(s.form.searchHint, { spacing: 'small' }),
  ];
}

/** Why the dialog asks again, in the reader's language, above the inputs. */
export function refusalBanner(refusal: Refusal | undefined, locale: Locale): CardElement[] {
  if (!refusal) return [];
  return [container([textBlock(refusal.message[locale])], { style: 'attention', spacing: 'medium' })];
}

/** The values already known, shown as facts above the inputs. */
export function knownSection(pairs: readonly FactPair[], s: CardStrings): CardElement[] {
  const set = factSet(pairs);
  return set.facts.length > 0 ? [textBlock(s.form.known, { weight: 'bolder', spacing: 'medium' }), set] : [];
}

export function emptyList(text: string): CardElement {
  return container([textBlock(text)], { style: 'warning', spacing: 'medium' });
}

/** Continue (when there is something to send) and Start over, under the inputs. */
export function formButtons(submit: Click | undefined, s: CardStrings, options: CardOptions): CardElement {
  const actions: CardActionElement[] = [];
  if (submit) actions.push(button(s.button.continue, submit, { ...options, style: 'positive' }));
  actions.push(button(s.button.cancel, { verb: 'start_over' }, { ...options, inputs: 'none' }));
  return actionSet(actions, { spacing: 'medium' });
}

export interface RequestFormParts {
  /** What is already known, as facts (pairs without a value are left out). */
  known: readonly FactPair[];
  refusal?: Refusal;
  inputs: readonly CardElement[];
  /** The known slot values Continue sends back with the inputs; undefined when nothing can be sent. */
  submit?: Record<string, string>;
}

/** The layout every request form shares: title, intro, known facts, why it was re-asked, inputs, buttons. */
export function requestFormCard(form: FormName, parts: RequestFormParts, s: CardStrings, ctx: CardContext, options: CardOptions): AdaptiveCard {
  return adaptiveCard(
    [
      heading(s.form.title[form]),
      textBlock(s.form.intro[form]),
      ...knownSection(parts.known, s),
      ...refusalBanner(parts.refusal, ctx.locale),
      ...parts.inputs,
      formButtons(parts.submit ? ({ verb: 'submit_form', form, ...parts.submit } as Click) : undefined, s, options),
    ],
    { locale: ctx.locale, fallbackText: s.form.title[form] },
  );
}

/**
 * Issue 18: nobody can be offered. The warning, why (each rule and how many it kept off), and what the
 * person can do about it; without reasons, the warning alone.
 */
export function nobodyOffered(form: FormName, empty: string, groups: readonly NotOfferedGroup[] | undefined, s: CardStrings, locale: Locale): CardElement[] {
  const why = notOfferedNote(groups, s, locale, true);
  return [emptyList(empty), ...why, ...(why.length ? [textBlock(s.notOffered.whatToDo[form], { spacing: 'small' })] : [])];
}

/**
 * Issue 18: why a list of choices is short: how many candidates each rule kept off it, in plain words
 * (or, for a rule about the asker itself, such as one partner in a national cloud, that rule's reason).
 */
export function notOfferedNote(groups: readonly NotOfferedGroup[] | undefined, s: CardStrings, locale: Locale, empty = false): CardElement[] {
  if (!groups || groups.length === 0) return [];
  const total = groups.reduce((n, g) => n + g.count, 0);
  const lines = groups.map((g) => s.notOffered.line(g.count, s.notOffered.because[g.code] ?? g.example[locale]));
  const title = empty ? s.notOffered.emptyTitle(total) : s.notOffered.title(total);
  return [container([textBlock(title, { size: 'small', weight: 'bolder' }), bullets(lines, { spacing: 'none' })], { spacing: 'small' })];
}
