import { asRecord, enumIs, getArray, getBool, getString, getText, type JsonRecord } from './json-access';
import { escapeMrkdwn, markdownToMrkdwn, markdownToPlain, mrkdwnLink } from './mrkdwn.converter';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { cleanText, fitMrkdwn, isBlank } from './text-fit';

/** TextBlock and RichTextBlock: sections of mrkdwn, a header for headings, context for subtle text. */
export interface InlineText {
  mrkdwn: string;
  plain: string;
}

function boldLines(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .map((line) => {
      const t = line.trim();
      return t === '' || (t.startsWith('*') && t.endsWith('*') && t.length > 2) ? t : `*${t}*`;
    })
    .join('\n');
}

function isHeading(el: JsonRecord): boolean {
  return enumIs(el, 'style', 'heading') || enumIs(el, 'size', 'large', 'extralarge');
}

/** A TextBlock or RichTextBlock as mrkdwn and plain text, or undefined when it has no text. */
export function inlineTextOf(el: JsonRecord): InlineText | undefined {
  if (getString(el, 'type') === 'RichTextBlock') return richText(el);
  const raw = getText(el, 'text');
  if (raw === undefined || isBlank(raw)) return undefined;
  const mrkdwn = markdownToMrkdwn(raw);
  const strong = isHeading(el) || enumIs(el, 'weight', 'bolder');
  return { mrkdwn: strong ? boldLines(mrkdwn) : mrkdwn, plain: markdownToPlain(raw) };
}

export function renderTextBlock(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const text = inlineTextOf(el);
  if (!text) return;
  ctx.addSummary(text.plain);
  const plain = text.plain.trim();
  if (isHeading(el) && !plain.includes('\n') && plain.length <= LIMITS.headerText) {
    ctx.push({ type: 'header', text: { type: 'plain_text', text: plain } });
  } else if (getBool(el, 'isSubtle') && !isHeading(el)) {
    const fitted = fitMrkdwn(text.mrkdwn, LIMITS.contextText);
    if (fitted.cut) ctx.cut();
    ctx.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fitted.text, verbatim: true }] });
  } else {
    ctx.pushText(text.mrkdwn);
  }
}

export function renderRichTextBlock(el: JsonRecord, _path: string, ctx: RenderContext): void {
  const text = richText(el);
  if (!text) return;
  ctx.addSummary(text.plain);
  ctx.pushText(text.mrkdwn);
}

function richText(el: JsonRecord): InlineText | undefined {
  let mrkdwn = '';
  let plain = '';
  for (const raw of getArray(el, 'inlines')) {
    const run = typeof raw === 'string' ? { type: 'TextRun', text: raw } : asRecord(raw);
    const text = run && getString(run, 'type') === 'TextRun' ? getText(run, 'text') : undefined;
    if (!run || text === undefined) continue;
    const clean = cleanText(text);
    mrkdwn += textRun(run, clean);
    plain += clean;
  }
  return isBlank(plain) ? undefined : { mrkdwn, plain };
}

/** A TextRun is literal text (no Markdown): escape it, then apply its formatting per line. */
function textRun(run: JsonRecord, text: string): string {
  const action = asRecord(run.selectAction);
  const url = action && getString(action, 'type') === 'Action.OpenUrl' ? getString(action, 'url') : undefined;
  if (url) return mrkdwnLink(url, text);
  const markers = [
    enumIs(run, 'fontType', 'monospace') ? '`' : '',
    getBool(run, 'strikethrough') ? '~' : '',
    getBool(run, 'italic') ? '_' : '',
    enumIs(run, 'weight', 'bolder') ? '*' : '',
  ].join('');
  const closing = [...markers].reverse().join('');
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(line)!;
      return m[2] ? `${m[1]}${markers}${escapeMrkdwn(m[2])}${closing}${m[3]}` : line;
    })
    .join('\n');
}
