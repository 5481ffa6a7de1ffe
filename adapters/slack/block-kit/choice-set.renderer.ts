import type { OptionObject } from './block-kit.types';
import { pushInput, placeholderOf, plainText, type ElementSpec } from './input-block';
import { choicesOf, initialChoices, isExpanded } from './input-values';
import { asRecord, getBool, getString, type JsonRecord } from './json-access';
import { searchActionId } from './search-action-id';
import { renderTextInput } from './input.renderer';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { cleanText, isBlank } from './text-fit';

/**
 * Input.ChoiceSet: compact/filtered -> static_select or multi_static_select; expanded -> radio_buttons
 * or checkboxes (Slack allows 10 options there, so a longer expanded list becomes a menu). Menus take
 * 100 options; beyond that the first 100 are shown and the hint says so. Option values are the choice
 * values, or tokens when a value is longer than 150 chars (see input-ids.codec.ts).
 */
export function renderChoiceSet(el: JsonRecord, path: string, ctx: RenderContext): void {
  const choices = choicesOf(el);
  if (renderSearched(el, choices, ctx)) return;
  // Nothing to pick from (e.g. 1.6 dynamic choices): a text box keeps the input answerable.
  if (choices.length === 0) return renderTextInput({ ...el, type: 'Input.Text', value: undefined }, path, ctx);

  const multi = getBool(el, 'isMultiSelect') === true;
  const expanded = isExpanded(el) && choices.length <= LIMITS.toggleOptions;
  const shown = choices.slice(0, LIMITS.selectOptions);
  let hint: string | undefined;
  if (shown.length < choices.length) {
    ctx.cut();
    hint = ctx.strings.someChoicesHidden(shown.length, choices.length);
  }
  const options: OptionObject[] = shown.map((c) => {
    const title = cleanText(c.title).trim();
    const text = isBlank(title) ? (isBlank(c.value) ? '—' : cleanText(c.value).trim()) : title;
    return { text: plainText(ctx.plain(text || '—', LIMITS.optionText)), value: ctx.optionValue(c.value) };
  });
  const byValue = new Map(shown.map((c, i) => [c.value, options[i]!]));
  const initial = initialChoices(el, shown).map((v) => byValue.get(v)!);
  const placeholder = placeholderOf(el, ctx);

  let element: ElementSpec;
  if (expanded && multi) {
    element = { type: 'checkboxes', options, ...(initial.length ? { initial_options: initial } : {}) };
  } else if (expanded) {
    element = { type: 'radio_buttons', options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
  } else if (multi) {
    element = { type: 'multi_static_select', options, ...(initial.length ? { initial_options: initial } : {}) };
    if (placeholder) element.placeholder = placeholder;
  } else {
    element = { type: 'static_select', options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
    if (placeholder) element.placeholder = placeholder;
  }
  pushInput(el, multi ? 'multiChoice' : 'choice', element, ctx, hint ? { hint } : {});
}

/**
 * Issue 19: a choice with `choices.data` (Teams' typeahead) becomes an external_select: Slack asks the
 * app for options as the person types (block_suggestion, answered like Teams' application/search), so
 * the card's listed choices are not needed here. Single choices only; false when it does not apply.
 */
function renderSearched(el: JsonRecord, choices: ReturnType<typeof choicesOf>, ctx: RenderContext): boolean {
  const query = asRecord(el['choices.data']);
  const dataset = query && getString(query, 'type') === 'Data.Query' ? getString(query, 'dataset') : undefined;
  const actionId = dataset ? searchActionId(dataset) : undefined;
  if (!actionId || getBool(el, 'isMultiSelect') === true) return false;
  const chosen = initialChoices(el, choices)[0];
  const title = chosen !== undefined ? cleanText(choices.find((c) => c.value === chosen)?.title ?? chosen).trim() : undefined;
  const placeholder = placeholderOf(el, ctx);
  const element: ElementSpec = {
    type: 'external_select',
    // Options load when the menu opens (the best choices), then as the person types.
    min_query_length: 0,
    ...(chosen !== undefined ? { initial_option: { text: plainText(ctx.plain(title || chosen, LIMITS.optionText)), value: ctx.optionValue(chosen) } } : {}),
    ...(placeholder ? { placeholder } : {}),
  };
  pushInput(el, 'choice', element, ctx, { actionId });
  return true;
}
