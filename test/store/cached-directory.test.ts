import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { CachedDirectory } from '../../adapters/embedded/cached-directory';
import type { StorePort } from '../../domain';
import { loadSampleDirectory } from '../support/sample-directory';

/**
 * Issue 19: the embedded store's LevelDB directory is read through a bounded cache of recent answers
 * (a turn asks the same questions again and again). A kept answer is frozen, and any change forgets them all.
 */
describe('the embedded directory cache', () => {
  let dir: string;
  let store: StorePort;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-cache-'));
    store = await openStore({ dataDir: dir });
    await store.directory.importDirectory(loadSampleDirectory());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answers frozen, and a change (a new link) is seen by the next read', async () => {
    expect(store.directory).toBeInstanceOf(CachedDirectory);
    const before = await store.directory.listLinks({ resellerId: 'fuji-it-partners' });
    expect(before).toEqual([]);
    const org = (await store.directory.getOrganization('fuji-it-partners'))!;
    expect(Object.isFrozen(org)).toBe(true);
    expect((store.directory as CachedDirectory).size).toBeGreaterThan(0);
    await store.directory.addLink({ providerId: 'contoso-distribution-jp', resellerId: 'fuji-it-partners' });
    expect((store.directory as CachedDirectory).size).toBe(0);
    expect((await store.directory.listLinks({ resellerId: 'fuji-it-partners' })).map((l) => l.providerId)).toEqual(['contoso-distribution-jp']);
  });

  it('a person added is found by identity at once, after a miss was asked', async () => {
    const identity = { platform: 'slack' as const, teamId: 'T09FUJIIT', userId: 'U09NEWONE' };
    expect(await store.directory.findPersonByIdentity(identity)).toBeUndefined();
    await store.directory.addPerson({ id: 'new-one', orgId: 'fuji-it-partners', name: 'New One', roles: ['requester'], identities: [identity] } as never);
    expect((await store.directory.findPersonByIdentity(identity))?.id).toBe('new-one');
  });
});
