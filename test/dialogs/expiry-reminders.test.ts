import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';
import { TestClock } from '../support/test-clock';

const DAY = 86_400_000;
const idOf = (text: string) => /PL-[0-9A-Z]{8}/.exec(text)?.[0];

/**
 * Issue 15, transcripts with the clock moved through days: expiry by the schedule (everyone told, every
 * posted card replaced), a late approval refused, reminders at day 3, 10 and 17, and "remind them"
 * at most once a day; on Teams and Slack, in English and Japanese.
 */
describe('expiry and reminders, with the clock moved through days', () => {
  let h: BotHarness;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock('2026-04-01T00:00:00Z');
    h = await createBotHarness({ clock });
  });
  afterEach(() => h.destroy());

  /** Hiroshi (Teams, Japanese) and Emily (Slack, English) can be reached; Mei asks to link with Contoso Distribution Japan. */
  async function fileLink(locale: 'en-US' | 'ja-JP', emily: 'en-US' | 'ja-JP' = 'en-US'): Promise<string> {
    await h.say('hiroshi-yamada', 'こんにちは', 'ja-JP', 'teams'); // his client is in Japanese
    await h.say('emily-clark', 'hello', emily, 'slack'); // hers in English unless the test says
    const confirmation = (await h.say('mei-kobayashi', locale === 'ja-JP' ? 'コントソ・ディストリビューション・ジャパンと連携したい' : 'link us with Contoso Distribution Japan', locale)).at(-1)!;
    const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
    const id = idOf(done.cardText)!;
    expect((await h.store.requests.get(id))?.status).toBe('pending_approval');
    return id;
  }

  const approvalTo = (who: string, id: string) => h.delivered.find((d) => d.to === who && strings(d.message.card).includes(id) && buttonData(d.message.card, 'approve'));
  const remindersTo = (who: string) => h.delivered.filter((d) => d.to === who && /Reminder: a request awaits|催促: 申請が判断を待っています/.test(strings(d.message.card)));

  it('English: at 90 days the schedule expires it; Mei, Hiroshi (Teams) and Emily (Slack) are told; both posted cards are replaced; a late approval is refused', async () => {
    const id = await fileLink('en-US');
    const hiroshisCard = approvalTo('hiroshi-yamada', id)!;
    expect(approvalTo('emily-clark', id)).toBeDefined();
    const sentBefore = h.delivered.length;

    await clock.advanceDays(89);
    expect((await h.store.requests.get(id))?.status).toBe('pending_approval');
    await clock.advanceDays(1);
    const expired = (await h.store.requests.get(id))!;
    expect(expired.status).toBe('expired');
    expect(expired.audit.filter((e) => e.action === 'expire')).toHaveLength(1);

    const told = h.delivered.slice(sentBefore).filter((d) => /Request expired|申請は期限切れになりました/.test(strings(d.message.card)));
    expect(remindersTo('hiroshi-yamada')).toHaveLength(13); // day 3, 10, ..., 87: until it expired
    expect(told.map((d) => `${d.platform}:${d.to}`).sort()).toEqual(['slack:emily-clark', 'teams:hiroshi-yamada', 'teams:mei-kobayashi']);
    // Every posted approval card (Hiroshi's on Teams, Emily's on Slack) now shows the expiry, without buttons.
    const replaced = h.updated.filter((u) => /Expired|期限切れ/.test(strings(u.message.card)));
    expect(new Set(replaced.map((u) => u.platform))).toEqual(new Set(['teams', 'slack']));
    for (const u of replaced) expect(buttonData(u.message.card, 'approve')).toBeUndefined();

    // Hiroshi clicks Approve on the card he was sent: refused, with the expiry reason.
    const late = await h.execute('hiroshi-yamada', buttonData(hiroshisCard.message.card, 'approve')!, 'en-US', 'teams');
    expect(strings(late.card)).toMatch(/Request expired|申請は期限切れになりました/); // his client's language: Japanese
    expect((await h.store.requests.get(id))?.status).toBe('expired');
    expect((await h.store.requests.get(id))?.steps[0]?.decidedBy).toBeUndefined();
  });

  it('Japanese, Slack: an approval after the expiry, before the schedule ran, is refused with the reason and expires the request at once; everyone is told', async () => {
    const id = await fileLink('ja-JP', 'ja-JP');
    const emilysCard = approvalTo('emily-clark', id)!;
    const request = (await h.store.requests.get(id))!;
    clock.set(new Date(request.expiresAt.getTime() + 60_000)); // the schedule has not run since
    const sentBefore = h.delivered.length;

    const late = await h.execute('emily-clark', buttonData(emilysCard.message.card, 'approve')!, 'ja-JP', 'slack');
    // Emily's directory language is English: her card answers in English though Slack reports ja-JP (issue 18).
    expect(strings(late.card)).toContain('This request expired');
    const stored = (await h.store.requests.get(id))!;
    expect(stored.status).toBe('expired');
    expect(stored.audit.map((e) => e.action).slice(-2)).toEqual(['expire', 'refused']);
    expect(stored.audit.at(-1)?.code).toBe('REQUEST_EXPIRED');
    const told = h.delivered.slice(sentBefore).map((d) => d.to).sort();
    expect(told).toEqual(['emily-clark', 'hiroshi-yamada', 'mei-kobayashi']);
    expect(h.updated.length).toBeGreaterThanOrEqual(2);

    // The schedule, when it runs, finds nothing more to do: nobody is told twice.
    const after = h.delivered.length;
    await clock.advanceDays(1);
    expect(h.delivered.length).toBe(after);
    // The key is free again: Mei can file the same request anew.
    const again = (await h.say('mei-kobayashi', 'コントソ・ディストリビューション・ジャパンと連携したい', 'ja-JP')).at(-1)!;
    expect(buttonData(again.card, 'confirm')).toBeDefined();
  });

  it('reminders at day 3, 10 and 17, in each approver\'s language and time zone, saying how long it waited and when it expires', async () => {
    const id = await fileLink('ja-JP');
    const remindedOn: Record<string, number[]> = { 'hiroshi-yamada': [], 'emily-clark': [] };
    for (let day = 1; day <= 20; day++) {
      await clock.advanceDays(1);
      for (const who of Object.keys(remindedOn)) if (remindersTo(who).length > remindedOn[who]!.length) remindedOn[who]!.push(day);
    }
    expect(remindedOn).toEqual({ 'hiroshi-yamada': [3, 10, 17], 'emily-clark': [3, 10, 17] });
    const [first] = remindersTo('hiroshi-yamada'); // Hiroshi's reference says Japanese; Tokyo time
    expect(strings(first!.message.card)).toContain('この申請は 3 日間、判断を待っています。判断されない場合、2026年6月30日');
    expect(buttonData(first!.message.card, 'approve')).toMatchObject({ requestId: id });
    const emilys = remindersTo('emily-clark').map((d) => strings(d.message.card));
    expect(emilys[1]).toContain('It has waited 10 days for a decision. If nobody decides, it expires on Jun 30, 2026');
    const stored = (await h.store.requests.get(id))!;
    expect(stored.reminders).toMatchObject({ count: 3, scheduled: 3, lastBy: 'schedule' });
    expect(stored.audit.filter((e) => e.action === 'remind')).toHaveLength(3);

    // A reminder card's Approve works like the original card (the version did not move).
    const approve = buttonData(remindersTo('emily-clark').at(-1)!.message.card, 'approve')!;
    await h.execute('emily-clark', approve, 'en-US', 'slack');
    expect((await h.store.requests.get(id))?.status).toBe('approved');
    await clock.advanceDays(14);
    expect(remindersTo('emily-clark')).toHaveLength(3); // decided: no more reminders
  });

  it('「催促して」 (Teams, Japanese): reminds now, at most once a day, and says when the last reminder went out', async () => {
    const id = await fileLink('ja-JP');
    await clock.advanceDays(1);
    const first = await h.say('mei-kobayashi', '催促して', 'ja-JP');
    expect(first.at(-1)?.text).toContain(`${id} について Emily Clark、Hiroshi Yamada さんに催促しました。この申請への催促は今回が初めてです。`);
    expect(remindersTo('hiroshi-yamada')).toHaveLength(1);
    expect(remindersTo('emily-clark')).toHaveLength(1);

    clock.set(new Date(clock.now().getTime() + 5 * 3_600_000));
    const again = await h.say('mei-kobayashi', '承認者にもう一度リマインドして', 'ja-JP');
    expect(again.at(-1)?.text).toContain(`${id} の前回の催促は 2026年4月2日 9:00 JST に送られたため、今回は送っていません。次の催促は 2026年4月3日 9:00 JST から送れます。`);
    expect(remindersTo('hiroshi-yamada')).toHaveLength(1);

    await clock.advanceDays(1); // day 2: the schedule's first reminder is due at day 3, not yet
    expect(remindersTo('hiroshi-yamada')).toHaveLength(1);
    const third = await h.say('mei-kobayashi', '催促して', 'ja-JP');
    expect(third.at(-1)?.text).toContain('前回の催促は 2026年4月2日 9:00 JST に送られました。');
    expect(remindersTo('hiroshi-yamada')).toHaveLength(2);
  });

  it('"remind them" (Slack, English): Camille\'s distributor admin is reminded; a second ask the same day is refused with the time', async () => {
    await h.say('lena-vogel', 'hello', 'en-US', 'teams');
    const confirmation = (await h.say('camille-martin', 'link us with Northwind Distribution', 'en-US', 'slack')).at(-1)!;
    const done = (await h.execute('camille-martin', buttonData(confirmation.card, 'confirm')!, 'en-US', 'slack')).answer!;
    const id = idOf(done.cardText)!;
    await clock.advanceDays(2);
    const first = await h.say('camille-martin', 'remind them please', 'en-US', 'slack');
    expect(first.at(-1)?.text).toMatch(new RegExp(`^I reminded Lena Vogel about ${id}\\. It is the first reminder about it\\. You can send another one from Apr 4, 2026, 2:00 AM GMT\\+2\\.$`));
    expect(remindersTo('lena-vogel')).toHaveLength(1);
    expect(strings(remindersTo('lena-vogel')[0]!.message.card)).toContain('It has waited 2 days for a decision');
    const second = await h.say('camille-martin', 'send another reminder', 'en-US', 'slack');
    expect(second.at(-1)?.text).toContain(`The last reminder about ${id} went out on Apr 3, 2026, 2:00 AM GMT+2, so I did not send another.`);
    expect(remindersTo('lena-vogel')).toHaveLength(1);
    // Day 3 is the schedule's own first reminder; it is sent as well.
    await clock.advanceDays(1);
    expect(remindersTo('lena-vogel')).toHaveLength(2);
    expect(Date.now() - clock.now().getTime()).toBeLessThan(DAY * 365 * 10); // sanity: a real calendar date
  });
});
