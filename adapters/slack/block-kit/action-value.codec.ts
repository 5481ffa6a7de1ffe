import { BlockKitError } from './block-kit.errors';
import { asRecord } from './json-access';
import { LIMITS } from './slack-limits';

/**
 * The button value: everything needed to rebuild an Adaptive Card click, as compact JSON.
 *
 *   ac1:<json>   the payload itself
 *   ac1#<key>    a key the adapter's stash returned for a payload too long for 2000 chars
 *
 * Payload fields (short names: the value is limited to 2000 chars):
 *   k  kind: s Action.Submit, x Action.Execute, c Action.ShowCard, u Action.OpenUrl
 *   d  the action's `data`, verbatim          v  the Execute `verb`       i  the action's `id`
 *   n  1 when associatedInputs is "none"      p  the ShowCard's path in the card
 *   x  token -> full string, for input ids and choice values too long for Slack ids/values
 *   t  [inputId, valueOn, valueOff] for toggles whose values are not "true"/"false"
 *   h  [inputId, value] for inputs Slack does not show (isVisible false, or cut by the block limit):
 *      Teams still submits their values, so the click must too
 */
export type ActionKind = 's' | 'x' | 'c' | 'u';

export interface ActionPayload {
  k: ActionKind;
  d?: unknown;
  v?: string;
  i?: string;
  n?: 1;
  p?: string;
  x?: Record<string, string>;
  t?: [string, string, string][];
  h?: [string, string][];
}

const INLINE = 'ac1:';
const STASHED = 'ac1#';
const MAX_STASH_KEY = 1900;

export function encodeActionValue(payload: ActionPayload, stash?: (json: string) => string): string {
  const json = JSON.stringify(payload);
  const inline = INLINE + json;
  if (inline.length <= LIMITS.buttonValue) return inline;
  if (!stash) {
    throw new BlockKitError(
      'ACTION_PAYLOAD_TOO_LARGE',
      `An action's click payload is ${json.length} chars; a Slack button value holds ${LIMITS.buttonValue}. Pass opts.stash to store it.`,
    );
  }
  let key: unknown;
  try {
    key = stash(json);
  } catch (cause) {
    throw new BlockKitError('STASH_KEY_INVALID', 'The stash function threw.', { cause });
  }
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_STASH_KEY) {
    throw new BlockKitError('STASH_KEY_INVALID', `The stash must return a non-empty string of at most ${MAX_STASH_KEY} chars.`);
  }
  return STASHED + key;
}

/** The stash key a button value refers to, if it was stashed (for adapters that load it asynchronously). */
export function stashKeyOf(value: string): string | undefined {
  return value.startsWith(STASHED) ? value.slice(STASHED.length) : undefined;
}

export type DecodeError = 'unknown_encoding' | 'stash_missing' | 'value_too_large';

export function decodeActionValue(
  value: string,
  unstash?: (key: string) => string | undefined,
): { ok: true; payload: ActionPayload } | { ok: false; error: DecodeError } {
  if (value.length > LIMITS.buttonValue) return { ok: false, error: 'value_too_large' };
  let json: string | undefined;
  if (value.startsWith(INLINE)) json = value.slice(INLINE.length);
  else if (value.startsWith(STASHED)) {
    try {
      json = unstash?.(value.slice(STASHED.length));
    } catch {
      json = undefined; // a failing store is reported like a missing entry: the click cannot be rebuilt
    }
    if (typeof json !== 'string') return { ok: false, error: 'stash_missing' };
  } else return { ok: false, error: 'unknown_encoding' };
  try {
    const payload = parsePayload(JSON.parse(json));
    return payload ? { ok: true, payload } : { ok: false, error: 'unknown_encoding' };
  } catch {
    return { ok: false, error: 'unknown_encoding' };
  }
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isTuple = (v: unknown, n: number): boolean => Array.isArray(v) && v.length === n && v.every(isStr);

function parsePayload(raw: unknown): ActionPayload | undefined {
  const o = asRecord(raw);
  if (!o || !['s', 'x', 'c', 'u'].includes(o.k as string)) return undefined;
  if (o.v !== undefined && !isStr(o.v)) return undefined;
  if (o.i !== undefined && !isStr(o.i)) return undefined;
  if (o.p !== undefined && !isStr(o.p)) return undefined;
  if (o.n !== undefined && o.n !== 1) return undefined;
  const x = o.x === undefined ? undefined : asRecord(o.x);
  if (o.x !== undefined && (!x || !Object.values(x).every(isStr))) return undefined;
  if (o.t !== undefined && !(Array.isArray(o.t) && o.t.every((e) => isTuple(e, 3)))) return undefined;
  if (o.h !== undefined && !(Array.isArray(o.h) && o.h.every((e) => isTuple(e, 2)))) return undefined;
  return o as unknown as ActionPayload;
}
