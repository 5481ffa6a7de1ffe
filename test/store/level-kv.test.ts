import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_CHUNK, LevelKv, mark } from '../../adapters/embedded/level-kv';

// classic-level's native binding: every read of an iterator goes through iterator_nextv(context, size).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the binding has no types; only its one function is spied on
const binding = require('classic-level/binding') as { iterator_nextv: (context: unknown, size: number) => Promise<unknown[]> };

// Issue 19: classic-level reserves native room for every entry a read asks for, and frees it only when
// V8 collects the iterator; its own next() and all() ask for 1,000 at a time. LevelKv reads scans in
// chunks that start at FIRST_CHUNK and grow, and must still return every key in order, honour limits and
// close what it opened however the caller stops.
describe('LevelKv scans: small first reads, same answers', () => {
  let dir: string;
  let kv: LevelKv;
  const key = (p: string, i: number) => `${p}\u0000${String(i).padStart(5, '0')}`;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pl-levelkv-'));
    kv = await LevelKv.open(join(dir, 'db'));
    await kv.batch([...Array.from({ length: 1500 }, (_, i) => mark(key('a', i))), ...Array.from({ length: 3 }, (_, i) => mark(key('b', i)))]);
  });
  afterAll(async () => {
    await kv.close();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  it('returns every key of a prefix in order across chunks, and no other', async () => {
    const all = await kv.keys('a\u0000');
    expect(all).toHaveLength(1500);
    expect(all).toEqual(Array.from({ length: 1500 }, (_, i) => key('a', i)));
    expect(await kv.keys('b\u0000')).toEqual([0, 1, 2].map((i) => key('b', i)));
    expect(await kv.keys('c\u0000')).toEqual([]);
  });

  it('honours a limit at, below and above a chunk boundary', async () => {
    for (const limit of [1, FIRST_CHUNK, FIRST_CHUNK + 1, 100, 1499, 1500, 5000]) {
      expect(await kv.keys('a\u0000', limit)).toEqual(Array.from({ length: Math.min(limit, 1500) }, (_, i) => key('a', i)));
    }
  });

  it('asks the binding for FIRST_CHUNK entries first, then more, never over 1,000', async () => {
    const spy = jest.spyOn(binding, 'iterator_nextv');
    await kv.keys('a\u0000');
    const sizes = spy.mock.calls.map(([, size]) => size);
    expect(sizes[0]).toBe(FIRST_CHUNK);
    expect(sizes[1]).toBe(FIRST_CHUNK * 4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    spy.mockClear();
    await kv.has('b\u0000');
    expect(spy.mock.calls.map(([, size]) => size)).toEqual([1]);
  });

  it('a scan stopped early closes its iterator (the store still closes), and entries come in order', async () => {
    const seen: string[] = [];
    for await (const [k, v] of kv.entries('a\u0000')) {
      expect(v).toBe('""');
      seen.push(k);
      if (seen.length === FIRST_CHUNK + 5) break;
    }
    expect(seen).toEqual(Array.from({ length: FIRST_CHUNK + 5 }, (_, i) => key('a', i)));
    const spy = jest.spyOn(binding, 'iterator_nextv');
    let n = 0;
    for await (const entry of kv.entries('b\u0000')) n += entry ? 1 : 0;
    expect(n).toBe(3);
    expect(spy.mock.calls[0]?.[1]).toBe(FIRST_CHUNK);
  });
});
