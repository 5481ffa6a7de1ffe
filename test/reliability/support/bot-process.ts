import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** The real bot (`bot/main.ts`, run through tsx) as a separate process that can be killed like a crash. */
export class BotProcess {
  private child?: ChildProcess;
  log = '';
  /** Everything the process wrote to each stream, whole (for tests of what reaches the output). */
  stdout = '';
  stderr = '';
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
    /** Flags for node itself (for example `npm start`'s heap limit). */
    readonly nodeArgs: string[] = [],
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    // One process (node --import tsx), not tsx's CLI, which runs the program in a child of its own: a
    // SIGKILL must hit the bot itself, as a crash would.
    this.child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', join(ROOT, 'bot', 'main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', PLAYGROUND: 'off', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (b: Buffer) => {
      this.log = (this.log + b.toString()).slice(-8000);
      this.stdout += b.toString();
    });
    this.child.stderr?.on('data', (b: Buffer) => {
      this.log = (this.log + b.toString()).slice(-8000);
      this.stderr += b.toString();
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the bot exited (${this.child.exitCode}):\n${this.log}`);
      const ok = await fetch(`${this.url}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`the bot was not ready in time:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: no shutdown handler runs, as in a crash. */
  async kill(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait for the process to end by itself. */
  async terminate(timeoutMs = 20_000): Promise<number | null> {
    const c = this.child;
    if (!c || c.exitCode !== null) return c?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}
