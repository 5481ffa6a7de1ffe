import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { ApprovalChannels } from '../../app';
import { channelReferenceKey, type StorePort } from '../../domain';
import { loadSampleDirectory, sampleLookup } from '../support/sample-directory';

describe('app/ ApprovalChannels: where an organization\'s approval cards go', () => {
  let store: StorePort;
  let dir: string;
  const sample = sampleLookup();
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-channels-'));
    store = await openStore({ dataDir: dir });
    await store.directory.importDirectory(loadSampleDirectory());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const reference = { conversation: { id: '19:approvals@thread.tacv2' }, serviceUrl: 'https://smba.example/' };

  it('an admin in a channel sets it: the reference is stored under the organization, and the organization is named', async () => {
    const admin = sample.person('hiroshi-yamada');
    const outcome = await new ApprovalChannels(store, () => new Date('2026-12-01T00:00:00Z')).useHere({ person: admin, platform: 'teams', conversationKind: 'channel', reference });
    expect(outcome).toMatchObject({ kind: 'set', organization: { id: admin.orgId } });
    const saved = await store.references.get(channelReferenceKey(admin.orgId, 'teams'));
    expect(saved).toMatchObject({ orgId: admin.orgId, platform: 'teams', reference });
  });

  it('a group chat counts as a shared place too', async () => {
    const admin = sample.person('hiroshi-yamada');
    expect((await new ApprovalChannels(store).useHere({ person: admin, platform: 'teams', conversationKind: 'group', reference })).kind).toBe('set');
  });

  it('refuses a non-admin and a personal chat, and stores nothing', async () => {
    const requester = sample.person('naoki-mori');
    const admin = sample.person('hiroshi-yamada');
    const channels = new ApprovalChannels(store);
    expect(await channels.useHere({ person: requester, platform: 'teams', conversationKind: 'channel', reference })).toEqual({ kind: 'not_admin' });
    expect(await channels.useHere({ person: admin, platform: 'slack', conversationKind: 'personal', reference })).toEqual({ kind: 'personal_chat' });
    expect(await channels.useHere({ person: admin, platform: 'cli', conversationKind: 'channel', reference })).toEqual({ kind: 'not_admin' });
    expect(await store.references.get(channelReferenceKey(admin.orgId, 'teams'))).toBeUndefined();
    expect(await store.references.get(channelReferenceKey(admin.orgId, 'slack'))).toBeUndefined();
  });
});
