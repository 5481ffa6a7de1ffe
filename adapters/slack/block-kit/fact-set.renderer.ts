import type { Mrkdwn } from './block-kit.types';
import { asRecord, getArray, getText, type JsonRecord } from './json-access';
import { escapeMrkdwn, markdownToMrkdwn, markdownToPlain } from './mrkdwn.converter';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { cleanText, fitMrkdwn, isBlank } from './text-fit';

/** FactSet: section fields "*Title*\nValue", ten to a section. */
export function renderFactSet(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const fields: Mrkdwn[] = [];
  for (const raw of getArray(el, 'facts')) {
    const fact = asRecord(raw);
    if (!fact) continue;
    const title = cleanText(getText(fact, 'title') ?? '').trim();
    const value = getText(fact, 'value') ?? '';
    if (title === '' && isBlank(value)) continue;
    const text = [title && `*${escapeMrkdwn(title)}*`, markdownToMrkdwn(value)].filter((s) => !isBlank(s)).join('\n');
    const fitted = fitMrkdwn(text, LIMITS.fieldText);
    if (fitted.cut) ctx.cut();
    fields.push({ type: 'mrkdwn', text: fitted.text, verbatim: true });
    ctx.addSummary(`${title}${title && !isBlank(value) ? ': ' : ''}${markdownToPlain(value).replace(/\n/g, ' ')}`);
  }
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    ctx.push({ type: 'section', fields: fields.slice(i, i + LIMITS.sectionFields) });
  }
}
