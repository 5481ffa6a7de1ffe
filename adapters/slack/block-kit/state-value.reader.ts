import type { ActionPayload } from './action-value.codec';
import type { SlackStateValue } from './block-kit.types';
import { TOKEN_PREFIX, type InputKind } from './input-ids.codec';
import { isDate, isTime, normalizeNumber } from './input-values';
import { asRecord, getArray } from './json-access';
import { LIMITS } from './slack-limits';

/**
 * One Slack input state -> the string Teams would submit for that Adaptive Card input (or undefined:
 * left out). See input-values.ts for the conventions.
 */
export type ReadError = 'malformed_payload' | 'unknown_encoding' | 'value_too_large' | 'invalid_input';
export type ReadResult = { ok: true; value: string | undefined } | { ok: false; error: ReadError };

const ok = (value: string | undefined): ReadResult => ({ ok: true, value });
const fail = (error: ReadError): ReadResult => ({ ok: false, error });

/** What an untouched element holds, from the element definition in the message's blocks. */
export function initialStateOf(element: Record<string, unknown> | undefined): SlackStateValue | undefined {
  if (!element) return undefined;
  return {
    value: typeof element.initial_value === 'string' ? element.initial_value : null,
    selected_option: asRecord(element.initial_option) ?? null,
    selected_options: getArray(element, 'initial_options').map((o) => asRecord(o) ?? {}),
    selected_date: typeof element.initial_date === 'string' ? element.initial_date : null,
    selected_time: typeof element.initial_time === 'string' ? element.initial_time : null,
  };
}

function optionValue(raw: unknown, payload: ActionPayload): string | ReadError {
  if (typeof raw !== 'string') return 'malformed_payload';
  if (!raw.startsWith(TOKEN_PREFIX)) return raw;
  const full = payload.x && Object.hasOwn(payload.x, raw) ? payload.x[raw] : undefined;
  return full ?? 'unknown_encoding';
}

const isError = (v: string | ReadError | undefined): v is ReadError =>
  v === 'malformed_payload' || v === 'unknown_encoding' || v === 'value_too_large' || v === 'invalid_input';

function nullableString(v: unknown): string | null | ReadError {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : 'malformed_payload';
}

export function readStateValue(
  kind: InputKind,
  inputId: string,
  state: SlackStateValue,
  payload: ActionPayload,
  /** Option values in display order, from the message's blocks, to order multi-select values like Teams. */
  optionOrder: string[] | undefined,
): ReadResult {
  switch (kind) {
    case 'text':
    case 'number': {
      const v = nullableString(state.value);
      if (v !== null && isError(v)) return fail(v);
      if (v === null || v === '') return ok(undefined);
      if (v.length > LIMITS.plainTextInput) return fail('value_too_large');
      if (kind === 'text') return ok(v);
      if (v.trim() === '') return ok(undefined);
      const n = normalizeNumber(v);
      return n === undefined ? fail('invalid_input') : ok(n);
    }
    case 'date':
    case 'time': {
      const v = nullableString(kind === 'date' ? state.selected_date : state.selected_time);
      if (v !== null && isError(v)) return fail(v);
      if (v === null || v === '') return ok(undefined);
      return (kind === 'date' ? isDate(v) : isTime(v)) ? ok(v) : fail('invalid_input');
    }
    case 'choice': {
      const selected = state.selected_option;
      if (selected === undefined || selected === null) return ok(undefined);
      const v = optionValue(asRecord(selected)?.value, payload);
      return isError(v) ? fail(v) : ok(v === '' ? undefined : v);
    }
    case 'multiChoice':
    case 'toggle': {
      const selected = state.selected_options ?? [];
      if (!Array.isArray(selected)) return fail('malformed_payload');
      if (selected.length > LIMITS.selectOptions) return fail('value_too_large');
      if (kind === 'toggle') return ok(toggleValue(inputId, selected.length > 0, payload));
      const raw = selected.map((o) => asRecord(o)?.value);
      if (optionOrder) raw.sort((a, b) => optionOrder.indexOf(a as string) - optionOrder.indexOf(b as string));
      const values: string[] = [];
      for (const r of raw) {
        const v = optionValue(r, payload);
        if (isError(v)) return fail(v);
        values.push(v);
      }
      const joined = values.join(',');
      return ok(joined === '' ? undefined : joined);
    }
  }
}

function toggleValue(inputId: string, checked: boolean, payload: ActionPayload): string {
  const custom = payload.t?.find(([id]) => id === inputId);
  return checked ? (custom?.[1] ?? 'true') : (custom?.[2] ?? 'false');
}
