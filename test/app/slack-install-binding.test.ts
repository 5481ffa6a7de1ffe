import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindSlackInstallation, newcomerId } from '../../app';
import { openStore } from '../../adapters/open-store';
import type { DirectoryPort, StorePort } from '../../domain';
import { bothStores } from '../support/both-stores';
import { loadSampleDirectory } from '../support/sample-directory';

/** Records the log lines (the audit trail of the directory changes). */
function recorder() {
  const lines: Record<string, unknown>[] = [];
  const log = (obj: object) => void lines.push(obj as Record<string, unknown>);
  return { lines, logger: { info: log, warn: log, error: log } };
}

// Workspaces and people from directory/sample-directory.yaml: Trey Research names T05TREYRS, Yamato
// T06YAMATO (Taro Ito is its admin); Fuji IT Partners names no Slack workspace.
describe.each(bothStores())('binding a new Slack installation to its organization ($name store)', (variant) => {
  let store: StorePort;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-bind-'));
    store = await openStore({ dataDir: dir, ...variant.options() });
    await store.directory.importDirectory(loadSampleDirectory());
  });
  afterEach(async () => {
    await store.close();
    await variant.cleanUp();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a workspace the directory names is bound to that organization; nobody is added', async () => {
    const { logger } = recorder();
    const before = (await store.directory.listPeople('trey-research-direct')).length;
    expect(await bindSlackInstallation(store.directory, { teamId: 'T05TREYRS', installerUserId: 'U05DANPARK' }, logger)).toEqual({ outcome: 'bound', orgId: 'trey-research-direct' });
    expect((await store.directory.listPeople('trey-research-direct')).length).toBe(before);
  });

  it("an admin installing in a workspace no organization names binds it to the admin's organization (audited)", async () => {
    const { lines, logger } = recorder();
    await store.directory.addPerson({ id: 'fuji-slack-admin', orgId: 'fuji-it-partners', name: 'Aya Fuji', roles: ['admin'], identities: [{ platform: 'slack', teamId: 'T09FUJIIT', userId: 'U09AYAFUJI' }] });
    expect(await bindSlackInstallation(store.directory, { teamId: 'T09FUJIIT', installerUserId: 'U09AYAFUJI' }, logger)).toEqual({ outcome: 'bound', orgId: 'fuji-it-partners' });
    expect((await store.directory.findOrganizationBySlackWorkspace({ teamId: 'T09FUJIIT' }))?.id).toBe('fuji-it-partners');
    expect(lines).toContainEqual(expect.objectContaining({ audit: 'slack.workspace.bound', orgId: 'fuji-it-partners', teamId: 'T09FUJIIT', by: 'fuji-slack-admin' }));
  });

  it('an organization with no admin gets the installer as its first admin (audited); one with an admin does not', async () => {
    const { lines, logger } = recorder();
    for (const p of await store.directory.listPeople('yamato-manufacturing')) await store.directory.setPersonRoles(p.id, ['requester']);
    const got = await bindSlackInstallation(store.directory, { teamId: 'T06YAMATO', installerUserId: 'U06NEWADMIN' }, logger);
    const id = newcomerId({ platform: 'slack', teamId: 'T06YAMATO', userId: 'U06NEWADMIN' });
    expect(got).toEqual({ outcome: 'bound', orgId: 'yamato-manufacturing', firstAdmin: id });
    expect(await store.directory.getPerson(id)).toMatchObject({ orgId: 'yamato-manufacturing', roles: ['requester', 'admin'] });
    expect(lines).toContainEqual(expect.objectContaining({ audit: 'person.admin.first', personId: id, orgId: 'yamato-manufacturing' }));
    // Installed again by someone else: the organization has its admin now.
    expect(await bindSlackInstallation(store.directory, { teamId: 'T06YAMATO', installerUserId: 'U06SOMEONE' }, logger)).toEqual({ outcome: 'bound', orgId: 'yamato-manufacturing' });
    expect(await store.directory.findPersonByIdentity({ platform: 'slack', teamId: 'T06YAMATO', userId: 'U06SOMEONE' })).toBeUndefined();
  });

  it('a workspace of no organization, installed by nobody the directory knows, stays unbound and nothing is added', async () => {
    const { logger } = recorder();
    expect(await bindSlackInstallation(store.directory, { teamId: 'T09NOBODY', installerUserId: 'U09STRANGER' }, logger)).toEqual({ outcome: 'unbound' });
    expect(await store.directory.findOrganizationBySlackWorkspace({ teamId: 'T09NOBODY' })).toBeUndefined();
    expect(await store.directory.findPersonByIdentity({ platform: 'slack', teamId: 'T09NOBODY', userId: 'U09STRANGER' })).toBeUndefined();
  });

  it('a workspace another organization took meanwhile is refused with WORKSPACE_TAKEN handled: outcome taken', async () => {
    const { logger } = recorder();
    await store.directory.addPerson({ id: 'fuji-slack-admin', orgId: 'fuji-it-partners', name: 'Aya Fuji', roles: ['admin'], identities: [{ platform: 'slack', teamId: 'T05TREYRS', userId: 'U05AYAFUJI' }] });
    // Another instance bound the workspace between the lookup and the binding: the lookup saw none.
    const real = store.directory;
    const racing = new Proxy(real, {
      get: (target, key) => (key === 'findOrganizationBySlackWorkspace' ? async () => undefined : (Reflect.get(target, key) as (...a: unknown[]) => unknown).bind(target)),
    }) as DirectoryPort;
    expect(await bindSlackInstallation(racing, { teamId: 'T05TREYRS', installerUserId: 'U05AYAFUJI' }, logger)).toEqual({ outcome: 'taken', orgId: 'fuji-it-partners' });
    expect((await store.directory.findOrganizationBySlackWorkspace({ teamId: 'T05TREYRS' }))?.id).toBe('trey-research-direct');
  });
});
