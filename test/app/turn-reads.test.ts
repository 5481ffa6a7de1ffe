import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../adapters/open-store';
import { TurnReads } from '../../app';
import type { DirectoryPort, KeyValuePort, StorePort } from '../../domain';
import { loadSampleDirectory } from '../support/sample-directory';

/**
 * Issue 19: the turn read cache (app/turn-reads.ts) on the embedded store. Calls that reach the store are
 * counted by a proxy between the cache and the store's own ports.
 */
describe('TurnReads: a read repeated within one turn is answered once, and nothing outlives the turn', () => {
  let dir: string;
  let store: StorePort;
  let calls: string[];
  let reads: TurnReads;
  let directory: DirectoryPort;
  let values: KeyValuePort;

  const counting = <T extends object>(name: string, port: T): T =>
    new Proxy(port, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${name}.${String(prop)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const count = (name: string) => calls.filter((c) => c === name).length;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-turn-reads-'));
    store = await openStore({ dataDir: dir });
    await store.directory.importDirectory(loadSampleDirectory());
    calls = [];
    reads = new TurnReads();
    directory = reads.directory(counting('directory', store.directory));
    values = reads.keyValues(counting('kv', store.keyValues));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('within a turn the same read reaches the store once (at once or one after the other); outside a turn every time', async () => {
    await reads.run(async () => {
      const [a, b] = await Promise.all([directory.getOrganization('fuji-it-partners'), directory.getOrganization('fuji-it-partners')]);
      const c = await directory.getOrganization('fuji-it-partners');
      expect(a?.id).toBe('fuji-it-partners');
      expect(b).toBe(a);
      expect(c).toBe(a);
      await directory.listRelationships({ customerId: 'yamato-manufacturing' });
      await directory.listRelationships({ customerId: 'yamato-manufacturing' });
      await directory.listRelationships({ partnerId: 'yamato-manufacturing' }); // other arguments: another read
    });
    expect(count('directory.getOrganization')).toBe(1);
    expect(count('directory.listRelationships')).toBe(2);
    await directory.getOrganization('fuji-it-partners');
    await directory.getOrganization('fuji-it-partners');
    expect(count('directory.getOrganization')).toBe(3);
  });

  it('what a turn kept is frozen: no caller can change it for the next', async () => {
    await reads.run(async () => {
      const org = await directory.getOrganization('fuji-it-partners');
      expect(Object.isFrozen(org)).toBe(true);
      expect(() => ((org as { name: string }).name = 'changed')).toThrow(TypeError);
      expect((await directory.getOrganization('fuji-it-partners'))?.name).not.toBe('changed');
    });
  });

  it('a write through the cache makes the turn read again what it read before', async () => {
    await reads.run(async () => {
      expect((await directory.getPerson('mei-kobayashi'))?.roles).not.toEqual(['requester']);
      await directory.setPersonRoles('mei-kobayashi', ['requester']);
      expect((await directory.getPerson('mei-kobayashi'))?.roles).toEqual(['requester']);
      await values.set('reader:mei-kobayashi:written', 'ja', 60_000);
      expect(await values.get('reader:mei-kobayashi:written')).toBe('ja');
      await values.set('reader:mei-kobayashi:written', 'en', 60_000);
      expect(await values.get('reader:mei-kobayashi:written')).toBe('en');
      expect(await values.get('reader:mei-kobayashi:written')).toBe('en');
      await values.delete('reader:mei-kobayashi:written');
      expect(await values.get('reader:mei-kobayashi:written')).toBeUndefined();
    });
    expect(count('directory.getPerson')).toBe(2);
    expect(count('kv.get')).toBe(3); // after each write, once
  });

  it('each turn starts empty: a change made meanwhile elsewhere (another instance) is seen by the next turn', async () => {
    await reads.run(async () => expect(await values.get('reader:mei-kobayashi:chosen')).toBeUndefined());
    await store.keyValues.set('reader:mei-kobayashi:chosen', 'ja', 60_000); // not through this cache
    await reads.run(async () => expect(await values.get('reader:mei-kobayashi:chosen')).toBe('ja'));
    // Two turns at once keep their own reads.
    const seen: Array<string | undefined> = [];
    await Promise.all([
      reads.run(async () => {
        seen.push(await values.get('reader:mei-kobayashi:chosen'));
        await sleep(20);
        seen.push(await values.get('reader:mei-kobayashi:chosen'));
      }),
      reads.run(async () => {
        await sleep(5);
        await store.keyValues.set('reader:mei-kobayashi:chosen', 'en', 60_000);
        seen.push(await values.get('reader:mei-kobayashi:chosen'));
      }),
    ]);
    expect(seen).toEqual(['ja', 'en', 'ja']);
  });

  it('work a turn leaves running reads the store again once the turn has ended', async () => {
    let later: Promise<unknown> = Promise.resolve();
    await reads.run(async () => {
      await directory.getOrganization('fuji-it-partners');
      later = sleep(10).then(() => directory.getOrganization('fuji-it-partners'));
    });
    await later;
    expect(count('directory.getOrganization')).toBe(2);
  });

  it('a failed read is not kept: the next one in the turn asks again', async () => {
    let fail = true;
    const flaky = reads.directory(
      new Proxy(store.directory, {
        get(target, prop, receiver) {
          if (prop === 'getOrganization') {
            return (id: string) => {
              calls.push('flaky.getOrganization');
              if (fail) return Promise.reject(new Error('store down'));
              return target.getOrganization(id);
            };
          }
          return Reflect.get(target, prop, receiver) as unknown;
        },
      }),
    );
    await reads.run(async () => {
      await expect(flaky.getOrganization('fuji-it-partners')).rejects.toThrow('store down');
      fail = false;
      expect((await flaky.getOrganization('fuji-it-partners'))?.id).toBe('fuji-it-partners');
    });
    expect(count('flaky.getOrganization')).toBe(2);
  });

  it('the whole directory is never kept, and the store passes the other ports through', async () => {
    const wrapped = reads.store(store);
    await reads.run(async () => {
      await directory.listOrganizations();
      await directory.listOrganizations();
      expect(wrapped.kind).toBe('embedded');
      expect(await wrapped.ping()).toBe(true);
      expect(wrapped.requests).toBe(store.requests);
    });
    expect(count('directory.listOrganizations')).toBe(2);
  });
});
