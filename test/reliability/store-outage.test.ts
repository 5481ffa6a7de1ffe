import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../bot/logger';
import { createApp, listen } from '../../bot/server';
import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';
import { answers, findFerretDb, HOW_TO_RUN } from '../support/mongo-server';

/** A FerretDB of this test's own, on a fixed port and data folder, so it can be killed and started again. */
class OwnFerretDb {
  private child?: ChildProcess;
  constructor(readonly bin: string, readonly port: number, readonly dir: string) {}
  get uri() {
    return `mongodb://127.0.0.1:${this.port}/`;
  }
  async start() {
    const child = spawn(this.bin, ['--handler=sqlite', `--sqlite-url=file:${this.dir}/`, `--listen-addr=127.0.0.1:${this.port}`, `--state-dir=${this.dir}`, '--debug-addr=-', '--telemetry=disable', '--log-level=error'], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    const deadline = Date.now() + 20_000;
    while (!(await answers(this.port))) {
      // A restart that cannot have its port back (someone took it while it was down) says so at once.
      if (hasExited(child)) throw new Error(`FerretDB exited on start (port ${this.port}): ${stderr || child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`FerretDB did not answer on port ${this.port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Dies the way a crashed database server does: at once, mid-conversation. */
  async kill() {
    const c = this.child;
    if (!c || hasExited(c)) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }
}

/** A child killed by a signal has signalCode set and exitCode null: waiting for its 'exit' again would hang. */
const hasExited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const bin = findFerretDb();
if (!bin && process.env.CI !== 'true') console.warn(`store-outage test skipped: no FerretDB binary. ${HOW_TO_RUN}`);
const run = bin || process.env.CI === 'true' ? describe : describe.skip;

run('MongoDB stops mid-conversation', () => {
  let db: OwnFerretDb;
  let h: BotHarness;
  let http: Server;
  let dir: string;

  beforeAll(async () => {
    if (!bin) throw new Error(`No FerretDB binary under CI=true. ${HOW_TO_RUN}`);
    dir = mkdtempSync(join(tmpdir(), 'pl-outage-'));
    db = new OwnFerretDb(bin, await freePort(), dir);
    await db.start();
    h = await createBotHarness({ mongodbUri: db.uri, dbName: 'pl_outage' });
    http = await listen(createApp({ store: h.store, logger: createLogger('silent') }), 0);
  });
  afterAll(async () => {
    http?.close();
    await h?.destroy();
    await db?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the person plainly, turns /readyz unready, and continues the conversation once the store is back', async () => {
    const readyz = async () => (await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/readyz`)).status;
    const form = (await h.say('mei-kobayashi', 'link with a distributor please', 'en-US')).at(-1)!;
    const submit = { ...buttonData(form.card, 'submit_form')!, providerId: 'contoso-distribution-jp' };
    expect(await readyz()).toBe(200);

    await db.kill();
    const during = await h.submit('mei-kobayashi', submit, 'en-US');
    expect(during.map((r) => r.text).join(' ')).toContain('temporarily unavailable. Nothing you entered before is lost');
    expect(await readyz()).toBe(503);

    // Same port, same data. Nothing reconnects by hand and nothing is retried: the very next message
    // waits for the driver to find the server again (server selection) and continues the conversation.
    await db.start();
    const after = await h.submit('mei-kobayashi', submit, 'en-US');
    expect(after.at(-1)?.cardText).toContain('Please check your request'); // the half-filled request resumed
    expect(await readyz()).toBe(200);
  }, 30_000);
});
