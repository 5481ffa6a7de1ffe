import { asRecord, getArray, getString, type JsonRecord } from './json-access';

/**
 * Paths name an element or action inside a card, so a ShowCard click can say which inner card to open.
 * Segments are joined by ".": b<n> body, a<n> actions (card or ActionSet), i<n> items (Container,
 * Column), c<n> columns, r<n> table rows, k<n> row cells, f the fallback. Stepping from an
 * Action.ShowCard into b/a enters its card. Example: "b2.a0.a1" = body[2] (an ActionSet) -> actions[0]
 * (a ShowCard) -> its card's actions[1].
 */
const COLLECTION: Record<string, string> = { b: 'body', a: 'actions', i: 'items', c: 'columns', r: 'rows', k: 'cells' };

export function childPath(parent: string, segment: string): string {
  return parent === '' ? segment : `${parent}.${segment}`;
}

export function pathDepth(path: string): number {
  return path === '' ? 0 : path.split('.').length;
}

/** The node a path names, or undefined when the card has no such node (e.g. it changed since). */
function walk(card: unknown, path: string): JsonRecord | undefined {
  let cursor = asRecord(card);
  if (!cursor || path === '') return undefined;
  for (const segment of path.split('.')) {
    if (!cursor) return undefined;
    if (segment === 'f') {
      cursor = asRecord(cursor.fallback);
      continue;
    }
    const m = /^([bacikr])(\d{1,5})$/.exec(segment);
    if (!m) return undefined;
    if ((m[1] === 'b' || m[1] === 'a') && getString(cursor, 'type') === 'Action.ShowCard') cursor = asRecord(cursor.card);
    if (!cursor) return undefined;
    cursor = asRecord(getArray(cursor, COLLECTION[m[1]!]!)[Number(m[2])]);
  }
  return cursor;
}

/** The inner card of the Action.ShowCard at `path`, or undefined. */
export function resolveShowCard(card: unknown, path: string): JsonRecord | undefined {
  const action = walk(card, path);
  return action && getString(action, 'type') === 'Action.ShowCard' ? asRecord(action.card) : undefined;
}
