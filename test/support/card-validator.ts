import type * as ACTypes from 'adaptivecards';

/**
 * Validates card JSON with the official `adaptivecards` object model. The package's `lib/` build does
 * not load under Node's resolver (extension-less ESM imports), so this loads its UMD bundle, which parses
 * and validates without a DOM.
 */
export const ADAPTIVECARDS_BUNDLE = require.resolve('adaptivecards/dist/adaptivecards.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the UMD bundle has no ES module entry
const AC = require(ADAPTIVECARDS_BUNDLE) as typeof ACTypes;

export const MAX_CARD_BYTES = 28 * 1024;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Everything in the input must come back from the object model's own serialization: a key it dropped is
 * a property the schema (at 1.5) does not have, and a changed value is one it did not accept.
 */
function roundTripProblems(input: Json, output: Json | undefined, path: string, out: string[]): void {
  if (output === undefined) {
    out.push(`${path}: unknown or unsupported property (dropped by the object model)`);
    return;
  }
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      out.push(`${path}: array changed by the object model`);
      return;
    }
    input.forEach((item, i) => roundTripProblems(item, output[i], `${path}[${i}]`, out));
    return;
  }
  if (input !== null && typeof input === 'object') {
    if (output === null || typeof output !== 'object' || Array.isArray(output)) {
      out.push(`${path}: object changed by the object model`);
      return;
    }
    for (const [key, value] of Object.entries(input)) roundTripProblems(value, output[key], `${path}.${key}`, out);
    return;
  }
  // Enum values come back in the schema's casing ("large" -> "Large").
  const same = typeof input === 'string' && typeof output === 'string' ? input.toLowerCase() === output.toLowerCase() : input === output;
  if (!same) out.push(`${path}: value ${JSON.stringify(input)} came back as ${JSON.stringify(output)}`);
}

/**
 * Issue 19: `choices.data` (Teams' dynamic typeahead) is the one property allowed past 1.5: Teams reads
 * it on any card version (its own sample card is 1.2; MicrosoftDocs msteams-docs, dynamic-search.md),
 * while the object model types it from 1.6. It is checked here for its own shape (a Data.Query naming a
 * dataset, on an Input.ChoiceSet) and left out of the 1.5 round trip.
 */
function withoutDataQueries(node: Json, path: string, problems: string[]): Json {
  if (Array.isArray(node)) return node.map((item, i) => withoutDataQueries(item, `${path}[${i}]`, problems));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'choices.data') {
      out[key] = withoutDataQueries(value, `${path}.${key}`, problems);
      continue;
    }
    const q = value as { [key: string]: Json } | null;
    const keys = q && typeof q === 'object' && !Array.isArray(q) ? Object.keys(q) : [];
    if (node.type !== 'Input.ChoiceSet') problems.push(`${path}.choices.data: only on an Input.ChoiceSet`);
    if (!q || q.type !== 'Data.Query' || typeof q.dataset !== 'string' || q.dataset === '' || keys.some((k) => !['type', 'dataset', 'count', 'skip'].includes(k))) {
      problems.push(`${path}.choices.data: must be a Data.Query naming a dataset`);
    }
  }
  return out;
}

/** All problems the official object model finds in a card targeting schema 1.5; empty when clean. */
export function cardProblems(input: object): string[] {
  const problems: string[] = [];
  const card = withoutDataQueries(input as Json, '$', problems) as object;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as ACTypes.PropertyBag, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const serialized = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5)) as Json | undefined;
  roundTripProblems(card as Json, serialized, '$', problems);
  return problems;
}

export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export interface FoundInput {
  type: string;
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

/** Every Input.* in a card, including those inside Action.ShowCard cards. */
export function inputsOf(node: unknown, found: FoundInput[] = []): FoundInput[] {
  if (Array.isArray(node)) {
    for (const item of node) inputsOf(item, found);
  } else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.push(o as unknown as FoundInput);
    for (const value of Object.values(o)) inputsOf(value, found);
  }
  return found;
}

export interface FoundAction {
  type: string;
  title?: string;
  verb?: string;
  style?: string;
  data?: Record<string, unknown>;
  associatedInputs?: string;
}

/** Every Action.Execute / Action.Submit in a card (nested cards and action sets included, refresh excluded). */
export function actionsOf(node: unknown, found: FoundAction[] = [], key = ''): FoundAction[] {
  if (key === 'refresh') return found;
  if (Array.isArray(node)) {
    for (const item of node) actionsOf(item, found);
  } else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' || o.type === 'Action.Submit') found.push(o as unknown as FoundAction);
    for (const [k, value] of Object.entries(o)) actionsOf(value, found, k);
  }
  return found;
}

/** What a host hands back for a click: `{ verb, ...data }` with the given input values merged in. */
export function clickPayload(action: FoundAction, inputs: Record<string, string> = {}): Record<string, unknown> {
  const data = action.data ?? {};
  return action.type === 'Action.Execute' ? { ...data, ...inputs, verb: action.verb } : { ...data, ...inputs };
}
