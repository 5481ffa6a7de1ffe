import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { trusted, type Model } from 'mongoose';
import { StoreBusyError } from '../store-common';
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
 * A holder that dies leaves its lock behind; it is taken over once its lease has run out.
 */
export interface WriteLockOptions {
  leaseMs: number;
  waitMs: number;
}

const DEFAULTS: WriteLockOptions = { leaseMs: 15_000, waitMs: 10_000 };

export class WriteLocks {
  private readonly opts: WriteLockOptions;

  constructor(
    private readonly locks: Model<StoredDoc>,
    opts: Partial<WriteLockOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  async with<T>(resource: string, fn: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    await this.acquire(resource, token);
    try {
      return await fn();
    } finally {
      // If the release fails (connection lost), the lease still frees the record later.
      await this.locks.deleteOne({ _id: resource, token }).catch(() => undefined);
    }
  }

  private async acquire(resource: string, token: string): Promise<void> {
    const deadline = Date.now() + this.opts.waitMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.locks.create({ _id: resource, token, expiresAt: new Date(Date.now() + this.opts.leaseMs) });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      // Looking for a dead holder's lock now and then, not on every retry, keeps waiting cheap.
      if (attempt % 8 === 0) await this.locks.deleteOne({ _id: resource, expiresAt: trusted({ $lt: new Date() }) });
      if (Date.now() > deadline) throw new StoreBusyError(resource);
      // Short, jittered waits: the holder's critical section is one or two round trips.
      await sleep(Math.min(2 ** attempt, 20) * (0.5 + Math.random()));
    }
  }
}
