import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { type Connection } from 'mongoose';
import { createModels, ensureIndexes, type MongoModels } from '../../adapters/mongo/models';
import { fencedUpdateOne, WriteLocks, type LockHold } from '../../adapters/mongo/write-locks';
import { CodedError } from '../../domain';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';
import { requestToDocument } from '../../adapters/store-common';
import { pendingRequest } from '../support/request-fixtures';

/**
 * The MongoDB store's write locks on a real MongoDB-wire server (FerretDB in CI), with a lease far
 * shorter than the holder's work: two instances (two connections, two lock managers) contend for one
 * record. Without renewal the second took the lock over while the first was still inside.
 */
const uri = process.env.MONGODB_URI || process.env[ENV.uri];
const run = uri ? describe : process.env.CI === 'true' ? describe : describe.skip;
if (!uri && process.env.CI !== 'true') console.warn(`write-lock tests skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);

run('MongoDB write locks: renewed while held, fenced when lost', () => {
  const dbName = `pl_locks_${randomBytes(4).toString('hex')}`;
  let conns: Connection[] = [];
  let a: MongoModels;
  let b: MongoModels;

  beforeAll(async () => {
    if (!uri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
    conns = await Promise.all([0, 1].map(() => mongoose.createConnection(uri, { dbName, sanitizeFilter: true }).asPromise()));
    a = createModels(conns[0]!);
    b = createModels(conns[1]!);
    await ensureIndexes(a);
  });
  afterAll(async () => {
    await conns[0]?.dropDatabase();
    await Promise.all(conns.map((c) => c.close()));
  });
  beforeEach(async () => {
    await a.locks.deleteMany({});
    await a.requests.deleteMany({});
  });

  it('a 100 ms lease and 600 ms holders on two instances: never two holders inside at once, no update lost', async () => {
    const r = pendingRequest();
    await a.requests.create(requestToDocument(r));
    const locksA = new WriteLocks(a.locks, { leaseMs: 100, waitMs: 20_000 });
    const locksB = new WriteLocks(b.locks, { leaseMs: 100, waitMs: 20_000 });
    const accepted: Array<[number, number]> = [];
    const refused: unknown[] = [];
    // A read-modify-write of the request's stage, slow: what the lock is there to keep whole.
    const holder = (locks: WriteLocks, models: MongoModels) =>
      locks
        .with(`request:${r.id}`, async (hold) => {
          const enteredAt = performance.now();
          const stage = Number((await models.requests.findById(r.id).lean())?.stage);
          await sleep(600);
          const res = await fencedUpdateOne(hold, models.requests, r.id, {}, { $set: { stage: stage + 1 } });
          expect(res.matchedCount).toBe(1);
          accepted.push([enteredAt, performance.now()]);
        })
        .catch((err: unknown) => refused.push(err));
    await Promise.all([holder(locksA, a), holder(locksB, b), holder(locksA, a), holder(locksB, b)]);
    // Every holder wrote, or (stalled past its lease on a loaded machine) was refused and wrote nothing.
    for (const err of refused) expect(err).toMatchObject({ code: 'WRITE_LOCK_LOST' });
    expect(accepted.length + refused.length).toBe(4);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect((await a.requests.findById(r.id).lean())?.stage).toBe(r.stage + accepted.length);
    const sorted = [...accepted].sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0]).toBeGreaterThanOrEqual(sorted[i - 1]![1]);
    expect(await a.locks.countDocuments()).toBe(0);
  });

  it('a holder whose lease ran out unrenewed (a paused process) has its write refused with a CodedError; the new holder\'s write stands', async () => {
    const r = pendingRequest();
    await a.requests.create(requestToDocument(r));
    // Renewal far slower than the lease: as if the process had been paused while holding the lock.
    const paused = new WriteLocks(a.locks, { leaseMs: 100, waitMs: 10_000, renewEveryMs: 60_000 });
    // The new holder's lease is long: only the paused one's running out is under test here.
    const live = new WriteLocks(b.locks, { leaseMs: 5_000, waitMs: 10_000 });
    const slow = paused.with(`request:${r.id}`, async (hold) => {
      await sleep(600);
      return fencedUpdateOne(hold, a.requests, r.id, {}, { $set: { stage: 7 } });
    });
    await sleep(150);
    const fast = await live.with(`request:${r.id}`, (hold) => fencedUpdateOne(hold, b.requests, r.id, {}, { $set: { stage: 1 } }));
    expect(fast.matchedCount).toBe(1);
    const refused = await slow.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(CodedError);
    expect(refused).toMatchObject({ code: 'WRITE_LOCK_LOST' });
    expect((await a.requests.findById(r.id).lean())?.stage).toBe(1);
  });

  it('the fence on the record itself: a write with a token another holder has since stamped is refused, whatever the writer believes', async () => {
    const r = pendingRequest();
    await a.requests.create(requestToDocument(r));
    const live = new WriteLocks(b.locks, { leaseMs: 5_000, waitMs: 10_000 });
    // The old holder's view: its own clock says the lease is fine (no local check can save it).
    const stale: LockHold = { resource: `request:${r.id}`, token: 'old-holder', check: () => undefined };
    await a.requests.updateOne({ _id: r.id }, { $set: { fence: 'old-holder' } });
    await live.with(`request:${r.id}`, (hold) => fencedUpdateOne(hold, b.requests, r.id, {}, { $set: { stage: 2 } }));
    // Stamped by the new holder: the old one's stamp-then-write must not land. Its stamp does land
    // (it is only a marker), so race it as FerretDB would, stamping between: the write is refused.
    const racing: typeof a.requests = Object.create(a.requests, {
      updateOne: {
        value: async (filter: Record<string, unknown>, update: Record<string, unknown>) => {
          const res = await a.requests.updateOne(filter, update);
          if ('fence' in ((update.$set as object | undefined) ?? {}) && Object.keys(filter).length === 1) await b.requests.updateOne({ _id: r.id }, { $set: { fence: 'newest-holder' } });
          return res;
        },
      },
    });
    await expect(fencedUpdateOne(stale, racing, r.id, {}, { $set: { stage: 9 } })).rejects.toMatchObject({ code: 'WRITE_LOCK_LOST' });
    expect((await a.requests.findById(r.id).lean())?.stage).toBe(2);
  });
});
