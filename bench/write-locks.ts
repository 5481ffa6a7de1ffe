/**
 * What the MongoDB store's write locks cost per guarded write, on the server MONGODB_URI names (this
 * project can test only against FerretDB; on MongoDB proper the figures differ). Each write is the
 * shape of a request transition: one updateOne filtered on `_id` and `version` that `$set`s fields.
 *
 * - `no lock`: the update alone (what MongoDB proper would need: its filtered update is atomic);
 * - `lock, unfenced`: insert the lock, the update, delete the lock (the lock before renewal and fencing);
 * - `lock, fenced`: what the store does now: the lock, the record stamped with the lock's token, the
 *   update filtered on that stamp, the lock deleted (renewal costs nothing for writes shorter than a
 *   quarter of the lease: its timer never fires).
 *
 * Sequential (1 in flight) and 8 in flight on 8 different records. Nothing is asserted.
 *
 *   tsc -p bench/tsconfig.json && MONGODB_URI=mongodb://127.0.0.1:27017/ node dist/bench/write-locks.js [writes per round, default 300]
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createModels, ensureIndexes, type MongoModels } from '../adapters/mongo/models';
import { fencedUpdateOne, WriteLocks } from '../adapters/mongo/write-locks';

type Variant = 'no lock' | 'lock, unfenced' | 'lock, fenced';
const VARIANTS: readonly Variant[] = ['no lock', 'lock, unfenced', 'lock, fenced'];

function recordDoc(id: string): Record<string, unknown> {
  const now = new Date();
  return {
    _id: id,
    subject: { kind: 'link_distributor', resellerId: 'bench-reseller', providerId: 'bench-provider' },
    status: 'pending_approval',
    version: 1,
    requester: { personId: 'bench-person', orgId: 'bench-reseller', platform: 'teams' },
    steps: [{ orgId: 'bench-provider', as: 'provider' }],
    stage: 0,
    createdAt: now,
    updatedAt: now,
    expiresAt: now,
    checks: [],
    audit: [],
    openKey: `bench:${id}`,
    awaitingOrgId: 'bench-provider',
  };
}

async function write(variant: Variant, m: MongoModels, locks: WriteLocks, id: string, version: number): Promise<void> {
  const filter = { _id: id, version };
  const update = { $set: { version: version + 1, updatedAt: new Date() } };
  if (variant === 'no lock') await m.requests.updateOne(filter, update);
  else if (variant === 'lock, unfenced') await locks.with(`request:${id}`, () => m.requests.updateOne(filter, update));
  else await locks.with(`request:${id}`, (hold) => fencedUpdateOne(hold, m.requests, id, { version }, update));
}

async function round(variant: Variant, m: MongoModels, locks: WriteLocks, n: number, inFlight: number): Promise<number> {
  const ids = Array.from({ length: inFlight }, () => `PL-${randomBytes(4).toString('hex').toUpperCase()}`);
  await m.requests.insertMany(ids.map(recordDoc));
  const versions = new Map(ids.map((id) => [id, 1]));
  const perWorker = Math.ceil(n / inFlight);
  const t0 = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 0; i < perWorker; i++) {
        const v = versions.get(id)!;
        await write(variant, m, locks, id, v);
        versions.set(id, v + 1);
      }
    }),
  );
  const ms = (performance.now() - t0) / (perWorker * inFlight);
  const stored = await m.requests.find({ _id: { $in: ids } }, { version: 1 }).lean();
  if (stored.some((d) => d.version !== perWorker + 1)) throw new Error(`${variant}: a write was lost`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('Set MONGODB_URI (for example: bash .ci/ferretdb.sh start).');
  const n = Number(process.argv[2] ?? 300);
  const rounds = 5;
  const dbName = `pl_bench_locks_${randomBytes(3).toString('hex')}`;
  const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
  const m = createModels(conn);
  await ensureIndexes(m);
  const locks = new WriteLocks(m.locks);
  try {
    console.log(`${uri.replace(/\/\/[^@/]*@/, '//…@')}: ${n} writes per round, median of ${rounds} rounds (variants alternate), ms per write`);
    console.log('in flight | ' + VARIANTS.join(' | ') + ' | fenced lock adds');
    for (const inFlight of [1, 8]) {
      const figures = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
      for (const v of VARIANTS) await round(v, m, locks, Math.min(n, 50), inFlight); // warm-up
      for (let r = 0; r < rounds; r++) for (const v of VARIANTS) figures.get(v)!.push(await round(v, m, locks, n, inFlight));
      const med = VARIANTS.map((v) => median(figures.get(v)!));
      console.log(`${inFlight} | ${med.map((x) => x.toFixed(2)).join(' | ')} | +${(med[2]! - med[0]!).toFixed(2)} ms (${(med[2]! / med[0]!).toFixed(1)}×)`);
    }
  } finally {
    await conn.dropDatabase();
    await conn.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
