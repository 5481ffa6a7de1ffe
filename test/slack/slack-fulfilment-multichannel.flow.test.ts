import nock from 'nock';
import { validateBlocks } from '../../adapters/slack/block-kit';
import { bothStores } from '../support/both-stores';
import { fixturePartnerCenter } from '../support/partner-center-harness';
import { TestClock } from '../support/test-clock';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';
import { last, textOf, createSlackHarness, type PostedMessage, type SlackHarness } from './support/slack-harness';

/**
 * Issue 17 on Slack, through signed HTTP and the (fake) Web API, with Partner Center answered by the
 * fixtures: multi-channel support goes through "completing in Partner Center" to "completed", for a
 * usage-based Azure subscription (the new Azure plan's steps) and for a licence (its term-end reminder,
 * then the new licence bought in CSP). Yuki (Yamato's requester) writes in Japanese; Trey Research's
 * admin Daniel approves in English; Yamato's admin Taro reads Japanese. The Teams transcripts are
 * test/dialogs/fulfilment-multichannel.test.ts and fulfilment-reminders.test.ts.
 */
const REQUEST_ID = /PL-[0-9A-Z]{8}/;
const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';
const M365_EA = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61';
const AZURE_ONLINE = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c62';
const SUBSCRIPTIONS = () => nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`);
const DM = { yuki: 'D06YUKISZ', daniel: 'D05DANPARK', taro: 'D06TAROITO' } as const;
const TERM_END = /Reminder: the subscription term ends soon|催促: サブスクリプションの期間がまもなく終わります/;

describe.each(bothStores().map((s) => [s.name, s] as const))('Slack: multi-channel support completes in Partner Center (%s store)', (_name, storeUnderTest) => {
  let h: SlackHarness;
  let clock: TestClock;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1'); // the bot's own HTTP server and the fake Slack Web API
    clock = new TestClock('2026-04-01T00:00:00Z');
    h = await createSlackHarness({ ...storeUnderTest.options(), partnerCenter: fixturePartnerCenter(), clock });
  });
  afterEach(async () => {
    await h.destroy();
    await storeUnderTest.cleanUp();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  const job = (name: string) => h.runtime.jobs.find((j) => j.name === name)!;

  /** Yuki asks in Japanese in her DM, picks the subscription and Trey Research Direct, confirms; Daniel approves in his DM. */
  async function fileAndApprove(subscriptionId: string): Promise<{ requestId: string; approval: PostedMessage }> {
    await h.dm('yuki', '他で購入したサブスクリプションのサポートをお願いしたい');
    await h.click('yuki', last(h.shown(DM.yuki)), 'submit_form', { subscriptionId });
    const partners = last(h.shown(DM.yuki));
    expect(textOf(partners)).toContain('トレイ・リサーチ・ダイレクト');
    await h.click('yuki', partners, 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('yuki', last(h.shown(DM.yuki)), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown(DM.yuki))))![0];
    const approval = last(h.posted(DM.daniel));
    expect(textOf(approval)).toContain(requestId);
    expect((await h.click('daniel', approval, 'approve')).status).toBe(200);
    const completing = (await h.store.requests.get(requestId))!;
    expect(completing.status).toBe('completing');
    expect(completing.audit.at(-1)).toMatchObject({ action: 'approve', to: 'completing', platform: 'slack', actor: { personId: 'daniel-park' } });
    return { requestId, approval };
  }

  /** The approval card Daniel clicked, as Slack shows it now (its last chat.update). */
  const replacedApproval = (approval: PostedMessage) => h.shown(DM.daniel).find((m) => m.ts === approval.ts)!;

  it('ja: Azure bought online → completing: each side sees the new Azure plan steps on Slack; Partner Center without it, then with it → completed, both told', async () => {
    await h.dm('daniel', 'hello');
    const { requestId, approval } = await fileAndApprove(AZURE_ONLINE);

    // Daniel's approval card becomes the completing card with his steps (valid Block Kit); Yuki gets hers in Japanese.
    const forDaniel = replacedApproval(approval);
    expect(validateBlocks(forDaniel.blocks)).toEqual([]);
    expect(textOf(forDaniel)).toContain('Completing in Partner Center');
    expect(textOf(forDaniel)).toContain('create a new Azure plan subscription for Yamato Manufacturing Co., Ltd.');
    expect(textOf(forDaniel)).not.toContain('cannot move mid-term');
    const forYuki = last(h.posted(DM.yuki));
    expect(validateBlocks(forYuki.blocks)).toEqual([]);
    expect(textOf(forYuki)).toContain('パートナー センターで完了待ち');
    expect(textOf(forYuki)).toContain('パートナー センターでの次の手順');
    expect(textOf(forYuki)).toContain('新しい Azure プランのサブスクリプションを作成');
    expect(textOf(forYuki)).toContain('Azure plan (bought online)はリソースを移すまで新しい Azure プランと並行して動きます');
    expect((await h.store.directory.getSubscription(AZURE_ONLINE))?.supportedBy).toEqual([]);

    // Partner Center does not show the new Azure plan yet; then it does, with Trey as reseller of record.
    replyWith(SUBSCRIPTIONS(), 'subscriptions');
    expect(await job('partner-center-fulfilment').run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    const before = { yuki: h.posted(DM.yuki).length, daniel: h.posted(DM.daniel).length };
    replyWith(SUBSCRIPTIONS(), 'subscriptions-after-azure-plan');
    expect(await job('partner-center-fulfilment').run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);

    const completed = (await h.store.requests.get(requestId))!;
    expect(completed.status).toBe('completed');
    expect(completed.audit.at(-1)).toMatchObject({ action: 'complete', from: 'completing', to: 'completed', actor: { type: 'system' }, platform: 'system' });
    expect((await h.store.directory.getSubscription(AZURE_ONLINE))?.supportedBy).toEqual(['trey-research-direct']);
    // Both told in their DMs, each in their language; the steps are gone from the completed card.
    const toYuki = h.posted(DM.yuki).slice(before.yuki);
    const toDaniel = h.posted(DM.daniel).slice(before.daniel);
    expect(toYuki.map(textOf).join(' ')).toContain('申請はパートナー センターで完了しました');
    expect(toDaniel.map(textOf).join(' ')).toContain('Request completed in Partner Center');
    expect(toDaniel.map(textOf).join(' ')).not.toContain('Next steps in Partner Center');
    expect([...toYuki, ...toDaniel].every((m) => validateBlocks(m.blocks).length === 0)).toBe(true);
  });

  it('ja: a licence (EA) → completing with the term-end steps; the term-end reminder reaches Daniel (en, Los Angeles) and Taro (ja, Tokyo) on Slack; the new licence in Partner Center → completed', async () => {
    // Daniel is in Los Angeles this month (the directory says so); Taro in Tokyo. Both have written to the bot.
    const daniel = (await h.store.directory.getPerson('daniel-park'))!;
    await h.store.directory.importDirectory({ organizations: [], people: [{ ...daniel, timeZone: 'America/Los_Angeles' }], links: [], relationships: [], subscriptions: [] });
    await h.dm('daniel', 'hello');
    await h.dm('taro', 'こんにちは');
    const { requestId, approval } = await fileAndApprove(M365_EA);

    // The licence's steps: bought new in CSP at its term end (not the Azure plan's), on each side.
    const forDaniel = replacedApproval(approval);
    expect(textOf(forDaniel)).toContain('Microsoft 365 E3 (EA) cannot move mid-term');
    expect(textOf(forDaniel)).not.toContain('Azure plan');
    expect(textOf(last(h.posted(DM.yuki)))).toContain('Microsoft 365 E3 (EA)は期間の終了時に終了させます (自動更新をオフにします)');
    // Yamato's admin acts too (accepts the partner, lets the EA licence end): he gets the completing card in his DM.
    expect(textOf(last(h.posted(DM.taro)))).toContain('パートナー センターで完了待ち');
    expect(textOf(last(h.posted(DM.taro)))).toContain('自動更新をオフにします');

    // The sync brought the renewed term end from Partner Center: 30 April. The next day's reminder run tells each side.
    const sub = (await h.store.directory.getSubscription(M365_EA))!;
    await h.store.directory.importDirectory({ organizations: [], people: [], links: [], relationships: [], subscriptions: [{ ...sub, termEndsOn: new Date('2026-04-30T00:00:00Z') }] });
    const before = { daniel: h.posted(DM.daniel).length, taro: h.posted(DM.taro).length };
    clock.set(new Date('2026-04-02T00:00:00Z'));
    await job('completion-reminders').run();
    const remindedDaniel = h.posted(DM.daniel).slice(before.daniel).filter((m) => TERM_END.test(textOf(m)));
    const remindedTaro = h.posted(DM.taro).slice(before.taro).filter((m) => TERM_END.test(textOf(m)));
    expect([remindedDaniel.length, remindedTaro.length]).toEqual([1, 1]);
    const d = textOf(remindedDaniel[0]!);
    expect(d).toContain('Reminder: the subscription term ends soon');
    expect(d).toContain('The current term of Microsoft 365 E3 (EA) ends on Apr 30, 2026.');
    expect(d).toMatch(/What your organization does.*when its current term ends on Apr 30, 2026, buy the new subscription/s);
    // The approval time in Daniel's zone (1 April 00:00 UTC is 31 March in Los Angeles); the term end is a calendar day.
    expect(d).toContain('By Daniel Park, Mar 31, 2026, 5:00 PM PDT');
    const t = textOf(remindedTaro[0]!);
    expect(t).toContain('催促: サブスクリプションの期間がまもなく終わります');
    expect(t).toContain('Microsoft 365 E3 (EA)の現在の期間は 2026年4月30日 に終わります');
    expect(t).toMatch(/あなたの組織が行うこと.*自動更新をオフにします/s);
    expect(t).toContain('Daniel Park (2026年4月1日 9:00 JST)');
    expect([...remindedDaniel, ...remindedTaro].every((m) => validateBlocks(m.blocks).length === 0)).toBe(true);
    // Reminders carry no buttons to approve: only the steps.
    expect(JSON.stringify(remindedDaniel[0]!.blocks)).not.toContain('\\"v\\":\\"approve\\"');
    // Once per end date.
    clock.set(new Date('2026-04-03T00:00:00Z'));
    await job('completion-reminders').run();
    expect(h.posted(DM.daniel).slice(before.daniel).filter((m) => TERM_END.test(textOf(m)))).toHaveLength(1);

    // On 30 April Trey bought the new licence in CSP: Partner Center shows it, Trey as reseller of record.
    clock.set(new Date('2026-04-30T06:00:00Z'));
    replyWith(SUBSCRIPTIONS(), 'subscriptions');
    expect(await job('partner-center-fulfilment').run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    const told = { yuki: h.posted(DM.yuki).length, daniel: h.posted(DM.daniel).length, taro: h.posted(DM.taro).length };
    replyWith(SUBSCRIPTIONS(), 'subscriptions-after-licence');
    expect(await job('partner-center-fulfilment').run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);
    expect((await h.store.requests.get(requestId))?.status).toBe('completed');
    expect((await h.store.directory.getSubscription(M365_EA))?.supportedBy).toEqual(['trey-research-direct']);
    expect(h.posted(DM.yuki).slice(told.yuki).map(textOf).join(' ')).toContain('申請はパートナー センターで完了しました');
    expect(h.posted(DM.daniel).slice(told.daniel).map(textOf).join(' ')).toContain('Request completed in Partner Center');
    expect(h.posted(DM.taro).slice(told.taro).map(textOf).join(' ')).toContain('申請はパートナー センターで完了しました');
  });
});
