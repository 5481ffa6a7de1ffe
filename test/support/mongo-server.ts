import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Finds a MongoDB-compatible server for the Mongo store suite, in this order:
 *   1. MONGODB_URI, when set (CI starts FerretDB with .ci/ferretdb.sh and exports it);
 *   2. a FerretDB binary (.ci/bin/ferretdb, or `ferretdb` on PATH), started on a free local port with
 *      a throwaway SQLite folder;
 *   3. mongodb-memory-server (downloads MongoDB on first use, so it needs the internet).
 * The jest globalSetup (mongo.global-setup.ts) runs this once per jest run and hands the result to the
 * test files through the environment variables below.
 */
export const REPO_ROOT = join(__dirname, '..', '..');
export const ENV = {
  /** Set by globalSetup for the test files (not MONGODB_URI, which the bot's own config reads). */
  uri: 'PARTNER_LINK_TEST_MONGODB_URI',
  source: 'PARTNER_LINK_TEST_MONGODB_SOURCE',
  /** Why no server could be found, when none could. */
  unavailable: 'PARTNER_LINK_TEST_MONGODB_UNAVAILABLE',
} as const;

export const HOW_TO_RUN =
  'To run the MongoDB store tests, set MONGODB_URI to a MongoDB or FerretDB server, or build FerretDB once with ' +
  '`bash .ci/ferretdb.sh build` (needs Go and the Go module proxy); the tests then start it themselves.';

export interface MongoServer {
  uri: string;
  source: string;
  stop(): Promise<void>;
}

export function findFerretDb(): string | undefined {
  const candidates = [join(REPO_ROOT, '.ci', 'bin', 'ferretdb'), ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'ferretdb'))];
  return candidates.find((bin) => existsSync(bin) && spawnSync(bin, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

export async function startFerretDb(bin: string, timeoutMs = 60_000): Promise<MongoServer> {
  const dir = await mkdtemp(join(tmpdir(), 'pl-ferretdb-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${dir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      // A pending timer would keep jest alive for its full five seconds.
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`FerretDB (${bin}) did not start on 127.0.0.1:${port}: ${stderr || `exit code ${child.exitCode}`}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { uri: `mongodb://127.0.0.1:${port}/`, source: `FerretDB ${bin}`, stop };
}

/** Bounded, so that a download that hangs cannot hang every jest run (the first download is large). */
export async function startMemoryServer(timeoutMs = 300_000): Promise<MongoServer> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no server within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const server = await Promise.race([MongoMemoryServer.create(), timeout]);
    return { uri: server.getUri(), source: 'mongodb-memory-server', stop: async () => void (await server.stop()) };
  } finally {
    clearTimeout(timer);
  }
}

/** A running server, or why there is none (each way that was tried). */
export async function resolveMongoServer(): Promise<MongoServer | { unavailable: string }> {
  const fromEnv = process.env.MONGODB_URI;
  if (fromEnv) return { uri: fromEnv, source: 'MONGODB_URI', stop: async () => undefined };
  const tried: string[] = [];
  const bin = findFerretDb();
  if (bin) {
    try {
      return await startFerretDb(bin);
    } catch (err) {
      tried.push((err as Error).message);
    }
  } else tried.push('no FerretDB binary (.ci/bin/ferretdb or ferretdb on PATH)');
  try {
    return await startMemoryServer();
  } catch (err) {
    tried.push(`mongodb-memory-server: ${(err as Error).message.split('\n')[0]}`);
  }
  return { unavailable: `No MongoDB server for the tests: ${tried.join('; ')}.` };
}
