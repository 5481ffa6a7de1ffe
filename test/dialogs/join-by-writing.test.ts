import type { Activity } from 'botbuilder';
import { newcomerId } from '../../app';
import { bothStores } from '../support/both-stores';
import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

// Tenants and workspaces from directory/sample-directory.yaml: Fuji IT Partners' Entra tenant, Sakura
// Cloud's Slack workspace (T01SAKURA). The unknown ones belong to no organization there.
const FUJI_TENANT = '718293a4-b5c6-47de-88f9-0a1b2c3d4e56';
const UNKNOWN_TENANT = 'abcdef01-2345-4678-9abc-def012345678';
const NEW_AAD = '55555555-eeee-4eee-8eee-000000000001';

/** A Teams activity as the Bot Connector delivers it: the tenant on the conversation and in channelData. */
function teamsNewcomer(aad: string, tenantId: string, name: string): Partial<Activity> {
  return {
    channelId: 'msteams',
    from: { id: `29:${aad}`, name, aadObjectId: aad },
    conversation: { id: `a:${aad}`, conversationType: 'personal', isGroup: false, name: '', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

/** A Slack DM as the Slack adapter maps it (channelData.slack carries the person's own workspace). */
function slackNewcomer(teamId: string, userId: string, name: string): Partial<Activity> {
  return { channelId: 'slack', from: { id: userId, name }, channelData: { slack: { teamId, userId } }, conversation: { id: `D-${userId}`, conversationType: 'im', isGroup: false, name: '' } };
}

describe.each(bothStores())('people join by writing ($name store)', (store) => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness(store.options());
  });
  afterEach(() => h.destroy());

  it('Teams: someone from a known organization\'s tenant, not in the directory, is added as its requester and files a request on first contact', async () => {
    const who = teamsNewcomer(NEW_AAD, FUJI_TENANT, 'Nao Fujimoto');
    expect(await h.store.directory.findPersonByIdentity({ platform: 'teams', aadObjectId: NEW_AAD } as never)).toBeUndefined();

    const [form] = await h.sayAs({ ...who, locale: 'en-US' }, 'I need a distributor');
    expect(form!.cardText).toContain('Contoso Distribution Japan');
    const person = await h.store.directory.findPersonByIdentity({ platform: 'teams', aadObjectId: NEW_AAD } as never);
    expect(person).toMatchObject({ id: newcomerId({ platform: 'teams', aadObjectId: NEW_AAD } as never), orgId: 'fuji-it-partners', name: 'Nao Fujimoto', roles: ['requester'] });
    expect(person!.identities).toEqual([{ platform: 'teams', aadObjectId: NEW_AAD, tenantId: FUJI_TENANT }]);
    expect(h.logs.some((l) => (l as { audit?: string }).audit === 'person.joined')).toBe(true);

    // Action.Submit clicks (a message whose value is the card's data), as older clients send them.
    const submitForm = buttonData(form!.card, 'submit_form')!;
    const confirmation = await h.sayAs({ ...who, locale: 'en-US', value: { ...submitForm, providerId: 'contoso-distribution-jp' } }, '');
    const confirm = buttonData(confirmation.at(-1)!.card, 'confirm')!;
    const done = await h.sayAs({ ...who, locale: 'en-US', value: confirm }, '');
    const id = /PL-[0-9A-Z]{8}/.exec(done.map((r) => r.cardText + (r.text ?? '')).join(' '))?.[0];
    expect(id).toBeDefined();
    expect(await h.store.requests.get(id!)).toMatchObject({ requester: { personId: person!.id, orgId: 'fuji-it-partners', platform: 'teams' }, subject: { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' } });

    // The second message finds the same person: added once.
    await h.sayAs({ ...who, locale: 'en-US' }, 'hello');
    expect((await h.store.directory.listPeople('fuji-it-partners')).filter((p) => p.id === person!.id)).toHaveLength(1);
    expect(h.logs.filter((l) => (l as { audit?: string }).audit === 'person.joined')).toHaveLength(1);
  });

  it.each([
    ['en-US', 'I need a distributor', 'not available to your organization'],
    ['ja-JP', 'ディストリビューターと連携したい', 'ご利用いただけません'],
  ])('Teams (%s): someone from a tenant that belongs to no organization is refused politely; nothing is stored', async (locale, text, refusal) => {
    const who = { ...teamsNewcomer(NEW_AAD, UNKNOWN_TENANT, 'Outsider'), locale };
    const replies = await h.sayAs(who, text);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain(refusal);
    expect(await h.store.directory.findPersonByIdentity({ platform: 'teams', aadObjectId: NEW_AAD } as never)).toBeUndefined();
    expect(await h.store.references.listForPerson(newcomerId({ platform: 'teams', aadObjectId: NEW_AAD } as never))).toEqual([]);
    expect((await h.store.conversationState.read([`msteams/conversations/a:${NEW_AAD}/`]))[`msteams/conversations/a:${NEW_AAD}/`]).toBeUndefined();
    expect(await h.store.requests.listByRequester(newcomerId({ platform: 'teams', aadObjectId: NEW_AAD } as never))).toEqual([]);
  });

  it('Slack: someone from a known organization\'s own workspace is added to that organization and served; a workspace of no organization is refused (Japanese)', async () => {
    const [menu] = await h.sayAs({ ...slackNewcomer('T01SAKURA', 'U01NEWBIE', 'Aoi Mori'), locale: 'ja-JP' }, 'ディストリビューターと連携したい');
    expect(menu!.cardText).toContain('さくらクラウドソリューションズ'); // the form, for their organization
    const person = await h.store.directory.findPersonByIdentity({ platform: 'slack', teamId: 'T01SAKURA', userId: 'U01NEWBIE' });
    expect(person).toMatchObject({ orgId: 'sakura-cloud', roles: ['requester'], name: 'Aoi Mori' });
    // Saved as where to reach them, as for anyone in the directory.
    expect((await h.store.references.listForPerson(person!.id)).map((r) => r.platform)).toEqual(['slack']);

    const [refused] = await h.sayAs({ ...slackNewcomer('T09NOBODY', 'U09OUTSIDE', 'Outsider'), locale: 'ja-JP' }, 'ディストリビューターと連携したい');
    expect(refused!.text).toContain('ご利用いただけません');
    expect(await h.store.directory.findPersonByIdentity({ platform: 'slack', teamId: 'T09NOBODY', userId: 'U09OUTSIDE' })).toBeUndefined();
    expect(await h.store.references.listForPerson(newcomerId({ platform: 'slack', teamId: 'T09NOBODY', userId: 'U09OUTSIDE' }))).toEqual([]);
  });

  it('Slack Connect: a person is never added to the organization of a workspace they did not write from', async () => {
    // In a channel of Sakura Cloud's workspace shared with a workspace of no organization, the person's own workspace decides.
    const who: Partial<Activity> = {
      channelId: 'slack',
      from: { id: 'U09GUEST', name: 'Guest' },
      channelData: { slack: { teamId: 'T09NOBODY', userId: 'U09GUEST' } },
      conversation: { id: 'C01SHARED', conversationType: 'channel', isGroup: true, name: 'C01SHARED' },
      locale: 'en-US',
    };
    const [refused] = await h.sayAs(who, 'I need a distributor');
    expect(refused!.text).toContain('not available to your organization');
    expect((await h.store.directory.listPeople('sakura-cloud')).some((p) => p.identities.some((i) => i.platform === 'slack' && i.userId === 'U09GUEST'))).toBe(false);
  });

  it('Teams across tenants: people from two tenants are each served, and where to reach each keeps its own tenant', async () => {
    const SAKURA_TENANT = '60718293-a4b5-46cd-97e8-f90a1b2c3d45';
    const other = '55555555-eeee-4eee-8eee-000000000002';
    await h.sayAs({ ...teamsNewcomer(NEW_AAD, FUJI_TENANT, 'Nao Fujimoto'), locale: 'en-US' }, 'hello');
    await h.sayAs({ ...teamsNewcomer(other, SAKURA_TENANT, 'Rin Aoki'), locale: 'ja-JP' }, 'こんにちは');
    const fuji = await h.store.directory.findPersonByIdentity({ platform: 'teams', aadObjectId: NEW_AAD } as never);
    const sakura = await h.store.directory.findPersonByIdentity({ platform: 'teams', aadObjectId: other } as never);
    expect([fuji?.orgId, sakura?.orgId]).toEqual(['fuji-it-partners', 'sakura-cloud']);
    // Proactive messages (approval cards, decisions) continue these references: each names its tenant.
    const tenantOf = async (id: string) => (await h.store.references.listForPerson(id)).map((r) => (r.reference.conversation as { tenantId?: string }).tenantId);
    expect(await tenantOf(fuji!.id)).toEqual([FUJI_TENANT]);
    expect(await tenantOf(sakura!.id)).toEqual([SAKURA_TENANT]);
  });
});
