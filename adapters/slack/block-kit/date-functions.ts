/**
 * Adaptive Card text functions `{{DATE(iso, COMPACT|SHORT|LONG)}}` and `{{TIME(iso)}}`. Slack has its
 * own localised date token, `<!date^unix^{format}|fallback>`, so each reader sees their own time zone,
 * as in Teams.
 */
const DATE_FUNCTION =
  /\{\{(DATE|TIME)\(\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))\s*(?:,\s*(COMPACT|SHORT|LONG)\s*)?\)\}\}/y;

const SLACK_FORMAT: Record<string, string> = {
  TIME: '{time}',
  COMPACT: '{date_num}',
  SHORT: '{date_short}',
  LONG: '{date_long}',
};

export interface DateToken {
  /** Slack's date token, e.g. `<!date^1487052519^{date_short}|2017-02-14>`. */
  mrkdwn: string;
  /** What a plain-text reader sees: the UTC date or time. */
  plain: string;
  end: number;
}

/** Recognises a date/time function starting exactly at `index`, or returns undefined. */
export function matchDateFunction(text: string, index: number): DateToken | undefined {
  DATE_FUNCTION.lastIndex = index;
  const m = DATE_FUNCTION.exec(text);
  if (!m) return undefined;
  const [, fn, iso, style] = m;
  const ms = Date.parse(iso!);
  if (!Number.isFinite(ms)) return undefined;
  const utc = new Date(ms).toISOString();
  const plain = fn === 'TIME' ? `${utc.slice(11, 16)} UTC` : utc.slice(0, 10);
  const format = SLACK_FORMAT[fn === 'TIME' ? 'TIME' : (style ?? 'COMPACT')]!;
  return { mrkdwn: `<!date^${Math.floor(ms / 1000)}^${format}|${plain}>`, plain, end: DATE_FUNCTION.lastIndex };
}
