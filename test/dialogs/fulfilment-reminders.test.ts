import nock from 'nock';
import { buttonData, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { usePartnerCenterHarness } from '../support/partner-center-harness';
import { TestClock } from '../support/test-clock';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17: a request waiting too long in "completing in Partner Center" reminds the people who must
// act there (with the default policy: 3 days after the last approval, then every 7 days), once per
// interval across instances, each in their own language; the clock is moved through days and Partner
// Center is answered by the fixtures (not there yet, then there).
const RESELLERS = () => nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' });
const REMINDER = /Reminder: not yet done in Partner Center|催促: パートナー センターでまだ完了していません/;

let clock: TestClock;

describe.each(bothStores().map((s) => [s.name, s] as const))('completing in Partner Center too long reminds those who must act (%s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest, { clock: () => (clock = new TestClock('2026-04-01T00:00:00Z')) });
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  const remindersTo = (who: string) => h.delivered.filter((d) => d.to === who && REMINDER.test(strings(d.message.card)));

  it('link: the distributor admins (Teams ja, Slack en) and the reseller admin are reminded on day 3 and 10 with their own step; once when two instances run at once; none after completion', async () => {
    // Partner Center does not list the reseller yet, whenever the fulfilment schedule asks.
    replyWith(RESELLERS(), 'indirect-resellers').persist();
    await h.say('hiroshi-yamada', 'こんにちは', 'ja-JP');
    await h.say('emily-clark', 'hello', 'en-US', 'slack');
    const [form] = await h.say('mei-kobayashi', '国内のディストリビューターと連携したい', 'ja-JP');
    const confirmation = (await h.execute('mei-kobayashi', { ...buttonData(form!.card, 'submit_form')!, providerId: 'contoso-distribution-jp' }, 'ja-JP')).answer!;
    const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'ja-JP')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
    const approval = h.delivered.find((d) => d.to === 'hiroshi-yamada' && buttonData(d.message.card, 'approve'))!;
    await h.execute('hiroshi-yamada', buttonData(approval.message.card, 'approve')!, 'ja-JP');
    expect((await h.store.requests.get(id))?.status).toBe('completing');

    await clock.advanceDays(2);
    expect(['hiroshi-yamada', 'emily-clark', 'mei-kobayashi'].map((p) => remindersTo(p).length)).toEqual([0, 0, 0]);
    await clock.advanceDays(1);
    expect(['hiroshi-yamada', 'emily-clark', 'mei-kobayashi'].map((p) => remindersTo(p).length)).toEqual([1, 1, 1]);

    // Each reader gets their organization's step first, in their language, and how long it has waited.
    const hiroshi = strings(remindersTo('hiroshi-yamada')[0]!.message.card);
    expect(hiroshi).toContain('3 日前に承認されましたが、パートナー センターにはまだ反映されていません');
    expect(hiroshi.indexOf('あなたの組織が行うこと')).toBeLessThan(hiroshi.indexOf('[パートナーシップを要求]'));
    expect(hiroshi.indexOf('[パートナーシップを要求]')).toBeLessThan(hiroshi.indexOf('パートナー センターでの次の手順'));
    expect(hiroshi).toContain('7023456');
    const emily = remindersTo('emily-clark')[0]!;
    expect(emily.platform).toBe('slack');
    expect(strings(emily.message.card)).toContain('Approved 3 days ago, and Partner Center does not show it yet.');
    expect(strings(emily.message.card)).toMatch(/What your organization does.*Request a partnership.*Next steps in Partner Center/);
    const mei = strings(remindersTo('mei-kobayashi')[0]!.message.card);
    expect(mei.indexOf('あなたの組織が行うこと')).toBeLessThan(mei.indexOf('[間接プロバイダーを承認]'));
    expect(mei.indexOf('[間接プロバイダーを承認]')).toBeLessThan(mei.indexOf('パートナー センターでの次の手順'));
    // Not the requester's "remind them" count, and no approval buttons: only the steps.
    expect(buttonData(emily.message.card, 'approve')).toBeUndefined();

    await clock.advanceDays(6);
    expect(remindersTo('hiroshi-yamada')).toHaveLength(1);
    await clock.advanceDays(1); // day 10
    expect(['hiroshi-yamada', 'emily-clark', 'mei-kobayashi'].map((p) => remindersTo(p).length)).toEqual([2, 2, 2]);
    const stored = (await h.store.requests.get(id))!;
    expect(stored.reminders).toMatchObject({ phase: 'completion', scheduled: 2, lastBy: 'schedule' });
    expect(stored.audit.filter((e) => e.action === 'remind').map((e) => e.reason)).toEqual(['completion reminder 1', 'completion reminder 2']);

    // Two instances run the schedule at the same moment on day 17: one reminder is recorded and sent.
    clock.set(new Date('2026-04-18T00:00:00Z'));
    const job = h.jobs.find((j) => j.name === 'completion-reminders')!;
    const runs = await Promise.all([job.run(), job.run(), job.run()]);
    expect((runs as number[]).reduce((a, b) => a + b, 0)).toBe(1);
    expect(['hiroshi-yamada', 'emily-clark', 'mei-kobayashi'].map((p) => remindersTo(p).length)).toEqual([3, 3, 3]);
    expect(await job.run()).toBe(0);

    // The reseller accepted: the next fulfilment run completes it; no reminder after that.
    nock.cleanAll();
    replyWith(RESELLERS(), 'indirect-resellers-after-link').persist();
    await clock.advanceDays(1);
    expect((await h.store.requests.get(id))?.status).toBe('completed');
    await clock.advanceDays(14);
    expect(['hiroshi-yamada', 'emily-clark', 'mei-kobayashi'].map((p) => remindersTo(p).length)).toEqual([3, 3, 3]);
  });
});

const YAMATO = 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6';
const M365_EA = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61';
const TERM_END = /Reminder: the subscription term ends soon|催促: サブスクリプションの期間がまもなく終わります/;

describe.each(bothStores().map((s) => [s.name, s] as const))('multi-channel support for a licence: reminded before its term ends (%s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest, { clock: () => (clock = new TestClock('2026-04-01T00:00:00Z')) });
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });
  const cardsTo = (who: string, pattern: RegExp) => h.delivered.filter((d) => d.to === who && pattern.test(strings(d.message.card)));

  it('the partner (en) and the customer admin (ja) are told once, 30 days before the term end Partner Center reports; the wait counts from that end date; completed on the new licence', async () => {
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`), 'subscriptions').persist();
    await h.say('daniel-park', 'hello', 'en-US');
    await h.say('taro-ito', 'こんにちは', 'ja-JP');
    const [ask] = await h.say('yuki-suzuki', '他で購入したサブスクリプションのサポートをお願いしたい', 'ja-JP');
    const partners = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, subscriptionId: M365_EA }, 'ja-JP')).answer!;
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(partners.card, 'submit_form')!, partnerId: 'trey-research-direct' }, 'ja-JP')).answer!;
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'ja-JP')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    const request = (await h.store.requests.get(id))!;
    await h.execute('daniel-park', { verb: 'approve', requestId: id, version: request.version }, 'en-US');
    expect((await h.store.requests.get(id))?.status).toBe('completing');
    // The completing card shows the licence's steps (bought new in CSP at its term end), not the Azure plan's.
    const toDaniel = strings(h.delivered.filter((d) => d.to === 'daniel-park').at(-1)!.message.card);
    expect(toDaniel).toContain('cannot move mid-term');
    expect(toDaniel).not.toContain('Azure plan');

    // The subscription renewed: Partner Center (through the sync) now reports its term ending on 30 April.
    const sub = (await h.store.directory.getSubscription(M365_EA))!;
    await h.store.directory.importDirectory({ organizations: [], people: [], links: [], relationships: [], subscriptions: [{ ...sub, termEndsOn: new Date('2026-04-30T00:00:00Z') }] });
    await clock.advanceDays(1);
    const daniel = cardsTo('daniel-park', TERM_END);
    const taro = cardsTo('taro-ito', TERM_END);
    expect([daniel.length, taro.length]).toEqual([1, 1]);
    expect(strings(daniel[0]!.message.card)).toContain('The current term of Microsoft 365 E3 (EA) ends on Apr 30, 2026.');
    expect(strings(daniel[0]!.message.card)).toMatch(/What your organization does.*when its current term ends on Apr 30, 2026, buy the new subscription/);
    expect(strings(taro[0]!.message.card)).toContain('Microsoft 365 E3 (EA)の現在の期間は 2026年4月30日 に終わります');
    expect(strings(taro[0]!.message.card)).toMatch(/あなたの組織が行うこと.*自動更新をオフにします/);
    expect((await h.store.requests.get(id))?.reminders).toMatchObject({ termEndFor: new Date('2026-04-30T00:00:00Z'), scheduled: 0 });

    // Once per end date; and no "waited too long" before the term ends (day 3 after it: 3 May).
    await clock.advanceDays(30); // 2 May
    expect([cardsTo('daniel-park', TERM_END).length, cardsTo('taro-ito', TERM_END).length]).toEqual([1, 1]);
    expect([cardsTo('daniel-park', REMINDER).length, cardsTo('taro-ito', REMINDER).length]).toEqual([0, 0]);
    await clock.advanceDays(1); // 3 May
    expect([cardsTo('daniel-park', REMINDER).length, cardsTo('taro-ito', REMINDER).length]).toEqual([1, 1]);

    // Trey bought the new licence in CSP: the next fulfilment run completes the request; both are told.
    nock.cleanAll();
    replyWith(nock(PC_BASE).get(`/customers/${YAMATO}/subscriptions`), 'subscriptions-after-licence').persist();
    await clock.advanceDays(1);
    expect((await h.store.requests.get(id))?.status).toBe('completed');
    expect((await h.store.directory.getSubscription(M365_EA))?.supportedBy).toEqual(['trey-research-direct']);
    expect(cardsTo('daniel-park', /Request completed in Partner Center/)).toHaveLength(1);
    expect(cardsTo('taro-ito', /申請はパートナー センターで完了しました/)).toHaveLength(1);
  });
});
