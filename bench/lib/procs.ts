/** Child processes of the benchmark: the servers under test, and FerretDB when no MONGODB_URI is given. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from './load';

export const ROOT = join(__dirname, '..', '..', '..');

export interface Child {
  name: string;
  proc: ChildProcess;
  port: number;
  url: string;
  /** ms from spawn until ready (BENCH_READY line, or /readyz 200). */
  readyMs: number;
  stderr(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** VmRSS of a process in bytes (Linux), or NaN. */
export function rssOf(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system) of a process in ms (Linux /proc), or NaN. */
export function cpuMsOf(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] = utime, fields[12] = stime (clock ticks; 100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Spawns `node <script>` with `env` on a fresh port and waits (at most timeoutMs) until it is ready:
 * polling GET /readyz every 5 ms (the way a load balancer would see it), or with `readyOn: 'healthz'`
 * until GET /healthz says `{"status":"ok"}` (the product answers /healthz while it opens its store).
 */
export async function startNode(name: string, script: string, env: Record<string, string>, timeoutMs = 30_000, shippedArgs: readonly string[] = [], readyOn: 'readyz' | 'healthz' = 'readyz'): Promise<Child> {
  const port = await freePort();
  const t0 = performance.now();
  // Profiling the servers: e.g. BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...shippedArgs, ...nodeArgs, script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', process.env.BENCH_CHILD_OUTPUT === '1' ? 'inherit' : 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-8000);
    if (process.env.BENCH_CHILD_OUTPUT === '1') process.stderr.write(b);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 3000)))]);
    clearTimeout(timer);
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  };
  const deadline = t0 + timeoutMs;
  for (;;) {
    // A V8 out-of-memory abort ends the process by a signal (SIGABRT), with no exit code.
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${name} exited with ${proc.exitCode ?? proc.signalCode}: ${err.slice(-1500)}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`${name} not ready within ${timeoutMs} ms: ${err.slice(-1500)}`);
    }
    const ok = await get(`${url}/${readyOn}`, 1000).then(
      (r) => r.status === 200 && (readyOn === 'readyz' || /"status"\s*:\s*"ok"/.test(r.body)),
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - t0;
  return { name, proc, port, url, readyMs, stderr: () => err, stop };
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

export interface Mongo {
  uri: string;
  source: string;
  stop(): Promise<void>;
}

/** MONGODB_URI if set; else FerretDB from .ci/bin (as test/support/mongo-server.ts starts it); else why not. */
export async function findMongo(): Promise<Mongo | { unavailable: string }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, source: 'MONGODB_URI', stop: async () => undefined };
  const bin = join(ROOT, '.ci', 'bin', 'ferretdb');
  if (!existsSync(bin) || spawnSync(bin, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status !== 0) {
    return { unavailable: 'no MongoDB (MONGODB_URI unset, no .ci/bin/ferretdb)' };
  }
  const dir = tempDir('pl-bench-ferret-');
  const port = await freePort();
  const child = spawn(bin, ['--handler=sqlite', `--sqlite-url=file:${dir.path}/`, `--listen-addr=127.0.0.1:${port}`, `--state-dir=${dir.path}`, '--debug-addr=-', '--telemetry=disable', '--log-level=warn'], {
    stdio: ['ignore', process.env.BENCH_CHILD_OUTPUT === '1' ? 'inherit' : 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    dir.remove();
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      return { unavailable: `FerretDB did not start: ${err || `exit ${child.exitCode}`}` };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { uri: `mongodb://127.0.0.1:${port}/`, source: 'FerretDB (.ci/bin/ferretdb, SQLite handler)', stop };
}

/**
 * The Node options `npm start` runs the bot with (package.json's start script, `${VAR:-default}`
 * resolved from this environment), so the bench measures the product exactly as shipped.
 */
export function shippedNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = (pkg.scripts?.start ?? '').split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') return [];
  return words
    .slice(1)
    .filter((w) => w.startsWith('--'))
    .map((w) => w.replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => process.env[name] ?? fallback));
}
