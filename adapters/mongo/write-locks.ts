import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { trusted, type Model } from 'mongoose';
import { StoreBusyError, StoreError } from '../store-common';
import { isDuplicateKey } from './mongo-errors';
import type { StoredDoc } from './models';

/**
 * Why this exists: FerretDB 1.24 (our test server, and a server some installs run) has no transactions,
 * and it executes updateOne/findOneAndUpdate as "find the document, change it in Go, write it back by
 * _id" with nothing held in between. So a filter such as `{ _id, version: 3 }` is NOT a compare-and-set
 * there (two racing writers both match and both "win"), and two `$push`es can lose one entry: measured
 * at 18 of 20 double wins and 24 of 30 lost pushes. What FerretDB does make atomic is an insert into a
 * unique index. So every read-modify-write of a contended record first inserts `{ _id: <record> }` here
 * (the insert that succeeds owns the record), does its single-document update, and deletes the lock.
 * On MongoDB proper this is redundant but harmless, and it keeps one code path that is tested.
 *
 * A holder that dies leaves its lock behind; it is taken over once its lease has run out. A holder that
 * is alive renews its lease (every quarter of it) for as long as it holds the lock, so a slow holder is not
 * taken over. A holder that was stopped long enough to lose it anyway (a paused process, a lost
 * connection) must not write: `hold.check()` refuses once the lease may have run out, and a fenced
 * write (`fencedUpdateOne`) stamps the record with the holder's token and writes only where the stamp
 * is still its own, so a write after another holder took over is refused (WRITE_LOCK_LOST) instead of
 * landing on top of the new holder's.
 */
export interface WriteLockOptions {
  leaseMs: number;
  waitMs: number;
  /** How often a held lock's lease is renewed (default: a quarter of the lease). */
  renewEveryMs?: number;
}

const DEFAULTS: WriteLockOptions = { leaseMs: 15_000, waitMs: 10_000 };

/** A guarded write found that its write lock had been taken over by another writer: nothing was written. */
export class WriteLockLostError extends StoreError {
  constructor(readonly resource: string) {
    super('WRITE_LOCK_LOST', `The write lock on "${resource}" was lost (its lease ran out and another writer took it); nothing was written.`);
  }
}

/** The lock as its holder sees it while inside. */
export interface LockHold {
  readonly resource: string;
  /** Unique to this holding: the fencing token a fenced write stamps on the record. */
  readonly token: string;
  /** Throws WriteLockLostError when the lock is known lost, or its lease may have run out unrenewed. */
  check(): void;
}

export class WriteLocks {
  private readonly opts: Required<WriteLockOptions>;

  constructor(
    private readonly locks: Model<StoredDoc>,
    opts: Partial<WriteLockOptions> = {},
  ) {
    const merged = { ...DEFAULTS, ...opts };
    this.opts = { ...merged, renewEveryMs: opts.renewEveryMs ?? Math.max(1, Math.floor(merged.leaseMs / 4)) };
  }

  async with<T>(resource: string, fn: (hold: LockHold) => Promise<T>): Promise<T> {
    const token = randomUUID();
    const acquiredAt = await this.acquire(resource, token);
    const hold = new Holding(resource, token, acquiredAt + this.opts.leaseMs);
    const renewing = this.keepRenewed(hold);
    try {
      return await fn(hold);
    } finally {
      renewing.stop();
      // If the release fails (connection lost), the lease still frees the record later.
      await this.locks.deleteOne({ _id: resource, token }).catch(() => undefined);
    }
  }

  /**
   * Issue 19: holds the locks on all these records while `fn` runs, as `with` holds one, in a few round
   * trips (an import's batch of a thousand subscriptions took three per record). Every lock is inserted
   * at once with one token; those another writer holds are then waited for one by one, as `with` waits.
   * The leases are renewed and released together. For writes that do not fence (`hold.check()`).
   */
  async withAll<T>(resources: readonly string[], fn: () => Promise<T>): Promise<T> {
    const wanted = [...new Set(resources)];
    if (wanted.length === 0) return fn();
    const token = randomUUID();
    // Renewed from the start: waiting for the last few must not let the first ones' leases run out.
    // One renewal at a time: on FerretDB an updateMany is a write per record, and renewals piling up on
    // a loaded server (16 at once, each up to 39 s, in an import of 1,100 subscriptions) starved the
    // write they were protecting and ran SQLite past its busy timeout (SQLITE_BUSY).
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      this.locks
        .updateMany({ _id: trusted({ $in: wanted }), token }, { $set: { expiresAt: new Date(Date.now() + this.opts.leaseMs) } })
        .catch(() => undefined)
        .finally(() => (renewing = false));
    }, this.opts.renewEveryMs);
    timer.unref();
    const release = () => {
      clearInterval(timer);
      return this.locks.deleteMany({ _id: trusted({ $in: wanted }), token }).catch(() => undefined);
    };
    try {
      await this.locks.insertMany(
        wanted.map((_id) => ({ _id, token, expiresAt: new Date(Date.now() + this.opts.leaseMs) })),
        { ordered: false },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) {
        await release();
        throw err;
      }
      // Which ones are ours: asked, not read off the error (its shape differs between servers and drivers).
      const held = new Set((await this.locks.find({ _id: trusted({ $in: wanted }), token }, { _id: 1 }).lean<StoredDoc[]>()).map((d) => String(d._id)));
      try {
        for (const resource of wanted) if (!held.has(resource)) await this.acquire(resource, token);
      } catch (e) {
        await release();
        throw e;
      }
    }
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  /** Renews the lease while held; finding the lock gone (or someone else's) marks the holding lost. */
  private keepRenewed(hold: Holding): { stop(): void } {
    let stopped = false;
    let inFlight = false;
    const timer = setInterval(() => {
      if (stopped || inFlight || hold.lost) return;
      inFlight = true;
      const startedAt = Date.now();
      const until = new Date(startedAt + this.opts.leaseMs);
      this.locks
        .updateOne({ _id: hold.resource, token: hold.token }, { $set: { expiresAt: until } })
        .then((res) => {
          if (stopped) return;
          if (res.matchedCount === 1) hold.validUntil = startedAt + this.opts.leaseMs;
          else hold.lost = true;
        })
        // A failed renewal is not a lost lock yet: check() refuses once the lease may have run out.
        .catch(() => undefined)
        .finally(() => (inFlight = false));
    }, this.opts.renewEveryMs);
    timer.unref();
    return {
      stop: () => {
        stopped = true;
        clearInterval(timer);
      },
    };
  }

  private async sweepExpired(resource: string): Promise<void> {
    const held = await this.locks.findById(resource, { token: 1, expiresAt: 1 }).lean<StoredDoc>();
    if (!held || !(held.expiresAt instanceof Date) || held.expiresAt.getTime() >= Date.now()) return;
    await this.locks.deleteOne({ _id: resource, token: held.token, expiresAt: held.expiresAt });
  }

  /** Returns the local time at which the lock was taken (the lease counts from just before it). */
  private async acquire(resource: string, token: string): Promise<number> {
    const deadline = Date.now() + this.opts.waitMs;
    for (let attempt = 1; ; attempt++) {
      const startedAt = Date.now();
      try {
        await this.locks.create({ _id: resource, token, expiresAt: new Date(startedAt + this.opts.leaseMs) });
        return startedAt;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      // Looking for a dead holder's lock now and then, not on every retry, keeps waiting cheap. Only the
      // exact lock seen expired is removed: a renewal that lands meanwhile changes it and keeps it.
      if (attempt % 8 === 0) await this.sweepExpired(resource);
      if (Date.now() > deadline) throw new StoreBusyError(resource);
      // Short, jittered waits: the holder's critical section is one or two round trips.
      await sleep(Math.min(2 ** attempt, 20) * (0.5 + Math.random()));
    }
  }
}

/** Margin before the lease's end after which a holder no longer writes (clock drift, a write in flight). */
const SAFETY_MS = 5;

class Holding implements LockHold {
  lost = false;
  constructor(
    readonly resource: string,
    readonly token: string,
    /** Local time until which the lease is known to be ours (moved on by each renewal). */
    public validUntil: number,
  ) {}

  check(): void {
    if (this.lost || Date.now() >= this.validUntil - SAFETY_MS) throw new WriteLockLostError(this.resource);
  }
}

/**
 * A write guarded by the lock and fenced by its token: the record is stamped `fence: <token>` and then
 * updated only where the stamp is still ours. A holder that lost its lock meanwhile finds another
 * holder's stamp and is refused with WriteLockLostError; any other non-match is the caller's own
 * (a compare-and-set that lost, an absent record) and returned as matchedCount 0. The record's model
 * must have a `fence` field.
 */
export async function fencedUpdateOne(
  hold: LockHold,
  model: Model<StoredDoc>,
  id: string,
  filter: Record<string, unknown>,
  update: Record<string, unknown>,
): Promise<{ matchedCount: number }> {
  hold.check();
  const stamped = await model.updateOne({ _id: id }, { $set: { fence: hold.token } });
  if (stamped.matchedCount === 0) return { matchedCount: 0 };
  hold.check();
  const res = await model.updateOne({ ...filter, _id: id, fence: hold.token }, update);
  if (res.matchedCount === 1) return { matchedCount: 1 };
  const now = await model.findById(id, { fence: 1 }).lean<StoredDoc>();
  if (now && now.fence !== hold.token) throw new WriteLockLostError(hold.resource);
  return { matchedCount: 0 };
}
