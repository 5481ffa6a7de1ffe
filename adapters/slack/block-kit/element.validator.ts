import { isDate, isTime } from './input-values';
import { asRecord, getArray, type JsonRecord } from './json-access';
import { LIMITS } from './slack-limits';
import { isSearchActionId } from './search-action-id';

/** Checks for block elements and composition objects; see block.validator.ts. */
export type Report = (problem: string) => void;

export function checkText(value: unknown, where: string, max: number, report: Report, kinds = ['plain_text', 'mrkdwn']): void {
  const t = asRecord(value);
  if (!t) return report(`${where}: text object required`);
  if (!kinds.includes(t.type as string)) report(`${where}: text type must be ${kinds.join(' or ')}`);
  if (typeof t.text !== 'string' || t.text.trim() === '') return report(`${where}: text must be a non-empty string`);
  if (t.text.length > max) report(`${where}: text is ${t.text.length} chars (max ${max})`);
}

export function checkId(value: unknown, where: string, report: Report, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.length === 0) return report(`${where}: id must be a non-empty string`);
  if (value.length > LIMITS.actionId) report(`${where}: id is ${value.length} chars (max ${LIMITS.actionId})`);
}

export function checkImage(el: JsonRecord, where: string, report: Report): void {
  const url = el.image_url;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) report(`${where}: image_url must be an http(s) URL`);
  else if (url.length > LIMITS.imageUrl) report(`${where}: image_url too long`);
  if (typeof el.alt_text !== 'string' || el.alt_text.trim() === '') report(`${where}: alt_text required`);
  else if (el.alt_text.length > LIMITS.altText) report(`${where}: alt_text too long`);
}

export function checkButton(el: JsonRecord, where: string, report: Report): void {
  checkText(el.text, `${where}.text`, LIMITS.buttonText, report, ['plain_text']);
  checkId(el.action_id, `${where}.action_id`, report, true);
  if (el.value !== undefined && (typeof el.value !== 'string' || el.value.length > LIMITS.buttonValue)) {
    report(`${where}: value must be a string of at most ${LIMITS.buttonValue} chars`);
  }
  if (el.url !== undefined && (typeof el.url !== 'string' || el.url.length > LIMITS.buttonUrl)) report(`${where}: url too long`);
  if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') report(`${where}: style must be primary or danger`);
}

function checkOptions(el: JsonRecord, where: string, max: number, report: Report): Set<string> {
  const options = getArray(el, 'options');
  if (options.length === 0 || options.length > max) report(`${where}: ${options.length} options (1 to ${max})`);
  const values = new Set<string>();
  options.forEach((raw, i) => {
    const o = asRecord(raw) ?? {};
    checkText(o.text, `${where}.options[${i}]`, LIMITS.optionText, report);
    if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > LIMITS.optionValue) {
      report(`${where}.options[${i}]: value must be 1 to ${LIMITS.optionValue} chars`);
    } else if (values.has(o.value)) report(`${where}.options[${i}]: duplicate value`);
    else values.add(o.value);
  });
  const initial = [asRecord(el.initial_option), ...getArray(el, 'initial_options').map(asRecord)].filter(Boolean);
  for (const o of initial) if (!values.has(o!.value as string)) report(`${where}: initial option is not one of the options`);
  return values;
}

function checkPlainTextInput(el: JsonRecord, where: string, report: Report): void {
  const max = typeof el.max_length === 'number' ? el.max_length : LIMITS.plainTextInput;
  if (max < 1 || max > LIMITS.plainTextInput) report(`${where}: max_length out of range`);
  if (typeof el.initial_value === 'string' && el.initial_value.length > max) report(`${where}: initial_value too long`);
}

/** An input block's element; `surface` decides whether number_input is allowed. */
export function checkInputElement(el: JsonRecord, where: string, report: Report, surface: 'message' | 'modal'): void {
  checkId(el.action_id, `${where}.action_id`, report, true);
  if (el.placeholder !== undefined) checkText(el.placeholder, `${where}.placeholder`, LIMITS.placeholder, report, ['plain_text']);
  switch (el.type) {
    case 'plain_text_input':
      return checkPlainTextInput(el, where, report);
    case 'number_input':
      if (surface === 'message') report(`${where}: number_input is only allowed in modals`);
      if (typeof el.is_decimal_allowed !== 'boolean') report(`${where}: is_decimal_allowed is required`);
      for (const key of ['initial_value', 'min_value', 'max_value']) {
        const v = el[key];
        if (v === undefined) continue;
        if (typeof v !== 'string' || !Number.isFinite(Number(v))) report(`${where}: ${key} must be a numeric string`);
        else if (el.is_decimal_allowed === false && !Number.isInteger(Number(v))) report(`${where}: ${key} is not a whole number`);
      }
      return;
    case 'static_select':
    case 'multi_static_select':
      checkOptions(el, where, LIMITS.selectOptions, report);
      return;
    case 'radio_buttons':
    case 'checkboxes':
      checkOptions(el, where, LIMITS.toggleOptions, report);
      return;
    case 'external_select': {
      // The options come from the app; only the initial one travels in the message.
      const initial = asRecord(el.initial_option);
      if (initial) {
        checkText(initial.text, `${where}.initial_option`, LIMITS.optionText, report);
        if (typeof initial.value !== 'string' || initial.value.length === 0 || initial.value.length > LIMITS.optionValue) report(`${where}.initial_option: value must be 1 to ${LIMITS.optionValue} chars`);
      }
      if (el.min_query_length !== undefined && !(Number.isInteger(el.min_query_length) && (el.min_query_length as number) >= 0)) report(`${where}: min_query_length must be a whole number`);
      if (!isSearchActionId(el.action_id)) report(`${where}: action_id must name the dataset searched`);
      return;
    }
    case 'datepicker':
      if (el.initial_date !== undefined && !(typeof el.initial_date === 'string' && isDate(el.initial_date))) {
        report(`${where}: initial_date must be YYYY-MM-DD`);
      }
      return;
    case 'timepicker':
      if (el.initial_time !== undefined && !(typeof el.initial_time === 'string' && isTime(el.initial_time))) {
        report(`${where}: initial_time must be HH:mm`);
      }
      return;
    default:
      report(`${where}: unsupported input element ${String(el.type)}`);
  }
}
