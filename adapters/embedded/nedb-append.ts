import { closeSync, openSync, writeSync } from 'node:fs';
import { serialize } from '@seald-io/nedb/lib/model';
import type { Collection } from './nedb-collections';

interface PersistenceInternals {
  filename?: string;
  inMemoryOnly?: boolean;
  modes?: { fileMode?: number };
  persistNewStateAsync?: (docs: unknown[]) => Promise<void>;
}

/**
 * nedb appends each change to its data file with `fs.appendFile`, which opens and closes the file every
 * time: on a busy bot that is most of the store's cost. This keeps the file open for appending instead,
 * writing the same lines in the same order (nedb runs one operation at a time per collection, and waits
 * for the write before the next). Compaction replaces the file with a new one, so the handle is closed
 * then and the next append opens the new file.
 *
 * Relies on nedb 4's Persistence.persistNewStateAsync(docs); if that is not there, nedb's own is kept.
 */
export function keepDataFileOpen(ds: Collection): { close(): Promise<void> } {
  const persistence = ds.persistence as unknown as PersistenceInternals;
  const filename = persistence.filename;
  if (persistence.inMemoryOnly || !filename || typeof persistence.persistNewStateAsync !== 'function') return { close: async () => undefined };
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
    let lines = '';
    for (const doc of docs) lines += `${serializeDocument(doc)}\n`;
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
  ds.on('compaction.done', release);
  return { close: async () => release() };
}

/**
 * nedb's own line for a document (`model.serialize`), without its replacer call for every key when the
 * document is flat: strings, numbers, booleans, null and Dates (`{"$$date":ms}`), as conversation
 * state, references and inbox entries are. Anything else, or a key nedb would refuse, goes to nedb's.
 */
export function serializeDocument(doc: unknown): string {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return serialize(doc);
  const record = doc as Record<string, unknown>;
  let line = '';
  for (const key of Object.keys(record)) {
    if (key.startsWith('$') || key.includes('.')) return serialize(doc);
    const value = record[key];
    let json: string;
    if (value === undefined) continue;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') json = JSON.stringify(value);
    else if (value instanceof Date) json = `{"$$date":${JSON.stringify(value.getTime())}}`;
    else return serialize(doc);
    line += `${line ? ',' : ''}${JSON.stringify(key)}:${json}`;
  }
  return `{${line}}`;
}
