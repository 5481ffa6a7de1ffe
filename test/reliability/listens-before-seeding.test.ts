import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { BotProcess, freePort } from './support/bot-process';

jest.setTimeout(180_000);

// Issue 19: `npm start` listens before it seeds, so that /healthz answers while a large directory is
// imported ("starting", then "seeding" with its progress) and nothing else is served half-built.
// The directory is the generated M (10,020 organizations; its shape: bench/lib/generate-directory.ts),
// which takes seconds to import: long enough to be seen seeding.
describe('npm start with a large seed directory', () => {
  let dir: string;
  let bot: BotProcess;
  let records = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-seeding-'));
    const file = join(dir, 'directory.json');
    const data = generateDirectory('M', 3);
    records = Object.values(data).reduce((n, list: unknown[]) => n + list.length, 0);
    writeFileSync(file, JSON.stringify(data));
    bot = new BotProcess(await freePort(), { DATA_DIR: join(dir, 'data'), SEED_DIRECTORY: file, TEAMS: 'on' });
  });
  afterAll(async () => {
    await bot.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz with "starting" and "seeding" (and its progress) before /readyz is 200; other paths get 503 meanwhile', async () => {
    const starting = bot.start(150_000);
    type Health = { status: string; progress?: { done: number; total: number } };
    const seen: Health[] = [];
    const refusals = new Set<number>();
    let ready = false;
    starting.then(() => (ready = true), () => (ready = true));
    while (!ready) {
      const health = await fetch(`${bot.url}/healthz`).then((r) => (r.status === 200 ? (r.json() as Promise<Health>) : undefined), () => undefined);
      if (health && health.status !== 'ok') {
        seen.push(health);
        const [readyz, messages] = await Promise.all([fetch(`${bot.url}/readyz`), fetch(`${bot.url}/api/messages`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })]);
        // Answered while seeding; the phase may have ended between the two requests, so only what is refused is kept.
        if (readyz.status === 503) refusals.add(503);
        if (messages.status === 503) expect(messages.headers.get('retry-after')).toBe('5');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await starting;
    const seeding = seen.filter((h) => h.status === 'seeding');
    expect(seeding.length).toBeGreaterThan(0);
    expect(seen.every((h) => h.status === 'starting' || h.status === 'seeding')).toBe(true);
    const withProgress = seeding.filter((h) => h.progress);
    expect(withProgress.length).toBeGreaterThan(0);
    for (const h of withProgress) expect(h.progress!.done).toBeLessThanOrEqual(h.progress!.total);
    expect(withProgress.at(-1)!.progress!.total).toBe(records);
    expect(refusals.has(503)).toBe(true);
    // Once ready: healthy and serving.
    expect(await (await fetch(`${bot.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });

  it("starts again on the seeded M folder with npm start's default heap (128 MB) and serves", async () => {
    expect(await bot.terminate()).toBe(0);
    const again = new BotProcess(bot.port, bot.env, ['--max-old-space-size=128', '--max-semi-space-size=8']);
    try {
      await again.start(150_000);
      expect(await (await fetch(`${again.url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
      expect(again.alive).toBe(true);
    } finally {
      await again.kill();
    }
  });
});
