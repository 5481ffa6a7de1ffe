import { randomUUID } from 'node:crypto';
import { trusted } from 'mongoose';
import type { OrganizationNameRecord, SavedOrganizationIndexPort } from '../../domain';
import type { DirectoryModels } from './models/directory.models';
import type { OrganizationIndexModels, StoredDoc } from './models';
import { isDuplicateKey, retryOnDuplicate, retryWhileBusy } from './mongo-errors';

const NAMES = 'organization-names';
const HEAD = 'organization-index';
/** Well under MongoDB's 16 MB document limit (FerretDB on SQLite stores binary as base64 text, a third more). */
export const INDEX_PART_BYTES = 2 * 1024 * 1024;

/**
 * The names generation in MongoDB: one counter shared by every instance, raised with $inc after any write
 * that adds an organization or changes one's names (MongoDirectory.importDirectory). Raised after the
 * write, never before: names read after reading a generation include every change that generation counts.
 */
export class MongoNamesGeneration {
  constructor(private readonly meta: OrganizationIndexModels['directoryMeta']) {}

  async current(): Promise<number> {
    const doc = await this.meta.findById(NAMES, { generation: 1 }).lean<StoredDoc>();
    return typeof doc?.generation === 'number' ? doc.generation : 0;
  }

  async raise(): Promise<void> {
    // Two first upserts at once: the loser's duplicate key is retried as an update of the winner's record.
    await retryWhileBusy(() => retryOnDuplicate(() => this.meta.updateOne({ _id: NAMES }, { $inc: { generation: 1 } }, { upsert: true }).exec()));
  }
}

/**
 * The saved organization-name index in MongoDB: parts of at most `partBytes` in `organization_index_parts`,
 * tagged with a build ID and the generation they were built from, and a head record in `directory_meta`
 * naming the build that is the index of its generation. Without transactions, a save writes its parts
 * first, then points the head at them unless it names a newer generation (a conditional upsert; the same
 * generation is replaced), then deletes the parts of older generations. A reader that finds parts
 * missing (deleted under it by a newer save) gets no bytes and builds the index itself.
 */
export class MongoOrganizationIndex implements SavedOrganizationIndexPort {
  constructor(
    private readonly m: OrganizationIndexModels & Pick<DirectoryModels, 'organizations'>,
    private readonly names: MongoNamesGeneration,
    private readonly partBytes = INDEX_PART_BYTES,
  ) {}

  namesGeneration(): Promise<number> {
    return this.names.current();
  }

  async savedOrganizationIndex(): Promise<{ bytes: Uint8Array | undefined; generation: number }> {
    const generation = await this.names.current();
    const head = await this.m.directoryMeta.findById(HEAD).lean<StoredDoc>();
    if (head?.generation !== generation || typeof head.build !== 'string') return { bytes: undefined, generation };
    const parts = await this.m.organizationIndexParts.find({ build: head.build }, { data: 1, part: 1 }).sort({ part: 1 }).lean<StoredDoc[]>();
    const chunks = parts.map((p) => asBytes(p.data));
    const bytes = concat(chunks);
    const whole = parts.length === head.parts && parts.every((p, i) => p.part === i) && bytes.length === head.bytes;
    return { bytes: whole ? bytes : undefined, generation };
  }

  async saveOrganizationIndex(bytes: Uint8Array, generation: number): Promise<boolean> {
    if ((await this.names.current()) !== generation) return false;
    const head = await this.m.directoryMeta.findById(HEAD, { generation: 1 }).lean<StoredDoc>();
    if (typeof head?.generation === 'number' && head.generation > generation) return false;
    const build = randomUUID();
    const count = Math.max(1, Math.ceil(bytes.length / this.partBytes));
    for (let part = 0; part < count; part++) {
      const data = Buffer.from(bytes.buffer, bytes.byteOffset + part * this.partBytes, Math.min(this.partBytes, bytes.length - part * this.partBytes));
      await retryWhileBusy(() => this.m.organizationIndexParts.create({ _id: `${build}/${part}`, build, generation, part, data }));
    }
    const moved = (await this.names.current()) === generation && (await this.moveHead(build, generation, count, bytes.length));
    // Parts no head names any more (older generations'), or this build's own when it was not taken.
    await this.m.organizationIndexParts.deleteMany(moved ? { generation: trusted({ $lt: generation }) } : { build });
    return moved;
  }

  async organizationNames(): Promise<OrganizationNameRecord[]> {
    // The two fields only: at L, 100,200 small documents instead of whole records read and parsed.
    const docs = await this.m.organizations.find({}, { name: 1, nameJa: 1 }).sort({ _id: 1 }).lean<StoredDoc[]>();
    return docs.map((d) => ({ id: d._id, name: String(d.name), ...(typeof d.nameJa === 'string' && d.nameJa ? { nameJa: d.nameJa } : {}) }));
  }

  /** Points the head at this build unless it names a newer generation already. */
  private async moveHead(build: string, generation: number, parts: number, bytes: number): Promise<boolean> {
    try {
      const r = await retryWhileBusy(() =>
        this.m.directoryMeta.updateOne({ _id: HEAD, generation: trusted({ $lte: generation }) }, { $set: { generation, build, parts, bytes } }, { upsert: true }).exec(),
      );
      return r.modifiedCount + r.upsertedCount > 0;
    } catch (err) {
      // The head exists with a newer generation: the upsert tried to create a second record.
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}

/** A stored Buffer comes back from `.lean()` as a BSON Binary (or a Buffer). */
function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer?: unknown } | null;
  if (binary?.buffer instanceof Uint8Array) return binary.buffer;
  return new Uint8Array(0);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
