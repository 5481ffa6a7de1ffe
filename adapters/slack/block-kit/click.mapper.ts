import { decodeActionValue, stashKeyOf, type ActionPayload } from './action-value.codec';
import type { SlackStateValue } from './block-kit.types';
import { decodeInputBlockId } from './input-ids.codec';
import { asRecord, getArray, getString, setOwn, type JsonRecord } from './json-access';
import { initialStateOf, readStateValue } from './state-value.reader';

/**
 * A Slack `block_actions` payload -> what Teams would have sent for the same Adaptive Card click:
 *   submit   Action.Submit: the action's data merged with every input value keyed by input id (the
 *            message activity's `value`); string data becomes the activity `text`, with no inputs
 *   execute  Action.Execute: verb + the same merged data (the adaptiveCard/action invoke's `action`)
 *   showCard the path to pass to renderShowCard;  openUrl  a link button (nothing to do but ack)
 * Never throws: a payload that is not ours or not well formed is refused with a code.
 */
export type ClickErrorCode =
  | 'malformed_payload'
  | 'not_block_actions'
  | 'no_action'
  | 'unknown_encoding'
  | 'stash_missing'
  | 'value_too_large'
  | 'invalid_input'
  | 'required_input_missing';

export type ClickAction =
  | { kind: 'submit'; data: Record<string, unknown>; text?: string; actionId?: string }
  | { kind: 'execute'; verb?: string; data: Record<string, unknown>; actionId?: string }
  | { kind: 'showCard'; path: string; actionId?: string }
  | { kind: 'openUrl'; actionId?: string };

export type ClickResult =
  | ({ ok: true } & ClickAction)
  | { ok: false; error: ClickErrorCode; message: string; inputIds?: string[]; inputLabels?: string[] };

export interface ClickOptions {
  /** Returns the JSON the render-time stash stored under `key` (see RenderOptions.stash). */
  unstash?: (key: string) => string | undefined;
  /**
   * Empty inputs are left out of the data by default, as the Adaptive Cards reference renderer does;
   * 'empty-string' sends them as "" instead, should a Teams client be observed to do so.
   */
  emptyInputs?: 'omit' | 'empty-string';
}

const refuse = (error: ClickErrorCode, message: string, inputIds?: string[]): ClickResult => ({
  ok: false,
  error,
  message,
  ...(inputIds ? { inputIds } : {}),
});

/** The stash key the clicked button refers to, so an adapter can load it before calling clickToActionData. */
export function stashedKey(payload: unknown): string | undefined {
  const value = asRecord(getArray(asRecord(payload) ?? {}, 'actions')[0]);
  const v = value && getString(value, 'value');
  return v === undefined ? undefined : stashKeyOf(v);
}

export function clickToActionData(payload: unknown, opts: ClickOptions = {}): ClickResult {
  const p = asRecord(payload);
  if (!p) return refuse('malformed_payload', 'The payload is not an object.');
  if (p.type !== undefined && p.type !== 'block_actions') return refuse('not_block_actions', `Payload type is ${String(p.type)}.`);
  const action = asRecord(getArray(p, 'actions')[0]);
  if (!action) return refuse('no_action', 'The payload has no action.');
  const value = action.value;
  if (typeof value !== 'string') return refuse('unknown_encoding', 'The clicked element has no value this renderer wrote.');
  const decoded = decodeActionValue(value, opts.unstash);
  if (!decoded.ok) return refuse(decoded.error, `The button value could not be decoded (${decoded.error}).`);
  const pl = decoded.payload;
  const actionId = pl.i !== undefined ? { actionId: pl.i } : {};
  if (pl.k === 'u') return { ok: true, kind: 'openUrl', ...actionId };
  if (pl.k === 'c') return pl.p ? { ok: true, kind: 'showCard', path: pl.p, ...actionId } : refuse('unknown_encoding', 'ShowCard without a path.');
  if (pl.k === 's' && typeof pl.d === 'string') return { ok: true, kind: 'submit', data: {}, text: pl.d, ...actionId };

  const data: JsonRecord = asRecord(pl.d) ? (pl.d as JsonRecord) : {};
  if (pl.n !== 1) {
    const inputs = readInputs(p, pl, opts);
    if (!inputs.ok) return inputs.result;
    for (const [id, v] of [...(pl.h ?? []), ...inputs.values]) setOwn(data, id, v);
  }
  if (pl.k === 'x') return { ok: true, kind: 'execute', ...(pl.v !== undefined ? { verb: pl.v } : {}), data, ...actionId };
  return { ok: true, kind: 'submit', data, ...actionId };
}

type Inputs = { ok: true; values: [string, string][] } | { ok: false; result: ClickResult };

/** An input's label as shown (the trailing required mark dropped), else its ID. */
function labelOf(label: unknown, id: string): string {
  const text = typeof label === 'string' ? label.replace(/\s*\*$/, '').trim() : '';
  return text || id;
}

function readInputs(p: JsonRecord, pl: ActionPayload, opts: ClickOptions): Inputs {
  const view = asRecord(p.view);
  const values = asRecord(asRecord(p.state)?.values) ?? asRecord(asRecord(view?.state)?.values) ?? {};
  const blocks = getArray(asRecord(p.message) ?? view ?? {}, 'blocks').map((b) => asRecord(b) ?? {});
  const inputBlocks = blocks.filter((b) => b.type === 'input' && typeof b.block_id === 'string');
  const elements = new Map(inputBlocks.map((b) => [b.block_id as string, asRecord(b.element)]));
  // The label each person saw on the input (what an empty-field message names, never the input ID).
  const labels = new Map(inputBlocks.map((b) => [b.block_id as string, asRecord(b.label)?.text]));
  // Message order first (the order Teams gathers inputs in), then anything only in the state.
  const blockIds = [...new Set([...elements.keys(), ...Object.keys(values)])];
  const out: [string, string][] = [];
  const missing: string[] = [];
  const missingLabels: string[] = [];
  for (const blockId of blockIds) {
    const ref = decodeInputBlockId(blockId);
    if (!ref) continue;
    const id = ref.id ?? (pl.x && ref.token && Object.hasOwn(pl.x, ref.token) ? pl.x[ref.token] : undefined);
    if (id === undefined) return { ok: false, result: refuse('unknown_encoding', `No input id for block ${blockId}.`) };
    const byAction = asRecord(values[blockId]);
    const own = byAction && (Object.hasOwn(byAction, blockId) ? byAction[blockId] : Object.values(byAction)[0]);
    const state = asRecord(own) as SlackStateValue | undefined;
    const element = elements.get(blockId);
    const current = state ?? initialStateOf(element);
    if (!current) continue;
    // A required toggle must be on (Teams will not submit otherwise).
    if (ref.kind === 'toggle' && ref.required && !(Array.isArray(current.selected_options) && current.selected_options.length > 0)) {
      missing.push(id);
      missingLabels.push(labelOf(labels.get(blockId), id));
      continue;
    }
    const order = element ? getArray(element, 'options').map((o) => asRecord(o)?.value as string) : undefined;
    const read = readStateValue(ref.kind, id, current, pl, order);
    if (!read.ok) return { ok: false, result: refuse(read.error, `Input "${id}" could not be read (${read.error}).`, [id]) };
    // "" is never submitted (the reference renderer's isSet() is a truthiness test).
    if (read.value !== undefined && read.value !== '') out.push([id, read.value]);
    else if (ref.required) {
      missing.push(id);
      missingLabels.push(labelOf(labels.get(blockId), id));
    }
    else if (opts.emptyInputs === 'empty-string' && ref.kind !== 'toggle') out.push([id, '']);
  }
  if (missing.length) return { ok: false, result: { ...refuse('required_input_missing', 'Required inputs are empty.', missing), inputLabels: missingLabels } as ClickResult };
  return { ok: true, values: out };
}
