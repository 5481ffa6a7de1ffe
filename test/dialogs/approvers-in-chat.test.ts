import type { Activity } from 'botbuilder';
import { APPROVER_AUDIT_SOURCE, ApproverAdmin } from '../../app';
import { bothStores } from '../support/both-stores';
import { TestClock } from '../support/test-clock';
import { buttonData, createBotHarness, type BotHarness, type Reply } from '../support/bot-harness';

/**
 * Issue 16, approvers managed in chat: transcripts on the Teams and Slack activity shapes, in English
 * and Japanese, through the whole bot (the composition root's runtime) on both stores. People are the
 * sample directory's: Contoso Distribution Japan has Hiroshi Yamada (admin, Teams), Emily Clark
 * (admin, Slack) and Naoki Mori (requester, Teams); Yamato Manufacturing has Taro Ito (its only admin,
 * Teams and Slack) and Yuki Suzuki (requester, Slack); Fuji IT Partners has only Mei Kobayashi (admin).
 */

const AAD = { hiroshi: '22222222-bbbb-4bbb-8bbb-000000000001', naoki: '22222222-bbbb-4bbb-8bbb-000000000002', taro: '44444444-dddd-4ddd-8ddd-000000000001', mei: '11111111-aaaa-4aaa-8aaa-000000000002' };

/** A Teams personal-chat message as the harness sends it, with @mentions: `<at>Name</at>` in the text and a mention entity each. */
function teamsMessage(personId: string, aad: string, name: string, text: string, locale: string, mentions: { id: string; name: string; aadObjectId?: string }[] = []): Partial<Activity> {
  return {
    channelId: 'msteams',
    locale,
    from: { id: `29:${personId}`, name, aadObjectId: aad },
    conversation: { id: `a:${personId}`, conversationType: 'personal', isGroup: false, name: '' },
    entities: mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) } })),
    text,
  };
}

/** A Slack DM as the Slack adapter maps it: the raw text keeps `<@U…>` mentions. */
function slackMessage(personId: string, teamId: string, userId: string, name: string, text: string): Partial<Activity> {
  return { channelId: 'slack', from: { id: userId, name }, channelData: { slack: { teamId, userId } }, conversation: { id: `D-${personId}`, conversationType: 'im', isGroup: false, name: '' }, text };
}

const all = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' ');
const rolesOf = async (h: BotHarness, id: string) => (await h.store.directory.getPerson(id))!.roles;
const audits = (h: BotHarness) => h.logs.filter((l) => typeof l.audit === 'string' && String(l.audit).startsWith('approver.'));

describe.each(bothStores())('approvers managed in chat ($name store)', (store) => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness(store.options());
  });
  afterEach(async () => {
    await h.destroy();
    await store.cleanUp();
  });

  it('Teams (en): an admin lists the approvers of their own organization only, with names and roles', async () => {
    const replies = await h.sayAs(teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', 'who are our approvers?', 'en-US'), 'who are our approvers?');
    const text = all(replies);
    expect(text).toContain('Approvers of Contoso Distribution Japan');
    expect(text).toMatch(/Hiroshi Yamada \(you\): approver \(admin\)/);
    expect(text).toMatch(/Emily Clark: approver \(admin\)/);
    expect(text).toMatch(/Naoki Mori: requester/);
    // Nobody of another organization is shown.
    expect(text).not.toMatch(/Mei Kobayashi|Taro Ito|Yuki Suzuki/);
  });

  it('Slack (ja): 承認者の一覧は自組織だけ、日本語で', async () => {
    const replies = await h.sayAs(slackMessage('yuki-suzuki', 'T06YAMATO', 'U06YUKISZ', 'Yuki Suzuki', 'うちの承認者を一覧で見せて'), 'うちの承認者を一覧で見せて');
    const text = all(replies);
    expect(text).toContain('の承認者');
    expect(text).toMatch(/Taro Ito: 承認者 \(管理者\)、申請者/);
    expect(text).toMatch(/Yuki Suzuki \(あなた\): 申請者/);
    expect(text).not.toMatch(/Hiroshi Yamada|Emily Clark/);
  });

  it('Teams (ja): an admin makes a colleague an approver by @mention; the change is audited and the colleague is told in Japanese', async () => {
    await h.say('naoki-mori', 'こんにちは'); // Naoki has a chat with the bot, so he can be told
    h.delivered.length = 0;
    const text = '<at>Naoki Mori</at> を承認者にして';
    const replies = await h.sayAs(teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', text, 'ja-JP', [{ id: '29:naoki-mori', name: 'Naoki Mori', aadObjectId: AAD.naoki }]), text);
    expect(all(replies)).toMatch(/Naoki Mori さんを .+の承認者にしました/);
    expect(await rolesOf(h, 'naoki-mori')).toEqual(['requester', 'admin']);

    // The audit record is in the store (who, whom, what, when) and the log line names IDs only.
    const [line] = audits(h);
    expect(line).toMatchObject({ audit: 'approver.added', orgId: 'contoso-distribution-jp', by: 'hiroshi-yamada', personId: 'naoki-mori', via: 'teams' });
    const record = await h.store.events.get(`${APPROVER_AUDIT_SOURCE}:${String(line!.changeId)}`);
    expect(record).toMatchObject({ source: APPROVER_AUDIT_SOURCE, status: 'done', payload: { op: 'add', byPersonId: 'hiroshi-yamada', personId: 'naoki-mori', orgId: 'contoso-distribution-jp', roles: ['requester', 'admin'] } });
    expect(new Date(String(record!.payload.at)).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Naoki is told, in his language, who made him an approver.
    const told = h.delivered.filter((d) => d.to === 'naoki-mori');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]!.message.card)).toContain('承認者になりました');
    expect(JSON.stringify(told[0]!.message.card)).toContain('Hiroshi Yamada さんがあなたを');
  });

  it('Teams (en): a mention with only the Teams user ID is found through the chat the bot has with that person', async () => {
    await h.say('naoki-mori', 'hello', 'en-US');
    const text = 'make <at>Naoki</at> an approver';
    const replies = await h.sayAs(teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', text, 'en-US', [{ id: '29:naoki-mori', name: 'Naoki' }]), text);
    expect(all(replies)).toContain('Naoki Mori is now an approver of Contoso Distribution Japan');
    expect(await rolesOf(h, 'naoki-mori')).toContain('admin');
    expect(h.delivered.filter((d) => d.to === 'naoki-mori').map((d) => JSON.stringify(d.message.card)).join()).toContain('You are now an approver');
  });

  it('Slack (ja): 管理者が <@U…> で承認者を追加し、本人に日本語で知らせる', async () => {
    await h.say('yuki-suzuki', 'こんにちは', undefined, 'slack');
    h.delivered.length = 0;
    const text = '<@U06YUKISZ> を承認者にして';
    const replies = await h.sayAs(slackMessage('taro-ito', 'T06YAMATO', 'U06TAROITO', 'Taro Ito', text), text);
    expect(all(replies)).toMatch(/Yuki Suzuki さんを .+の承認者にしました/);
    expect(await rolesOf(h, 'yuki-suzuki')).toEqual(['requester', 'admin']);
    const told = h.delivered.filter((d) => d.to === 'yuki-suzuki');
    expect(told.map((d) => d.platform)).toEqual(['slack']);
    expect(JSON.stringify(told[0]!.message.card)).toContain('Taro Ito さんがあなたを');
    expect(audits(h)[0]).toMatchObject({ audit: 'approver.added', via: 'slack', by: 'taro-ito', personId: 'yuki-suzuki' });
  });

  it('Slack (en): an admin adds by name ("add Naoki Mori as approver") and removes by name; each change is audited', async () => {
    const say = (text: string) => h.sayAs(slackMessage('emily-clark', 'T02CONTOSO', 'U02EMILYC', 'Emily Clark', text), text);
    expect(all(await say('add Naoki Mori as approver'))).toContain('Naoki Mori is now an approver');
    expect(await rolesOf(h, 'naoki-mori')).toContain('admin');
    // Naoki has never talked with the bot: the admin is told he could not be told yet.
    expect(all(await say('remove Naoki as an approver'))).toMatch(/Naoki Mori is no longer an approver.*could not tell them yet/);
    expect(await rolesOf(h, 'naoki-mori')).toEqual(['requester']);
    expect(audits(h).map((l) => l.audit)).toEqual(['approver.added', 'approver.removed']);
  });

  it('Teams (en) and Slack (ja): someone who is not an admin is refused in their language, and nothing changes', async () => {
    const en = await h.sayAs(teamsMessage('naoki-mori', AAD.naoki, 'Naoki Mori', 'make me an approver', 'en-US'), 'make me an approver');
    expect(all(en)).toContain('Only an admin of your organization can change its approvers. Nothing was changed.');
    const ja = await h.sayAs(slackMessage('yuki-suzuki', 'T06YAMATO', 'U06YUKISZ', 'Yuki Suzuki', 'Taro Ito を承認者から外して'), 'Taro Ito を承認者から外して');
    expect(all(ja)).toContain('承認者を変更できるのは御社の管理者だけです。変更は行われていません。');
    expect(await rolesOf(h, 'naoki-mori')).toEqual(['requester']);
    expect(await rolesOf(h, 'taro-ito')).toEqual(['requester', 'admin']);
    expect(audits(h)).toEqual([]);
  });

  it('Teams (en) and Slack (ja): the last admin cannot remove themselves', async () => {
    const en = await h.sayAs(teamsMessage('mei-kobayashi', AAD.mei, 'Mei Kobayashi', 'remove me as an approver', 'en-US'), 'remove me as an approver');
    expect(all(en)).toContain('Mei Kobayashi is the last approver of your organization, so they cannot be removed');
    const ja = await h.sayAs(slackMessage('taro-ito', 'T06YAMATO', 'U06TAROITO', 'Taro Ito', '自分を承認者から外してください'), '自分を承認者から外してください');
    expect(all(ja)).toContain('Taro Ito さんは御社の最後の承認者のため、外せません');
    expect(await rolesOf(h, 'mei-kobayashi')).toContain('admin');
    expect(await rolesOf(h, 'taro-ito')).toContain('admin');
    expect(audits(h)).toEqual([]);
  });

  it('a mention of someone of another organization finds nobody: the admin is asked, with people of their own organization only, and a pick makes the change', async () => {
    // Hiroshi (Contoso) mentions Taro (Yamato): not found; Taro is not changed.
    const text = 'make <at>Taro Ito</at> an approver';
    const asked = await h.sayAs(teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', text, 'en-US', [{ id: '29:taro-ito', name: 'Taro Ito', aadObjectId: AAD.taro }]), text);
    const card = asked.at(-1)!;
    expect(card.cardText).toContain('I could not find that person in your organization');
    expect(card.cardText).toContain('Naoki Mori');
    expect(card.cardText).not.toMatch(/Taro Ito|Yuki Suzuki|Mei Kobayashi/);
    expect(await rolesOf(h, 'taro-ito')).toEqual(['requester', 'admin']);

    // Hiroshi picks Naoki on the card (Action.Execute).
    const pick = buttonData(card.card, 'approver_pick')!;
    expect(pick).toMatchObject({ verb: 'approver_pick', op: 'add', personId: 'naoki-mori' });
    const clicked = await h.execute('hiroshi-yamada', pick, 'en-US');
    expect(clicked.answer?.cardText).toContain('Naoki Mori is now an approver');
    expect(await rolesOf(h, 'naoki-mori')).toContain('admin');
  });

  it('a click naming someone of another organization changes nothing (the card data is not trusted)', async () => {
    const clicked = await h.execute('hiroshi-yamada', { verb: 'approver_pick', op: 'add', personId: 'yuki-suzuki' }, 'en-US');
    // A click says nothing about language: Hiroshi's directory language (Japanese) comes before his client's.
    expect(clicked.answer?.cardText).toContain('その方は御社の組織に見つかりませんでした');
    expect(await rolesOf(h, 'yuki-suzuki')).toEqual(['requester']);
  });

  it('an approver intent in a message that speaks of no approver or admin is not acted on', async () => {
    const replies = await h.sayAs(teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', 'Did the distributor approve our link yet?', 'en-US'), 'Did the distributor approve our link yet?');
    expect(all(replies)).not.toContain('Approvers of');
    expect(audits(h)).toEqual([]);
  });

  it('Teams channel: "@Partner Link make @Naoki an approver" names Naoki, not the bot', async () => {
    const text = '<at>Partner Link</at> make <at>Naoki Mori</at> an approver';
    const activity = {
      ...teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', text, 'en-US', [{ id: 'bot', name: 'Partner Link' }, { id: '29:naoki-mori', name: 'Naoki Mori', aadObjectId: AAD.naoki }]),
      conversation: { id: '19:contoso-approvals@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'approvals' },
    };
    const replies = await h.sayAs(activity, text);
    expect(all(replies)).toContain('Naoki Mori is now an approver');
    expect(await rolesOf(h, 'naoki-mori')).toContain('admin');
  });

  it('two admins removing each other at the same moment: the organization keeps its approvers', async () => {
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const admin = new ApproverAdmin({ store: h.store, logger: silent, tell: async () => 0 });
    const hiroshi = (await h.store.directory.getPerson('hiroshi-yamada'))!;
    const emily = (await h.store.directory.getPerson('emily-clark'))!;
    const [a, b] = await Promise.all([admin.change(hiroshi, 'remove', { personId: 'emily-clark' }, 'teams'), admin.change(emily, 'remove', { personId: 'hiroshi-yamada' }, 'slack')]);
    const admins = (await h.store.directory.listPeople('contoso-distribution-jp')).filter((p) => p.roles.includes('admin'));
    expect(admins.length).toBeGreaterThanOrEqual(1);
    expect([a.kind, b.kind]).toContain('last_admin');
  });

  it('in the middle of a request, the approvers are listed and the request goes on', async () => {
    await h.say('yuki-suzuki', 'I want to add a partner for Azure', 'en-US', 'slack');
    const replies = await h.sayAs(slackMessage('yuki-suzuki', 'T06YAMATO', 'U06YUKISZ', 'Yuki Suzuki', 'who are our approvers?'), 'who are our approvers?');
    expect(replies[0]!.cardText).toContain('Approvers of');
    expect(replies.length).toBeGreaterThan(1); // the request's question again
  });
});

describe.each(bothStores())('approver change notices survive a failed delivery ($name store)', (store) => {
  it('a notice the platform refused is kept and sent by the retry job once its backoff has passed, and only once', async () => {
    const clock = new TestClock(new Date('2026-12-01T00:00:00Z'));
    const h = await createBotHarness({ ...store.options(), clock });
    try {
      await h.say('naoki-mori', 'hello', 'en-US');
      h.delivered.length = 0;
      h.senders.teams.failures = 1; // the Bot Connector answers 503 once
      const text = 'make <at>Naoki Mori</at> an approver';
      await h.sayAs(teamsMessage('hiroshi-yamada', AAD.hiroshi, 'Hiroshi Yamada', text, 'en-US', [{ id: '29:naoki-mori', name: 'Naoki Mori', aadObjectId: AAD.naoki }]), text);
      expect(await rolesOf(h, 'naoki-mori')).toContain('admin');
      expect(h.delivered.filter((d) => d.to === 'naoki-mori')).toHaveLength(0);
      await h.notifier.retryPending(); // not due yet
      expect(h.delivered.filter((d) => d.to === 'naoki-mori')).toHaveLength(0);
      await clock.advance(60_000);
      await h.notifier.retryPending();
      await h.notifier.retryPending();
      const told = h.delivered.filter((d) => d.to === 'naoki-mori');
      expect(told).toHaveLength(1);
      expect(JSON.stringify(told[0]!.message.card)).toContain('You are now an approver');
    } finally {
      await h.destroy();
      await store.cleanUp();
    }
  });
});
