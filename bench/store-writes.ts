/**
 * What one embedded-store write costs: nedb's own persistence (`fs.appendFile` per write, its serializer)
 * next to the store's shortcut (`keepDataFileOpen`: the data file kept open, flat lines written at once).
 * The writes are the ones a turn makes: a conversation-state upsert `{ _id, json, eTag }` and an inbox
 * entry inserted then completed, one after the other and 16 at a time. CPU is the whole process
 * (thread pool included), per write. Nothing is asserted.
 *
 *   tsc -p bench/tsconfig.json && node dist/bench/store-writes.js [writes per round, default 10000]
 */
import Datastore from '@seald-io/nedb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepDataFileOpen } from '../adapters/embedded/nedb-append';
import type { Collection } from '../adapters/embedded/nedb-collections';

type Variant = 'nedb' | 'shortcut';
type Write = (ds: Collection, i: number) => Promise<unknown>;

const STATE_JSON = JSON.stringify({ dialogState: { dialogStack: [{ id: 'link_distributor', state: { values: { note: 'x'.repeat(80) } } }] }, prefs: { lastLocale: 'en' } });
const WRITES: Record<string, Write> = {
  'conversation state upsert': (ds, i) => {
    const key = `msteams/conversations/a:${i % 2000}`;
    return ds.updateAsync({ _id: key }, { _id: key, json: STATE_JSON, eTag: `e${i}` }, { upsert: true });
  },
  'inbox claim + complete (2 writes)': async (ds, i) => {
    await ds.insertAsync({ _id: `Ev${i}`, source: 'slack', payload: '{"type":"message"}', status: 'pending', receivedAt: new Date(), attempts: 0 });
    await ds.updateAsync({ _id: `Ev${i}` }, { $set: { status: 'done', completedAt: new Date() } }, {});
  },
};

async function round(variant: Variant, write: Write, writesPerOp: number, n: number, inFlight: number): Promise<{ wallUs: number; cpuUs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-store-writes-'));
  const ds: Collection = new Datastore({ filename: join(dir, 'c.db') });
  await ds.loadDatabaseAsync();
  const handle = variant === 'shortcut' ? keepDataFileOpen(ds) : undefined;
  const ops = Math.ceil(n / writesPerOp);
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < ops) await write(ds, next++);
    }),
  );
  const wallUs = Number(process.hrtime.bigint() - t0) / 1000 / (ops * writesPerOp);
  const cpu = process.cpuUsage(cpu0);
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
  return { wallUs, cpuUs: (cpu.user + cpu.system) / (ops * writesPerOp) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 10_000);
  const rounds = 5;
  console.log(`${n} writes per round, median of ${rounds} rounds (variants alternate), µs per write`);
  console.log('write | in flight | nedb own: CPU / wall | shortcut: CPU / wall | CPU saved per write');
  for (const [name, write] of Object.entries(WRITES)) {
    const writesPerOp = name.includes('2 writes') ? 2 : 1;
    for (const inFlight of [1, 16]) {
      const figures: Record<Variant, { wallUs: number[]; cpuUs: number[] }> = { nedb: { wallUs: [], cpuUs: [] }, shortcut: { wallUs: [], cpuUs: [] } };
      await round('shortcut', write, writesPerOp, Math.min(n, 2000), inFlight); // warm-up
      for (let r = 0; r < rounds; r++) {
        for (const variant of ['nedb', 'shortcut'] as const) {
          const f = await round(variant, write, writesPerOp, n, inFlight);
          figures[variant].wallUs.push(f.wallUs);
          figures[variant].cpuUs.push(f.cpuUs);
        }
      }
      const own = { cpu: median(figures.nedb.cpuUs), wall: median(figures.nedb.wallUs) };
      const cut = { cpu: median(figures.shortcut.cpuUs), wall: median(figures.shortcut.wallUs) };
      console.log(`${name} | ${inFlight} | ${own.cpu.toFixed(1)} / ${own.wall.toFixed(1)} | ${cut.cpu.toFixed(1)} / ${cut.wall.toFixed(1)} | ${(own.cpu - cut.cpu).toFixed(1)} (${(own.cpu / cut.cpu).toFixed(1)}×)`);
    }
  }
}

void main();
