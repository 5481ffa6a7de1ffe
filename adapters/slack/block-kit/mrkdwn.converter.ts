import { matchDateFunction } from './date-functions';
import { cleanText } from './text-fit';

/**
 * Adaptive Cards' Markdown subset (**bold**, _italic_ / *italic*, [text](url), - and 1. lists, line
 * breaks, DATE/TIME functions) to Slack mrkdwn (*bold*, _italic_, <url|text>, <!date…>), or to plain
 * text. Everything that is not markup produced here is escaped, so card text can never become a
 * mention, a channel link or a broadcast, whatever it contains.
 */
type Mode = 'mrkdwn' | 'plain';

const NEEDS_ESCAPE = /[&<>]/;

export function escapeMrkdwn(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // most text: nothing to do, no new strings
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** http(s) and mailto links only; anything else is shown as text. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(trimmed)) return undefined;
  // Inside <…|…> Slack needs &, <, > escaped and treats "|" as the separator: percent-encode them.
  return trimmed.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

export function mrkdwnLink(url: string, label: string): string {
  const safe = safeUrl(url);
  if (!safe) return escapeMrkdwn(label || url);
  return label.trim() === '' ? `<${safe}>` : `<${safe}|${escapeMrkdwn(label)}>`;
}

const LINK = /\[([^\]\n]*)\]\(([^()\s]+)\)/y;
const BARE_URL = /https?:\/\/[^\s<>()[\]|]+/y;
const BOLD_STARS = /\*\*(?=\S)([^\n]*?\S)\*\*/y;
const BOLD_UNDERSCORES = /__(?=\S)([^\n]*?\S)__(?![\p{L}\p{N}])/uy;
const ITALIC_STAR = /\*(?=[^\s*])([^*\n]*?[^\s*])\*/y;
const ITALIC_UNDERSCORE = /_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}])/uy;

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

function wordCharBefore(text: string, index: number): boolean {
  return index > 0 && /[\p{L}\p{N}]/u.test(text[index - 1]!);
}

function convertInline(text: string, mode: Mode): string {
  const esc = mode === 'mrkdwn' ? escapeMrkdwn : (s: string) => s;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    let m: RegExpExecArray | null;
    const date = ch === '{' ? matchDateFunction(text, i) : undefined;
    if (date) {
      out += mode === 'mrkdwn' ? date.mrkdwn : date.plain;
      i = date.end;
    } else if (ch === '[' && (m = at(LINK, text, i))) {
      const label = convertInline(m[1]!, 'plain');
      out += mode === 'mrkdwn' ? mrkdwnLink(m[2]!, label) : label || m[2]!;
      i += m[0].length;
    } else if (ch === 'h' && !wordCharBefore(text, i) && (m = at(BARE_URL, text, i))) {
      const url = m[0].replace(/[.,;:!?'"]+$/, '');
      out += mode === 'mrkdwn' ? mrkdwnLink(url, '') : url;
      i += url.length;
    } else if (ch === '*' && (m = at(BOLD_STARS, text, i) ?? at(ITALIC_STAR, text, i))) {
      out += wrap(m, mode);
      i += m[0].length;
    } else if (ch === '_' && !wordCharBefore(text, i) && (m = at(BOLD_UNDERSCORES, text, i) ?? at(ITALIC_UNDERSCORE, text, i))) {
      out += wrap(m, mode);
      i += m[0].length;
    } else {
      out += esc(ch);
      i += 1;
    }
  }
  return out;
}

function wrap(m: RegExpExecArray, mode: Mode): string {
  const inner = convertInline(m[1]!, mode);
  if (mode === 'plain') return inner;
  const bold = m[0].startsWith('**') || m[0].startsWith('__');
  return bold ? `*${inner}*` : `_${inner}_`;
}

function convertLine(line: string, mode: Mode): string {
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1]}• ${convertInline(bullet[2]!, mode)}`;
  const numbered = /^(\s*)(\d{1,9})[.)]\s+(.*)$/.exec(line);
  if (numbered) return `${numbered[1]}${numbered[2]}. ${convertInline(numbered[3]!, mode)}`;
  return convertInline(line, mode);
}

function convert(markdown: string, mode: Mode): string {
  return cleanText(markdown)
    .split('\n')
    .map((line) => convertLine(line, mode))
    .join('\n');
}

/** Adaptive Card Markdown to Slack mrkdwn. */
export function markdownToMrkdwn(markdown: string): string {
  return convert(markdown, 'mrkdwn');
}

/** Adaptive Card Markdown to plain text (for headers, labels, buttons and the summary). */
export function markdownToPlain(markdown: string): string {
  return convert(markdown, 'plain');
}
