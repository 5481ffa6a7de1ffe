import { isServerBusy, retryWhileBusy } from '../../adapters/mongo/mongo-errors';

/**
 * Issue 19: FerretDB on SQLite refuses a write it could not get the database lock for in time. The
 * message shape is FerretDB's (an internal error carrying the SQLite driver's text, e.g.
 * "database is locked (5) (SQLITE_BUSY)"), inside a bulk write's writeErrors or as the error itself.
 */
const busy = () => Object.assign(new Error('[collection.go:170 sqlite.(*collection).UpdateAll] database is locked (5) (SQLITE_BUSY)'), { code: 1 });

describe('a write the server was too busy to take is sent again (FerretDB on SQLite)', () => {
  it('recognizes SQLite busy and locked answers, as an error or in writeErrors, and nothing else', () => {
    expect(isServerBusy(busy())).toBe(true);
    expect(isServerBusy({ message: 'bulk write failed', writeErrors: [{ errmsg: 'database table is locked (6) (SQLITE_LOCKED)' }] })).toBe(true);
    expect(isServerBusy(Object.assign(new Error('E11000 duplicate key error'), { code: 11000 }))).toBe(false);
    expect(isServerBusy(new Error('connection closed'))).toBe(false);
    expect(isServerBusy(null)).toBe(false);
    expect(isServerBusy('SQLITE_BUSY')).toBe(false);
  });

  it('retries while busy, up to the attempts given, and passes any other error on at once', async () => {
    let calls = 0;
    await expect(retryWhileBusy(async () => (++calls < 3 ? Promise.reject(busy()) : 'written'), 4, 1)).resolves.toBe('written');
    expect(calls).toBe(3);

    calls = 0;
    await expect(retryWhileBusy(() => (++calls, Promise.reject(busy())), 4, 1)).rejects.toThrow('SQLITE_BUSY');
    expect(calls).toBe(4);

    calls = 0;
    await expect(retryWhileBusy(() => (++calls, Promise.reject(new Error('validation failed'))), 4, 1)).rejects.toThrow('validation failed');
    expect(calls).toBe(1);
  });
});
