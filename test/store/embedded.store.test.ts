import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../adapters/embedded';
import type { StorePort } from '../../domain';
import type { StoreHandle } from './contract/store-factory';
import { describeStoreContracts } from './store-contracts';

/** The embedded store against the shared contract, one temporary folder per test. */
async function embeddedStore(): Promise<StoreHandle> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pl-embedded-'));
  let current: StorePort = await EmbeddedStore.open({ dataDir });
  return {
    store: current,
    reopen: async () => (current = await EmbeddedStore.open({ dataDir })),
    cleanup: async () => {
      await current.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describeStoreContracts('embedded store', embeddedStore);

describe('embedded store: its own folder', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-embedded-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps one file per operational collection and the directory in its own LevelDB folder (issue 19)', async () => {
    const store = await EmbeddedStore.open({ dataDir });
    await store.close();
    const files = await readdir(dataDir);
    expect(files).toEqual(expect.arrayContaining(['directory', 'requests.db', 'conversation-state.db', 'inbox-events.db']));
    expect(files).not.toContain('organizations.db');
    expect(files).not.toContain('people.db');
  });

  it('refuses a second store on the same folder (it serves one instance) and allows it after close', async () => {
    const first = await EmbeddedStore.open({ dataDir });
    await expect(EmbeddedStore.open({ dataDir })).rejects.toMatchObject({ code: 'STORE_OPEN_FAILED', setting: 'DATA_DIR', message: expect.stringContaining('MONGODB_URI') });
    await first.close();
    const second = await EmbeddedStore.open({ dataDir });
    await second.close();
  });

  it('every write is in the data file at once, also after the file was compacted (as a crash would find it)', async () => {
    const store = await EmbeddedStore.open({ dataDir, compactEveryMs: 40 });
    const onDisk = async () => (await readFile(join(dataDir, 'conversation-state.db'), 'utf8')).split('\n').filter((l) => l.includes('"json"')).map((l) => (JSON.parse(l) as { _id: string })._id);
    try {
      for (let i = 0; i < 6; i++) {
        await store.conversationState.write({ [`k${i}`]: { n: i } });
        expect(await onDisk()).toContain(`k${i}`); // read from disk without closing: close() rewrites the file
        await new Promise((r) => setTimeout(r, 50)); // a compaction replaces the file in between
      }
      expect(new Set(await onDisk())).toEqual(new Set(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']));
    } finally {
      await store.close();
    }
  });

  it('issue 19: a data file ending with a whole line is not rewritten at open, nor at close when unchanged; one cut mid-line is, and nothing after it is lost', async () => {
    const file = join(dataDir, 'key-values.db');
    const DAY = 86_400_000;
    const first = await EmbeddedStore.open({ dataDir });
    await first.keyValues.set('a', '1', DAY);
    await first.keyValues.set('a', '2', DAY); // superseded line: a rewrite would drop it
    await first.keyValues.set('b', '3', DAY);
    for (let i = 0; i < 20; i++) await first.keyValues.set(`k${i}`, String(i), DAY); // so one broken line stays under nedb's 10% corruption limit
    await first.close(); // changed since it was opened: compacted
    const compacted = await readFile(file, 'utf8');
    // Lines as a process writes them before it stops uncleanly: the store does not tidy them.
    const expiresAt = `{"$$date":${Date.now() + DAY}}`;
    await writeFile(file, `${compacted}{"_id":"a","value":"4","expiresAt":${expiresAt}}\n`);
    const written = await readFile(file, 'utf8');
    const second = await EmbeddedStore.open({ dataDir });
    expect(await readFile(file, 'utf8')).toBe(written); // not rewritten at open
    expect(await second.keyValues.get('a')).toBe('4');
    await second.close();
    expect(await readFile(file, 'utf8')).toBe(written); // nor at close: nothing was written
    // A write cut short mid-line: the file is rewritten at open (without the broken line), so the next
    // line appended starts on its own and survives.
    await writeFile(file, `${written}{"_id":"c","val`);
    const third = await EmbeddedStore.open({ dataDir });
    expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true);
    await third.keyValues.set('d', '5', DAY);
    await third.close();
    const fourth = await EmbeddedStore.open({ dataDir });
    try {
      expect([await fourth.keyValues.get('a'), await fourth.keyValues.get('b'), await fourth.keyValues.get('c'), await fourth.keyValues.get('d')]).toEqual(['4', '3', undefined, '5']);
    } finally {
      await fourth.close();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    await writeFile(join(dataDir, 'partner-link.lock'), '999999999\n');
    const store = await EmbeddedStore.open({ dataDir });
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it('names DATA_DIR when the folder cannot be written', async () => {
    const file = join(dataDir, 'a-file');
    await writeFile(file, 'not a folder');
    await expect(EmbeddedStore.open({ dataDir: join(file, 'data') })).rejects.toMatchObject({ code: 'STORE_OPEN_FAILED', message: expect.stringContaining('DATA_DIR') });
  });

});
