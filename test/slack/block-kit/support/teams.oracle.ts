import type { EntrySeed } from './card.arbitraries';
import type { UserEntry } from './slack-click.simulator';

/**
 * An independent, deliberately simple model of the Adaptive Card host (the reference renderer's rules,
 * which Teams follows) for the property tests: which inputs and buttons a card shows, and what data a
 * click sends. It shares no code with the renderer.
 */
type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const RENDERED = new Set(['TextBlock', 'RichTextBlock', 'FactSet', 'Image', 'ImageSet', 'Table', 'ActionSet', 'Container', 'Column', 'ColumnSet']);

export type OracleKind = 'text' | 'number' | 'date' | 'time' | 'choice' | 'multiChoice' | 'toggle';
export interface OracleInput {
  input: Json;
  kind: OracleKind;
}
export type OracleButton = { kind: 'submit' | 'execute'; action: Json } | { kind: 'openUrl' | 'showCard' };

export interface CardModel {
  inputs: OracleInput[];
  hidden: [string, string][];
  buttons: OracleButton[];
}

function choiceValues(input: Json): string[] {
  const values: string[] = [];
  for (const c of Array.isArray(input.choices) ? input.choices : []) {
    if (isObj(c) && typeof c.value === 'string' && !values.includes(c.value)) values.push(c.value);
  }
  return values;
}

function kindOf(input: Json): OracleKind | undefined {
  switch (input.type) {
    case 'Input.Text': return 'text';
    case 'Input.Number': return 'number';
    case 'Input.Date': return 'date';
    case 'Input.Time': return 'time';
    case 'Input.Toggle': return 'toggle';
    case 'Input.ChoiceSet': return choiceValues(input).length === 0 ? 'text' : input.isMultiSelect === true ? 'multiChoice' : 'choice';
    default: return undefined;
  }
}

const onOff = (input: Json) => ({ on: typeof input.valueOn === 'string' ? input.valueOn : 'true', off: typeof input.valueOff === 'string' ? input.valueOff : 'false' });

/** What the reference renderer submits for an input nobody touched. */
function initialValue(input: Json): string | undefined {
  const v = input.value;
  switch (input.type) {
    case 'Input.Text': return typeof v === 'string' && v !== '' ? v : undefined;
    case 'Input.Number': return typeof v === 'number' ? String(v) : undefined;
    case 'Input.Date': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? v : undefined;
    case 'Input.Time': return typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? v : undefined;
    case 'Input.Toggle': {
      const { on, off } = onOff(input);
      return v === on ? on : input.isRequired === true ? undefined : off;
    }
    case 'Input.ChoiceSet': {
      if (typeof v !== 'string' || v === '') return undefined;
      const values = choiceValues(input);
      const wanted = input.isMultiSelect === true ? v.split(',') : [v];
      const picked = values.filter((c) => wanted.includes(c));
      const result = (input.isMultiSelect === true ? picked : picked.slice(0, 1)).join(',');
      return result === '' ? undefined : result;
    }
    default: return undefined;
  }
}

function collectHidden(el: unknown, out: [string, string][]): void {
  if (!isObj(el)) return;
  if (kindOf(el) && typeof el.id === 'string' && el.id !== '') {
    const v = initialValue(el);
    if (v !== undefined) out.push([el.id, v]);
  }
  for (const key of ['items', 'columns', 'rows', 'cells', 'body']) for (const c of Array.isArray(el[key]) ? el[key] : []) collectHidden(c, out);
}

function actionButton(a: unknown, out: OracleButton[]): void {
  if (!isObj(a) || a.isVisible === false || a.isEnabled === false) return;
  if (a.type === 'Action.Submit' || a.type === 'Action.Execute') out.push({ kind: a.type === 'Action.Submit' ? 'submit' : 'execute', action: a });
  else if (a.type === 'Action.OpenUrl' && typeof a.url === 'string' && /^https?:\/\/\S+$/i.test(a.url) && a.url.length <= 3000) out.push({ kind: 'openUrl' });
  else if (a.type === 'Action.ShowCard' && isObj(a.card)) out.push({ kind: 'showCard' });
  else actionButton(a.fallback, out);
}

function walk(el: unknown, model: CardModel): void {
  if (!isObj(el)) return;
  if (el.isVisible === false) return collectHidden(el, model.hidden);
  const kind = kindOf(el);
  const rendered = (kind !== undefined || RENDERED.has(el.type as string)) && el.requires === undefined;
  if (!rendered) return walk(el.fallback, model);
  if (kind) {
    if (typeof el.id === 'string' && el.id !== '') model.inputs.push({ input: el, kind });
    return;
  }
  if (el.type === 'ActionSet') for (const a of Array.isArray(el.actions) ? el.actions : []) actionButton(a, model.buttons);
  if (el.type === 'Container' || el.type === 'Column') for (const i of el.items as unknown[]) walk(i, model);
  if (el.type === 'ColumnSet') {
    const columns = (el.columns as unknown[]).filter(isObj);
    for (const c of columns.filter((c) => c.isVisible === false)) collectHidden(c, model.hidden);
    for (const c of columns.filter((c) => c.isVisible !== false)) for (const i of c.items as unknown[]) walk(i, model);
  }
}

export function modelOf(card: Json): CardModel {
  const model: CardModel = { inputs: [], hidden: [], buttons: [] };
  for (const el of card.body as unknown[]) walk(el, model);
  for (const a of card.actions as unknown[]) actionButton(a, model.buttons);
  return model;
}

/** The Slack entry a person makes for an input, and the value Teams would send for the same act. */
export function entryFor(i: OracleInput, seed: EntrySeed): { entry: UserEntry; value: string | undefined; invalid?: true } {
  const values = choiceValues(i.input).slice(0, 100);
  const picks = seed.picks.filter((p) => p < values.length);
  switch (i.kind) {
    case 'text': return { entry: { typed: seed.typed }, value: seed.typed ? seed.typed : undefined };
    case 'number': {
      if (seed.number.trim() === '') return { entry: { typed: seed.number }, value: undefined };
      const n = Number(seed.number);
      return Number.isFinite(n) && seed.number !== '12abc' ? { entry: { typed: seed.number }, value: String(n) } : { entry: { typed: seed.number }, value: undefined, invalid: true };
    }
    case 'date': return { entry: { date: seed.date }, value: seed.date ?? undefined };
    case 'time': return { entry: { time: seed.time }, value: seed.time ?? undefined };
    case 'choice': {
      const v = picks.length ? values[picks[0]!]! : '';
      return { entry: { picked: picks.slice(0, 1) }, value: v === '' ? undefined : v };
    }
    case 'multiChoice': {
      const joined = [...picks].sort((a, b) => a - b).map((p) => values[p]!).join(',');
      return { entry: { picked: picks }, value: joined === '' ? undefined : joined };
    }
    case 'toggle': {
      const { on, off } = onOff(i.input);
      const checked = picks.length > 0 || seed.picks.length > 0;
      return { entry: { picked: checked ? [0] : [] }, value: checked ? on : i.input.isRequired === true ? undefined : off };
    }
  }
}
