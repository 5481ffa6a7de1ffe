import { setTimeout as sleep } from 'node:timers/promises';
import { types } from 'node:util';
import { unwrap } from '../../domain';

/** MongoDB (and FerretDB) report a broken unique index as code 11000 (11001 on old servers). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: unknown; writeErrors?: Array<{ code?: unknown }> } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 11000 || e.code === 11001) return true;
  return Array.isArray(e.writeErrors) && e.writeErrors.some((w) => w.code === 11000);
}

/**
 * Runs an upsert again when it lost a race to create the same `_id`: on FerretDB (and on MongoDB for
 * concurrent upserts) the loser gets a duplicate-key error, and the second try finds the document.
 */
export async function retryOnDuplicate<T>(op: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      if (!isDuplicateKey(err) || i >= attempts) throw err;
    }
  }
}

/**
 * FerretDB on SQLite answers a write that could not get SQLite's write lock in time (its busy timeout,
 * 10 s) with an internal error whose message carries SQLite's code: SQLITE_BUSY or SQLITE_LOCKED,
 * "database is locked" or "database table is locked". Nothing was written by that statement; an
 * idempotent write may simply be sent again. MongoDB proper never answers so.
 */
export function isServerBusy(err: unknown): boolean {
  const e = err as { message?: unknown; writeErrors?: Array<{ errmsg?: unknown }> } | null;
  if (!e || typeof e !== 'object') return false;
  const texts = [e.message, ...(Array.isArray(e.writeErrors) ? e.writeErrors.map((w) => w?.errmsg) : [])];
  return texts.some((t) => typeof t === 'string' && BUSY.test(t));
}
const BUSY = /SQLITE_BUSY|SQLITE_LOCKED|database (table )?is locked/i;

/**
 * Runs an idempotent write again (at most `attempts` times in all, after a short, growing, jittered
 * pause) while the server answers that it is busy (`isServerBusy`). Issue 19: a large import on
 * FerretDB met SQLITE_BUSY inside a bulk write now and then when the machine was loaded.
 */
export async function retryWhileBusy<T>(op: () => Promise<T>, attempts = 4, pauseMs = 200): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      if (!isServerBusy(err) || i >= attempts) throw err;
      await sleep(pauseMs * 2 ** (i - 1) * (0.5 + Math.random()));
    }
  }
}

/** Any realm's Error. `Error.isError` (Node 24+) is the standard for this; Node 20 and 22 have only util's. */
const isError: (x: unknown) => x is Error = (Error as { isError?: (x: unknown) => x is Error }).isError ?? types.isNativeError;

const UNAVAILABLE = /^Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared)Error$/;
// When the server dies, a pooled connection can be written to after the other side closed it: Node's
// own socket error (EPIPE, "This socket has been ended by the other party") then reaches us unwrapped.
// A write lock that could not be had in time (STORE_BUSY) is also "try again later".
const CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_SOCKET_CLOSED', 'STORE_BUSY']);

/**
 * Server unreachable, connection lost or closed: the driver reconnects by itself once it is back.
 * Looks at every layer `unwrap` finds, so that an outage is still one when botbuilder-dialogs wrapped
 * it (DialogContextError keeps it in `.error`) or another error carries it as its `cause`.
 *
 * Each layer must be an error by `isError` (above), never `instanceof Error`: the socket errors are
 * made by Node's core code, and where our code runs in another realm (jest's sandbox, a vm context) they
 * are not `instanceof` our Error. The outage was then taken for a bug and the turn failed instead of
 * answering "temporarily unavailable" (the store-outage test failed that way whenever the turn hit a
 * pooled connection the dead server had closed). Look-alike plain objects do not count.
 */
export function isMongoUnavailable(err: unknown): boolean {
  return unwrap(err).some((e) => isError(e) && isOutage(e));
}

function isOutage(e: Error): boolean {
  const code = (e as { code?: unknown }).code;
  return UNAVAILABLE.test(e.name) || (typeof code === 'string' && CODES.has(code)) || /socket has been ended by the other party/.test(e.message);
}
