import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreOpenError } from '../store-common';

/**
 * nedb keeps each collection in memory and appends to its file; two processes on one folder would
 * silently overwrite each other's writes. This lock file makes a second instance fail at start-up
 * with a message that says what to do instead (MongoDB for more than one instance).
 */
const LOCK_FILE = 'partner-link.lock';
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const busy = (who: string) =>
    new StoreOpenError(
      `DATA_DIR "${dir}" is already in use by ${who}. The embedded store serves one instance at a time; ` +
        `to run several instances, set MONGODB_URI. If no other instance is running, delete ${path}.`,
      'DATA_DIR',
    );
  if (heldHere.has(dir)) throw busy('this process (another store is open on it)');
  try {
    await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    // A lock naming our own PID is left over from an earlier run (a container restarted as PID 1).
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw busy(`process ${owner}`);
    await writeFile(path, `${process.pid}\n`);
  }
  heldHere.add(dir);
  return async () => {
    heldHere.delete(dir);
    await rm(path, { force: true });
  };
}
