import { renderActions } from './action.renderer';
import { childPath } from './card-paths';
import { pushInput, labelOf, placeholderOf, plainText, type ElementSpec } from './input-block';
import { isDate, toTime, toggleValues } from './input-values';
import { asRecord, getBool, getNumber, getText, type JsonRecord } from './json-access';
import { markdownToPlain } from './mrkdwn.converter';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { isBlank } from './text-fit';

/** Input.Text, Input.Number, Input.Date, Input.Time and Input.Toggle as Slack input blocks. */
export function renderTextInput(el: JsonRecord, path: string, ctx: RenderContext): void {
  const max = getNumber(el, 'maxLength');
  const maxLength = max !== undefined && max >= 1 ? Math.min(Math.floor(max), LIMITS.plainTextInput) : undefined;
  const value = getText(el, 'value');
  const element: ElementSpec = { type: 'plain_text_input' };
  if (getBool(el, 'isMultiline')) element.multiline = true;
  if (maxLength !== undefined) element.max_length = maxLength;
  if (value) element.initial_value = ctx.plain(value, maxLength ?? LIMITS.plainTextInput);
  const placeholder = placeholderOf(el, ctx);
  if (placeholder) element.placeholder = placeholder;
  pushInput(el, 'text', element, ctx);
  // An inline action (the "send" arrow beside a text box) becomes a button under the input.
  const inline = asRecord(el.inlineAction);
  if (inline) renderActions([inline], childPath(path, 'inline'), ctx, 'a');
}

export function renderNumberInput(el: JsonRecord, _path: string, ctx: RenderContext): void {
  let min = getNumber(el, 'min');
  let max = getNumber(el, 'max');
  if (min !== undefined && max !== undefined && min > max) min = max = undefined;
  let value = getNumber(el, 'value');
  if (value !== undefined && ((min !== undefined && value < min) || (max !== undefined && value > max))) value = undefined;
  const placeholder = placeholderOf(el, ctx);
  if (ctx.surface === 'message') {
    // number_input exists only in modals; the click mapper checks the text is a number.
    const element: ElementSpec = { type: 'plain_text_input' };
    if (value !== undefined) element.initial_value = String(value);
    if (placeholder) element.placeholder = placeholder;
    pushInput(el, 'number', element, ctx);
    return;
  }
  const element: ElementSpec = {
    type: 'number_input',
    is_decimal_allowed: [value, min, max].some((n) => n !== undefined && !Number.isInteger(n)),
  };
  if (value !== undefined) element.initial_value = String(value);
  if (min !== undefined) element.min_value = String(min);
  if (max !== undefined) element.max_value = String(max);
  if (placeholder) element.placeholder = placeholder;
  pushInput(el, 'number', element, ctx);
}

export function renderDateInput(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const value = getText(el, 'value');
  const element: ElementSpec = { type: 'datepicker' };
  if (value !== undefined && isDate(value)) element.initial_date = value;
  const placeholder = placeholderOf(el, ctx);
  if (placeholder) element.placeholder = placeholder;
  pushInput(el, 'date', element, ctx);
}

export function renderTimeInput(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const time = toTime(getText(el, 'value'));
  const element: ElementSpec = { type: 'timepicker' };
  if (time) element.initial_time = time;
  const placeholder = placeholderOf(el, ctx);
  if (placeholder) element.placeholder = placeholder;
  pushInput(el, 'time', element, ctx);
}

/** A toggle is a one-option checkbox group: checked = valueOn, unchecked = valueOff. */
export function renderToggleInput(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const { on, off } = toggleValues(el);
  const title = getText(el, 'title');
  const hasLabel = !isBlank(getText(el, 'label'));
  const optionText = hasLabel && !isBlank(title) ? markdownToPlain(title!).trim() : ctx.strings.toggleOn;
  const option = { text: plainText(ctx.plain(optionText || ctx.strings.toggleOn, LIMITS.optionText)), value: 'on' };
  const element: ElementSpec = { type: 'checkboxes', options: [option] };
  if (getText(el, 'value') === on) element.initial_options = [option];
  const id = pushInput(el, 'toggle', element, ctx, { label: labelOf(el, ctx, title) });
  if (id !== undefined) ctx.registerToggle(id, on, off);
}
