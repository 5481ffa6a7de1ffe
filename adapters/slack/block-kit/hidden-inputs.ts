import { initialTeamsValue, inputKindOf } from './input-values';
import { asRecord, getArray, getString, type JsonRecord } from './json-access';
import type { RenderContext } from './render-context';

/**
 * Inputs inside an element Slack will not show (isVisible false). Teams still submits them with their
 * current value, which for an element nobody can see is its initial value; the click payload carries
 * them. Inputs in ShowCard cards are not gathered, as in Teams.
 */
const CHILDREN = ['items', 'columns', 'rows', 'cells', 'body'];

function collect(el: JsonRecord, out: JsonRecord[], depth: number): void {
  if (depth > 40) return;
  if (inputKindOf(el) && getString(el, 'id')) out.push(el);
  for (const key of CHILDREN) {
    for (const child of getArray(el, key)) {
      const c = asRecord(child);
      if (c) collect(c, out, depth + 1);
    }
  }
}

export function recordHiddenInputs(el: JsonRecord, ctx: RenderContext): void {
  const inputs: JsonRecord[] = [];
  collect(el, inputs, 0);
  for (const input of inputs) ctx.addHidden(getString(input, 'id')!, initialTeamsValue(input));
}
