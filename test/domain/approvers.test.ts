import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import type { StorePort } from '../../domain';
import { changeApprover, listApprovers } from '../../domain/services/approvers';
import { loadSampleDirectory, sampleLookup } from '../support/sample-directory';

const { person } = sampleLookup();

describe('approver management on the embedded store', () => {
  let dir: string;
  let store: StorePort;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-approvers-'));
    store = await openStore({ dataDir: dir });
    await store.directory.importDirectory(loadSampleDirectory());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the admins of the asker\'s organization only', async () => {
    const out = await listApprovers(store.directory, person('naoki-mori'));
    expect(out.kind === 'listed' && out.approvers.map((p) => p.id).sort()).toEqual(['emily-clark', 'hiroshi-yamada']);
  });

  it('an admin adds and removes an approver, and the store keeps it', async () => {
    expect((await changeApprover(store.directory, person('aiko-tanaka'), { op: 'add', personId: 'ken-sato' })).kind).toBe('added');
    expect((await store.directory.getPerson('ken-sato'))?.roles).toEqual(['requester', 'admin']);
    expect((await changeApprover(store.directory, person('aiko-tanaka'), { op: 'remove', personId: 'ken-sato' })).kind).toBe('removed');
    expect((await store.directory.getPerson('ken-sato'))?.roles).toEqual(['requester']);
  });

  it('refuses a requester, keeps the last admin, and does not find people of other organizations', async () => {
    expect((await changeApprover(store.directory, person('ken-sato'), { op: 'add', personId: 'ken-sato' })).kind).toBe('not_admin');
    expect((await changeApprover(store.directory, person('aiko-tanaka'), { op: 'remove', personId: 'aiko-tanaka' })).kind).toBe('last_admin');
    expect((await store.directory.getPerson('aiko-tanaka'))?.roles).toContain('admin');
    expect((await changeApprover(store.directory, person('aiko-tanaka'), { op: 'add', personId: 'mei-kobayashi' })).kind).toBe('not_found');
    expect((await store.directory.getPerson('mei-kobayashi'))?.orgId).toBe('fuji-it-partners');
  });
});

describe('resolvePersonByName', () => {
  it('finds one person of the organization by ID, whole name or first name, and nobody when it is ambiguous', async () => {
    const { resolvePersonByName } = await import('../../domain/services/approvers');
    const people = [person('hiroshi-yamada'), person('emily-clark'), person('naoki-mori')];
    expect(resolvePersonByName(people, 'naoki-mori')?.id).toBe('naoki-mori');
    expect(resolvePersonByName(people, `@${person('emily-clark').name.split(' ')[0]}`)?.id).toBe('emily-clark');
    expect(resolvePersonByName(people, person('hiroshi-yamada').name.toUpperCase())?.id).toBe('hiroshi-yamada');
    expect(resolvePersonByName(people, 'Aiko')).toBeUndefined();
    expect(resolvePersonByName([...people, { ...person('naoki-mori'), id: 'naoki-other' }], person('naoki-mori').name)).toBeUndefined();
  });
});
