import { createReadStream } from 'node:fs';
import { access, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  linkFromDocument,
  linkToDocument,
  organizationFromDocument,
  organizationToDocument,
  personFromDocument,
  personToDocument,
  relationshipFromDocument,
  relationshipToDocument,
  subscriptionFromDocument,
  subscriptionToDocument,
} from '../store-common';
import {
  identityKeyOf,
  linkIndexKeys,
  organizationIndexKeys,
  personIdentities,
  personIndexKeys,
  recordKey,
  recordPrefix,
  relationshipIndexKeys,
  subscriptionIndexKeys,
  type RecordKind,
} from './level-keys';
import { del, LevelKv, mark, put, type BatchOp } from './level-kv';

/** The nedb files the directory lived in before issue 19 moved it to LevelDB, and what each held. */
export const OLD_DIRECTORY_FILES: ReadonlyArray<readonly [file: string, kind: RecordKind]> = [
  ['organizations.db', 'org'],
  ['people.db', 'person'],
  ['links.db', 'link'],
  ['relationships.db', 'rel'],
  ['subscriptions.db', 'sub'],
];

const FOLDER = 'directory';
const IMPORTING = 'directory.importing';
const BATCH = 1_000;
type Doc = Record<string, unknown>;

/**
 * Issue 19: opens the directory's LevelDB in `DATA_DIR/directory`. A data folder written by an older
 * version holds the directory in nedb files instead: they are imported first, streaming (line by line,
 * never a whole file in memory), into `directory.importing`, which becomes `directory` only when
 * complete; then the old files are renamed `*.db.imported` (kept, not deleted). A crash before the
 * folder's rename leaves the old files as they were, and the next open starts the import again from
 * scratch; a crash after it leaves only the renaming of the old files to do.
 */
export async function openDirectoryKv(dataDir: string): Promise<LevelKv> {
  const present = await oldFiles(dataDir);
  if (present.length > 0 && !(await exists(join(dataDir, FOLDER)))) {
    const importing = join(dataDir, IMPORTING);
    await rm(importing, { recursive: true, force: true });
    const kv = await LevelKv.open(importing);
    try {
      for (const [file, kind] of present) await importNedbFile(kv, join(dataDir, file), kind);
      for (const [, kind] of OLD_DIRECTORY_FILES) await indexRecords(kv, kind);
    } finally {
      await kv.close();
    }
    await rename(importing, join(dataDir, FOLDER));
  }
  for (const [file] of present) await rename(join(dataDir, file), join(dataDir, `${file}.imported`));
  return LevelKv.open(join(dataDir, FOLDER));
}

async function oldFiles(dataDir: string): Promise<Array<readonly [string, RecordKind]>> {
  const names = new Set(await readdir(dataDir));
  return OLD_DIRECTORY_FILES.filter(([file]) => names.has(file));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** nedb writes a Date as `{"$$date": <ms>}`. */
const reviveDates = (_key: string, value: unknown) => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.$$date === 'number' && Object.keys(v).length === 1) return new Date(v.$$date);
  }
  return value;
};

/**
 * One nedb file's documents, as the raw records of the import: nedb appends every insert and update as
 * a whole document and a removal as `{"_id", "$$deleted": true}`, so a later line overrides an earlier
 * one (written in order, batch by batch). Index definitions (`$$indexCreated`) and a cut last line are
 * skipped, as nedb does.
 */
async function importNedbFile(kv: LevelKv, path: string, kind: RecordKind): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let ops: BatchOp[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    let doc: Doc;
    try {
      doc = JSON.parse(line, reviveDates) as Doc;
    } catch {
      continue;
    }
    if (doc.$$indexCreated !== undefined || typeof doc._id !== 'string') continue;
    ops.push(doc.$$deleted === true ? del(recordKey(kind, doc._id)) : put(recordKey(kind, doc._id), doc));
    if (ops.length >= BATCH) {
      await kv.batch(ops);
      ops = [];
    }
  }
  await kv.batch(ops);
}

/** Every raw record of a kind, checked by the domain's schema, written back as this store keeps it with its index entries. */
async function indexRecords(kv: LevelKv, kind: RecordKind): Promise<void> {
  let ops: BatchOp[] = [];
  for await (const [, value] of kv.entries(recordPrefix(kind))) {
    ops.push(...recordWrites(kind, JSON.parse(value) as Doc));
    if (ops.length >= BATCH) {
      await kv.batch(ops);
      ops = [];
    }
  }
  await kv.batch(ops);
}

function recordWrites(kind: RecordKind, doc: Doc): BatchOp[] {
  const index = (keys: string[]) => keys.map((k) => mark(k));
  switch (kind) {
    case 'org': {
      const o = organizationFromDocument(doc);
      return [put(recordKey(kind, o.id), organizationToDocument(o)), ...index(organizationIndexKeys(o))];
    }
    case 'person': {
      const p = personFromDocument(doc);
      return [put(recordKey(kind, p.id), personToDocument(p)), ...index(personIndexKeys(p)), ...personIdentities(p).map((k) => put(identityKeyOf(k), p.id))];
    }
    case 'link': {
      const l = linkFromDocument(doc);
      return [put(recordKey(kind, String(doc._id)), linkToDocument(l)), ...index(linkIndexKeys(l))];
    }
    case 'rel': {
      const r = relationshipFromDocument(doc);
      return [put(recordKey(kind, String(doc._id)), relationshipToDocument(r)), ...index(relationshipIndexKeys(r))];
    }
    case 'sub': {
      const s = subscriptionFromDocument(doc);
      return [put(recordKey(kind, s.id), subscriptionToDocument(s)), ...index(subscriptionIndexKeys(s))];
    }
  }
}
