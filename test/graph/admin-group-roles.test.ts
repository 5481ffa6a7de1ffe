import type { Activity } from 'botbuilder';
import nock from 'nock';
import { GraphGroupMembers } from '../../adapters/graph';
import { APPROVER_AUDIT_SOURCE, groupCacheKey } from '../../app';
import { bothStores } from '../support/both-stores';
import { createBotHarness, type BotHarness, type Reply } from '../support/bot-harness';
import { ADMIN_GROUP, APP, CONTOSO_TENANT, GRAPH, GRAPH_URL, graphFixture, LOGIN, nockGraphToken, nockMembers } from './graph-support';

/**
 * Issue 16 (opt-in): Contoso Distribution Japan names an Entra group as its admins. Naoki Mori (a
 * requester in the directory file) is in the group; Hiroshi Yamada (an admin in the file) is not.
 * Microsoft login and Graph are nocked; the store is real (both).
 */
const AAD = { hiroshi: '22222222-bbbb-4bbb-8bbb-000000000001', naoki: '22222222-bbbb-4bbb-8bbb-000000000002' };
const teams = (personId: string, aad: string, name: string, locale = 'en-US'): Partial<Activity> => ({
  channelId: 'msteams',
  locale,
  from: { id: `29:${personId}`, name, aadObjectId: aad },
  conversation: { id: `a:${personId}`, conversationType: 'personal', isGroup: false, name: '', tenantId: CONTOSO_TENANT },
  channelData: { tenant: { id: CONTOSO_TENANT } },
});
const all = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' ');

describe.each(bothStores())('Teams admins from an Entra group ($name store)', (store) => {
  let h: BotHarness;
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  beforeEach(async () => {
    h = await createBotHarness({ ...store.options(), groupMembers: new GraphGroupMembers({ ...APP, authorityHost: LOGIN, graphUrl: GRAPH_URL }) });
    const contoso = (await h.store.directory.getOrganization('contoso-distribution-jp'))!;
    await h.store.directory.importDirectory({ organizations: [{ ...contoso, adminGroupId: ADMIN_GROUP as typeof contoso.tenantId }], people: [], links: [], relationships: [], subscriptions: [] });
  });
  afterEach(async () => {
    nock.cleanAll();
    await h.destroy();
    await store.cleanUp();
  });
  afterAll(() => nock.enableNetConnect());

  it('a group member becomes an admin at his next message, one who is not stops being one; Graph is read once for both (cached in the store); each change audited', async () => {
    nockGraphToken();
    const pages = nockMembers();
    expect((await h.store.directory.getOrganization('contoso-distribution-jp'))!.adminGroupId).toBe(ADMIN_GROUP);

    const listed = await h.sayAs(teams('naoki-mori', AAD.naoki, 'Naoki Mori'), 'who are our approvers?');
    expect((await h.store.directory.getPerson('naoki-mori'))!.roles).toEqual(['requester', 'admin']);
    expect(all(listed)).toMatch(/Naoki Mori \(you\): approver \(admin\)/);
    expect(pages.isDone()).toBe(true);
    expect(await h.store.keyValues.get(groupCacheKey(CONTOSO_TENANT, ADMIN_GROUP))).toContain('22222222-bbbb-4bbb-8bbb-000000000002');

    // Hiroshi is not in the group: from his next message on he is not an admin (no second Graph call: nock has none left).
    await h.sayAs(teams('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', 'ja-JP'), 'こんにちは');
    expect((await h.store.directory.getPerson('hiroshi-yamada'))!.roles).toEqual(['requester']);

    const audits = h.logs.filter((l) => l.audit === 'approver.added' || l.audit === 'approver.removed');
    expect(audits.map((l) => [l.audit, l.personId, l.by])).toEqual([
      ['approver.added', 'naoki-mori', 'entra-admin-group'],
      ['approver.removed', 'hiroshi-yamada', 'entra-admin-group'],
    ]);
    expect(await h.store.events.get(`${APPROVER_AUDIT_SOURCE}:${String(audits[0]!.changeId)}`)).toMatchObject({ payload: { op: 'add', personId: 'naoki-mori', via: 'system' } });

    // Approvers of such an organization are changed in the group, not in chat.
    const refused = await h.sayAs(teams('naoki-mori', AAD.naoki, 'Naoki Mori'), 'make Hiroshi Yamada an approver');
    expect(all(refused)).toContain('members of its Entra admin group');
    expect((await h.store.directory.getPerson('hiroshi-yamada'))!.roles).toEqual(['requester']);
  });

  it('Graph refuses (403, permission missing): roles stay as they are, the log says which permission, and Graph is not asked again at once', async () => {
    nockGraphToken();
    const forbidden = nock(GRAPH).get(/\/v1\.0\/groups\/.*/).once().reply(403, graphFixture('forbidden-403'));
    await h.sayAs(teams('naoki-mori', AAD.naoki, 'Naoki Mori'), 'hello');
    await h.sayAs(teams('naoki-mori', AAD.naoki, 'Naoki Mori'), 'hello again');
    expect(forbidden.isDone()).toBe(true);
    expect((await h.store.directory.getPerson('naoki-mori'))!.roles).toEqual(['requester']);
    expect((await h.store.directory.getPerson('hiroshi-yamada'))!.roles).toEqual(['admin']);
    const logged = h.logs.filter((l) => l.code === 'GRAPH_FORBIDDEN');
    expect(logged).toHaveLength(1);
    expect(h.logs.filter((l) => String(l.msg).startsWith('admin group not read'))).toHaveLength(1);
    expect(String(logged[0]!.reason)).toContain('GroupMember.Read.All');
    expect(JSON.stringify(h.logs)).not.toContain(APP.clientSecret);
  });
});
