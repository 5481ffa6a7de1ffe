import { displayName, type Locale, type Organization } from '../domain';
import type { CardContext } from './models';

const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-US', ja: 'ja-JP' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** A time zone Intl accepts, else UTC (a bad zone in a profile must not break a card). */
function zoneOf(ctx: CardContext): string {
  if (!ctx.timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: ctx.timeZone });
    return ctx.timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * An instant as Adaptive Cards date functions want it: RFC 3339 with seconds and no fraction
 * ("2026-12-07T06:08:39Z"); the functions are left as written when it has milliseconds.
 */
function functionInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Date and time in the reader's zone, naming the zone ("Mar 5, 2025, 2:30 PM GMT+9", "2025年3月5日 14:30 JST").
 * For many readers (`perReader`), `{{DATE(…, SHORT)}} {{TIME(…)}}`: Teams draws them in each reader's
 * locale and zone, the Slack renderer turns them into `<!date^…>` tokens with a UTC fallback.
 */
export function formatDateTime(date: Date, ctx: CardContext): string {
  if (ctx.perReader) {
    const at = functionInstant(date);
    return `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[ctx.locale], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zoneOf(ctx),
    timeZoneName: 'short',
  })
    .format(date)
    // Some ICU versions put a narrow no-break space before AM/PM; keep plain spaces for every host.
    .replace(/\u202f/g, ' ');
}

/**
 * A day ("Mar 5, 2025", "2025年3月5日"). `calendar` dates (a term's end) are days, not instants, and
 * are stored as UTC midnight: they are shown in UTC so that no zone moves them to the day before.
 */
export function formatDate(date: Date, ctx: CardContext, calendar = false): string {
  if (ctx.perReader && !calendar) return `{{DATE(${functionInstant(date)}, SHORT)}}`;
  return new Intl.DateTimeFormat(INTL_LOCALE[ctx.locale], {
    year: 'numeric',
    month: ctx.locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    timeZone: calendar ? 'UTC' : zoneOf(ctx),
  }).format(date);
}

/** Whole days from `now` to `date`, rounded up; undefined without a clock. */
export function daysUntil(date: Date, ctx: CardContext): number | undefined {
  return ctx.now ? Math.ceil((date.getTime() - ctx.now.getTime()) / DAY_MS) : undefined;
}

/** Looks organizations up by id and names them for the reader; an unknown id is shown as it is. */
export function orgNamer(organizations: readonly Organization[], locale: Locale) {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return {
    find: (id: string): Organization | undefined => byId.get(id),
    name: (id: string): string => {
      const org = byId.get(id);
      return org ? displayName(org, locale) : id;
    },
  };
}
export type OrgNamer = ReturnType<typeof orgNamer>;

/** Joins names as a reader expects: "A, B and C" / 「A、B、C」. */
export function listOf(items: readonly string[], locale: Locale): string {
  if (locale === 'ja') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Truncates user-supplied text for a card (reasons can be long), marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A subscription's name with its workload, once: "Microsoft 365 E3 (EA) · Microsoft 365", never two
 * brackets in a row; the workload is left out when the name already says it.
 */
export function subscriptionLabel(name: string, workload: string): string {
  if (name.toLowerCase().includes(workload.toLowerCase())) return name;
  return /\)\s*$/.test(name) ? `${name} · ${workload}` : `${name} (${workload})`;
}
