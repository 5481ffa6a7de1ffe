import { formatDate, formatDateTime, stringsFor } from '../../cards';
import { RULE_CODES } from '../../domain';

/** Every leaf of a strings object: a path and what it is (functions are called with sample values). */
function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return [[path, String((node as (...a: unknown[]) => unknown)('X', 'Y', 'Z'))]];
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, '']];
}

describe('card strings', () => {
  const en = leaves(stringsFor('en'));
  const ja = leaves(stringsFor('ja'));

  it('English and Japanese have exactly the same keys (the type already insists; this checks arrays too)', () => {
    expect(ja.map(([k]) => k)).toEqual(en.map(([k]) => k));
  });

  it('no string is empty', () => {
    for (const [key, value] of [...en, ...ja]) expect([key, value.trim().length > 0]).toEqual([key, true]);
  });

  it('Japanese strings are Japanese (apart from product names and IDs)', () => {
    const latinOnly = ja.filter(([, v]) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(v)).map(([k]) => k);
    expect(latinOnly.sort()).toEqual(
      ['appName', 'labelled', 'fact.partnerId', 'platform.slack', 'platform.system', 'platform.teams', 'detail.fromTo', 'detail.entry', 'myRequests.line', 'decided.by'].sort(),
    );
  });

  it('every rule code has a short check label in both languages', () => {
    for (const code of RULE_CODES) {
      expect(stringsFor('en').check[code].length).toBeLessThan(60);
      expect(stringsFor('ja').check[code].length).toBeLessThan(40);
    }
  });
});

describe('dates', () => {
  const at = new Date('2025-06-09T00:15:00Z');

  it("are shown in the reader's time zone, naming it", () => {
    expect(formatDateTime(at, { locale: 'en', timeZone: 'Asia/Tokyo' })).toBe('Jun 9, 2025, 9:15 AM GMT+9');
    expect(formatDateTime(at, { locale: 'ja', timeZone: 'Asia/Tokyo' })).toBe('2025年6月9日 9:15 JST');
  });

  it('are shown in UTC, saying so, without a time zone or with one Intl does not know', () => {
    expect(formatDateTime(at, { locale: 'en' })).toBe('Jun 9, 2025, 12:15 AM UTC');
    expect(formatDateTime(at, { locale: 'ja' })).toBe('2025年6月9日 0:15 UTC');
    expect(formatDateTime(at, { locale: 'en', timeZone: 'Mars/Olympus_Mons' })).toMatch(/UTC$/);
  });

  it('calendar days (a term end) do not move with the time zone', () => {
    const termEnd = new Date('2025-03-31T00:00:00Z');
    expect(formatDate(termEnd, { locale: 'en', timeZone: 'America/Los_Angeles' }, true)).toBe('Mar 31, 2025');
    expect(formatDate(termEnd, { locale: 'ja', timeZone: 'America/Los_Angeles' }, true)).toBe('2025年3月31日');
  });
});
