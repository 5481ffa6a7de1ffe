import { ClassicLevel } from 'classic-level';
import { END } from './level-keys';

export type BatchOp = { type: 'put'; key: string; value: string } | { type: 'del'; key: string };

/**
 * Issue 19: the few LevelDB operations the embedded directory needs, on strings, with JSON values; and
 * a lock that runs read-modify-write changes one at a time (the store serves one process: its folder
 * is locked, so this is the only writer).
 */
export class LevelKv {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: ClassicLevel<string, string>) {}

  static async open(location: string): Promise<LevelKv> {
    const db = new ClassicLevel<string, string>(location, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
    await db.open();
    return new LevelKv(db);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const v = await this.db.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  async getMany<T>(keys: readonly string[]): Promise<T[]> {
    if (keys.length === 0) return [];
    const values = await this.db.getMany([...keys]);
    return values.filter((v): v is string => v !== undefined).map((v) => JSON.parse(v) as T);
  }

  /** The keys starting with `prefix`, in order, at most `limit`. */
  async keys(prefix: string, limit?: number): Promise<string[]> {
    const out: string[] = [];
    for await (const chunk of inChunks(this.db.keys({ gte: prefix, lt: prefix + END }), limit)) out.push(...chunk);
    return out;
  }

  /** The entries starting with `prefix`, in key order, one by one (a scan can stop early); with `after`, those after `prefix + after` only. */
  async *entries(prefix: string, after?: string): AsyncGenerator<[string, string]> {
    const from = after === undefined ? { gte: prefix } : { gt: prefix + after };
    for await (const chunk of inChunks(this.db.iterator({ ...from, lt: prefix + END }))) yield* chunk;
  }

  /** A value kept as bytes (not JSON), or undefined. */
  async getBytes(key: string): Promise<Uint8Array | undefined> {
    return this.db.get<string, Uint8Array>(key, { valueEncoding: 'view' });
  }

  putBytes(key: string, value: Uint8Array): Promise<void> {
    return this.db.put<string, Uint8Array>(key, value, { valueEncoding: 'view' });
  }

  async has(prefix: string): Promise<boolean> {
    return (await this.keys(prefix, 1)).length > 0;
  }

  batch(ops: BatchOp[]): Promise<void> {
    return ops.length === 0 ? Promise.resolve() : this.db.batch(ops);
  }

  /** Runs `change` after every change queued before it (and before any queued after it). */
  exclusive<T>(change: () => Promise<T>): Promise<T> {
    const run = this.tail.then(change, change);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Waits for queued changes, then closes. */
  async close(): Promise<void> {
    await this.tail;
    await this.db.close();
  }
}

/** The first read of a scan asks for this many entries; each next one for four times more, up to LAST_CHUNK. */
export const FIRST_CHUNK = 16;
const LAST_CHUNK = 1000;

/**
 * Reads an iterator in chunks that start small, and closes it however the caller stops. Why: for each
 * read of n entries, classic-level reserves room for n in native memory that is freed only when V8
 * collects the iterator's small JS object, and V8 does not know about that memory, so it collects
 * seldom. Its own `next()` and `all()` ask for 1,000 at a time (about 32 KB), so at L every add-partner
 * turn, with its dozens of short scans, held about 1 MB of native memory until a major GC: RSS grew by
 * hundreds of MB with a V8 heap of 128 MB (heaptrack: std::vector::reserve in NextWorker). Most scans
 * here read a handful of index keys, so they now reserve room for 16.
 */
async function* inChunks<T>(it: { nextv(size: number): Promise<T[]>; close(): Promise<void> }, limit = Infinity): AsyncGenerator<T[]> {
  let size = FIRST_CHUNK;
  let left = limit;
  try {
    while (left > 0) {
      const chunk = await it.nextv(Math.min(size, left));
      if (chunk.length === 0) return;
      left -= chunk.length;
      yield chunk;
      size = Math.min(size * 4, LAST_CHUNK);
    }
  } finally {
    await it.close();
  }
}

export const put = (key: string, value: unknown): BatchOp => ({ type: 'put', key, value: JSON.stringify(value) });
export const mark = (key: string, value = ''): BatchOp => ({ type: 'put', key, value: JSON.stringify(value) });
export const del = (key: string): BatchOp => ({ type: 'del', key });

/** Index entries: the old record's ones that the new one lacks are deleted, the new ones written. */
export function reindex(before: readonly string[], after: readonly string[]): BatchOp[] {
  const keep = new Set(after);
  return [...before.filter((k) => !keep.has(k)).map(del), ...after.map((k) => mark(k))];
}
