/** Text clean-up and length fitting that never breaks a character or a Slack markup token. */
export const ELLIPSIS = '…';

// C0/C1 control characters other than tab and newline: Slack has no use for them in block text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Any character one of the replacements below could touch (a surrogate may or may not be alone). */
// eslint-disable-next-line no-control-regex -- as CONTROL
const NEEDS_CLEANING = /[\r\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/;

/** Removes control characters (keeping \n and \t), normalises line ends and repairs lone surrogates. */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text; // most text: nothing to do, no new strings
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Nothing to show: no text, or only spaces and control characters (which cleanText removes). */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || cleanText(text).trim() === '';
}

/** The index at or below `at` that does not split a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** Fits plain text into `max` UTF-16 units, ending in an ellipsis when it had to cut. */
export function fitPlain(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  return { text: text.slice(0, safeCut(text, max - 1)).trimEnd() + ELLIPSIS, cut: true };
}

/**
 * Fits Slack mrkdwn into `max` units without cutting inside a `<…>` link/date token or an `&…;`
 * entity, which would leave broken markup (or a raw "<" Slack could misread).
 */
export function fitMrkdwn(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = safeCut(text, max - 1);
  const open = text.lastIndexOf('<', end - 1);
  if (open !== -1 && text.indexOf('>', open) >= end) end = open;
  const amp = text.lastIndexOf('&', end - 1);
  if (amp !== -1 && end - amp < 6 && !text.slice(amp, end).includes(';')) end = amp;
  return { text: text.slice(0, end).trimEnd() + ELLIPSIS, cut: true };
}

/**
 * Splits long mrkdwn into pieces of at most `max`, preferring line breaks, so a long TextBlock becomes
 * several sections instead of losing its end. A single over-long line is fitted (and reported as cut).
 */
export function splitMrkdwn(text: string, max: number): { parts: string[]; cut: boolean } {
  if (text.length <= max) return { parts: [text], cut: false };
  const parts: string[] = [];
  let cut = false;
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current);
    const fitted = fitMrkdwn(line, max);
    cut ||= fitted.cut;
    current = fitted.text;
  }
  if (!isBlank(current)) parts.push(current);
  return { parts: parts.filter((p) => !isBlank(p)), cut };
}
