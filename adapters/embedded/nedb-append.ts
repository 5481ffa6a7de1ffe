import { closeSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type Datastore from '@seald-io/nedb';

/**
 * The one place that reaches into nedb. package.json pins @seald-io/nedb to the exact version this was
 * written against, and test/store/nedb-shortcut.canary.test.ts fails when what it relies on changes:
 *
 * - `persistence.persistNewStateAsync(docs)`: called by every insert, update, remove and index change
 *   with the documents to append, awaited before the collection's next operation (nedb runs one at a
 *   time), and not called while compaction rewrites the file;
 * - `persistence.filename`, `persistence.inMemoryOnly`, `persistence.modes.fileMode`;
 * - compaction replaces the file (a new one renamed over it) and then emits `compaction.done`;
 * - the line format: `JSON.stringify` of the document, Dates as `{"$$date":ms}`;
 * - `indexes`: the collection's indexes by field name (`indexedFields`).
 *
 * Why: nedb appends each change with `fs.appendFile`, which opens and closes the file every time, through
 * libuv's thread pool, and serializes every document with a replacer called for each key. Measured with
 * `node dist/bench/store-writes.js`, that is five to six times the CPU of a write here (figures in the
 * commit that pinned nedb), and a turn makes 2 (Teams) to 4 (Slack) writes.
 */
export interface PersistenceInternals {
  filename?: string;
  inMemoryOnly?: boolean;
  modes?: { fileMode?: number };
  persistNewStateAsync?: (docs: unknown[]) => Promise<void>;
  /** nedb's compaction: every document written to a new file renamed over the old one. */
  persistCachedDatabaseAsync?: () => Promise<void>;
}

/**
 * Issue 19: nedb rewrites a collection's whole file each time it loads it (a compaction at the end of
 * `loadDatabaseAsync`). At L that is 100,000 organizations and as many people serialized and written at
 * every start, seconds with the event loop held. The rewrite is skipped when the file ends with a whole
 * line: what nedb just read is then exactly what the file says, and the next append starts a line of its
 * own. A file cut short mid-line (a write interrupted) is rewritten as before, or the next append would
 * be glued to the broken line and lost with it. Superseded lines stay until the periodic compaction.
 */
export async function loadWithoutRewrite(ds: Pick<Datastore, 'persistence' | 'loadDatabaseAsync'>): Promise<void> {
  const persistence = ds.persistence as unknown as PersistenceInternals;
  const own = persistence.persistCachedDatabaseAsync;
  if (persistence.inMemoryOnly || !persistence.filename || typeof own !== 'function' || !(await endsWithWholeLine(persistence.filename))) {
    return ds.loadDatabaseAsync();
  }
  persistence.persistCachedDatabaseAsync = async () => undefined;
  try {
    await ds.loadDatabaseAsync();
  } finally {
    persistence.persistCachedDatabaseAsync = own;
  }
}

/** The file exists and is empty or ends with a new line (a missing file goes through nedb's own checks). */
async function endsWithWholeLine(filename: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(filename, 'r');
  } catch {
    return false;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/**
 * Keeps the data file open for appending and writes flat documents' lines to it at once; documents that
 * are not flat go to nedb's own method (same file, same order: both append, one operation at a time).
 * Compaction replaces the file, so the handle is closed then and the next append opens the new file.
 */
export function keepDataFileOpen(ds: Pick<Datastore, 'persistence' | 'on'>): { close(): Promise<void>; appendedSinceCompaction(): boolean } {
  const persistence = ds.persistence as unknown as PersistenceInternals;
  const filename = persistence.filename;
  const own = persistence.persistNewStateAsync;
  // The canary test fails if this is ever the case for a file-backed collection.
  if (persistence.inMemoryOnly || !filename || typeof own !== 'function') return { close: async () => undefined, appendedSinceCompaction: () => true };
  const nedbPersist = own.bind(persistence);
  // Issue 19: whether the file has lines a compaction would tidy (an unchanged collection is not rewritten).
  let appended = false;
  let fd: number | undefined;
  const release = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    try {
      closeSync(open);
    } catch {
      // Closing a descriptor that already failed: nothing more to lose.
    }
  };
  persistence.persistNewStateAsync = async (docs: unknown[]) => {
    appended = true;
    let lines = '';
    for (const doc of docs) {
      const line = flatLine(doc);
      if (line === undefined) return nedbPersist(docs);
      lines += `${line}\n`;
    }
    if (!lines) return;
    try {
      fd ??= openSync(filename, 'a', persistence.modes?.fileMode);
      // A few hundred bytes into the page cache: written at once, cheaper than a round trip through
      // libuv's thread pool, and in the file before the operation resolves (as with nedb's own).
      const bytes = Buffer.from(lines, 'utf8');
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
    } catch (err) {
      release(); // the next write opens the file afresh
      throw err;
    }
  };
  ds.on('compaction.done', () => {
    appended = false;
    release();
  });
  return { close: async () => release(), appendedSinceCompaction: () => appended };
}

/**
 * nedb's line for a flat document: strings, numbers, booleans, null and Dates (`{"$$date":ms}`; an
 * invalid Date is `null`, as nedb writes it), as
 * conversation state, references and inbox entries are. `undefined` for anything else (an array, a
 * sub-document, a key nedb would check: `$…` or with a dot), which nedb then writes itself.
 */
export function flatLine(doc: unknown): string | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const record = doc as Record<string, unknown>;
  let line = '';
  for (const key of Object.keys(record)) {
    if (key.startsWith('$') || key.includes('.')) return undefined;
    const value = record[key];
    let json: string;
    if (value === undefined) continue;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') json = JSON.stringify(value);
    // An invalid Date's toJSON() is null, and nedb writes that null (not {"$$date":null}).
    else if (value instanceof Date) json = Number.isNaN(value.getTime()) ? 'null' : `{"$$date":${value.getTime()}}`;
    else return undefined;
    line += `${line ? ',' : ''}${JSON.stringify(key)}:${json}`;
  }
  return `{${line}}`;
}

/**
 * The fields a collection has an index on, as nedb loaded them from its file (nedb keeps every index a
 * file ever created until it is removed). Empty if nedb's `indexes` member ever goes (the canary test fails then).
 */
export function indexedFields(ds: Pick<Datastore, 'persistence'>): string[] {
  const indexes = (ds as unknown as { indexes?: unknown }).indexes;
  return indexes && typeof indexes === 'object' ? Object.keys(indexes) : [];
}
