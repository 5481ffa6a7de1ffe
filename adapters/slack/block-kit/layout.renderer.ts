import type { ImageElement, Mrkdwn } from './block-kit.types';
import { childPath } from './card-paths';
import { imageElementOf } from './image.renderer';
import { asRecord, getArray, getBool, getString, type JsonRecord } from './json-access';
import type { RenderContext } from './render-context';
import { requirementsMet } from './requirements';
import { LIMITS } from './slack-limits';
import { fitMrkdwn } from './text-fit';
import { inlineTextOf, type InlineText } from './text.renderer';

/**
 * Container, Column, ColumnSet and Table have no Block Kit counterpart: they are flattened. A ColumnSet
 * of short text columns becomes one section with a field per column; an image column beside a text
 * column becomes a section with the image as accessory; anything else is rendered column by column.
 */
const TEXT_TYPES = new Set(['TextBlock', 'RichTextBlock']);

export function renderContainer(el: JsonRecord, path: string, ctx: RenderContext): void {
  ctx.renderItems(getArray(el, 'items'), path, 'i');
}

function visibleItems(column: JsonRecord): JsonRecord[] {
  return getArray(column, 'items')
    .map((i) => asRecord(i))
    .filter((i): i is JsonRecord => i !== undefined && getBool(i, 'isVisible') !== false);
}

/**
 * The column's text when it holds only text elements this host renders, else undefined. A text element
 * whose `requires` this host does not meet is its fallback (which may be an input), so the column is
 * rendered element by element.
 */
function columnText(column: JsonRecord): InlineText | undefined {
  const items = visibleItems(column);
  if (items.length === 0 || !items.every((i) => TEXT_TYPES.has(getString(i, 'type') ?? '') && requirementsMet(i))) return undefined;
  const texts = items.map(inlineTextOf).filter((t): t is InlineText => t !== undefined);
  if (texts.length === 0) return undefined;
  return { mrkdwn: texts.map((t) => t.mrkdwn).join('\n'), plain: texts.map((t) => t.plain).join('\n') };
}

function columnImage(column: JsonRecord, ctx: RenderContext): ImageElement | undefined {
  const items = visibleItems(column);
  return items.length === 1 && getString(items[0]!, 'type') === 'Image' && requirementsMet(items[0]!) ? imageElementOf(items[0]!, ctx) : undefined;
}

export function renderColumnSet(el: JsonRecord, path: string, ctx: RenderContext): void {
  const columns = getArray(el, 'columns').map((c, index) => ({ column: asRecord(c), index }));
  const visible = columns.filter((c): c is { column: JsonRecord; index: number } => !!c.column && getBool(c.column, 'isVisible') !== false);
  // Hidden columns still hold inputs Teams would submit: the element renderer records them.
  for (const c of columns) if (c.column && getBool(c.column, 'isVisible') === false) ctx.renderElement(c.column, childPath(path, `c${c.index}`), ctx);

  const texts = visible.map((c) => columnText(c.column));
  if (visible.length === 2) {
    const [a, b] = visible;
    const image = columnImage(a!.column, ctx) ?? columnImage(b!.column, ctx);
    const text = texts[0] ?? texts[1];
    if (image && text && text.mrkdwn.length <= LIMITS.sectionText) {
      ctx.addSummary(text.plain);
      ctx.push({ type: 'section', text: { type: 'mrkdwn', text: text.mrkdwn, verbatim: true }, accessory: image });
      return;
    }
  }
  const fitsAsFields = visible.length >= 2 && texts.every((t) => t !== undefined && t.mrkdwn.length <= LIMITS.fieldText);
  if (fitsAsFields) {
    const fields: Mrkdwn[] = texts.map((t) => ({ type: 'mrkdwn', text: t!.mrkdwn, verbatim: true }));
    texts.forEach((t) => ctx.addSummary(t!.plain.replace(/\n/g, ' ')));
    for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
      ctx.push({ type: 'section', fields: fields.slice(i, i + LIMITS.sectionFields) });
    }
    return;
  }
  for (const { column, index } of visible) ctx.renderItems(getArray(column, 'items'), childPath(path, `c${index}`), 'i');
}

/** Table (1.5): a text-only table becomes lines "a | b | c" (header row bold); otherwise flattened. */
export function renderTable(el: JsonRecord, path: string, ctx: RenderContext): void {
  const rows = getArray(el, 'rows').map((r) => getArray(asRecord(r) ?? {}, 'cells').map((c) => asRecord(c) ?? {}));
  const cellTexts = rows.map((cells) => cells.map((cell) => (visibleItems(cell).length === 0 ? { mrkdwn: '', plain: '' } : columnText(cell))));
  if (cellTexts.some((row) => row.some((t) => t === undefined))) {
    rows.forEach((cells, r) =>
      cells.forEach((cell, k) => ctx.renderItems(getArray(cell, 'items'), childPath(path, `r${r}.k${k}`), 'i')),
    );
    return;
  }
  const header = getBool(el, 'firstRowAsHeader') !== false;
  const lines = cellTexts.map((row, r) => {
    const line = row.map((t) => t!.mrkdwn.replace(/\n/g, ' ')).join(' | ');
    return header && r === 0 && line.trim() !== '' ? `*${line}*` : line;
  });
  cellTexts.forEach((row) => ctx.addSummary(row.map((t) => t!.plain.replace(/\n/g, ' ')).join(' | ')));
  const text = lines.filter((l) => l.replace(/[\s|*]/g, '') !== '').join('\n');
  const fitted = fitMrkdwn(text, LIMITS.sectionText * 10);
  if (fitted.cut) ctx.cut();
  ctx.pushText(fitted.text);
}
