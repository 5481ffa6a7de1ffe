import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18 on Teams: a reseller offered to a customer must be able to transact (enrolled in CSP, and linked
 * with a distributor in its CSP region and cloud: RESELLER_CANNOT_TRANSACT). Kumo Startup IT, still
 * enrolling, named explicitly by Taro Ito (Yamato Manufacturing) is refused with the rule's reason, above
 * the partners he can choose; for both customer requests, in English and Japanese. That neither Kumo nor
 * Fuji IT Partners is offered is in test/domain/reseller-can-transact.test.ts (both platforms, through the
 * bot); Block Kit: test/slack/slack-reseller-can-transact.flow.test.ts.
 */
const CASES = [
  {
    locale: 'en-US',
    choose: 'in English',
    namedAdd: 'Add Kumo Startup IT as a partner for Microsoft 365',
    namedMultichannel: 'We bought Microsoft 365 through an EA. Can Kumo Startup IT support it?',
    trey: 'Trey Research Direct',
    refused: 'Kumo Startup IT is not enrolled in CSP as an indirect reseller yet, so it cannot sell to customers.',
    counted: /resellers that cannot sell to customers yet \(not enrolled, or no distributor in their CSP region and cloud\) \((\d+)\)/,
  },
  {
    locale: 'ja-JP',
    choose: '日本語で',
    namedAdd: 'クモ・スタートアップITを Microsoft 365 のパートナーとして追加したい',
    namedMultichannel: 'EA で購入した Microsoft 365 をクモ・スタートアップITにサポートしてもらいたい',
    trey: 'トレイ・リサーチ・ダイレクト',
    refused: 'クモ・スタートアップITはまだ CSP の間接リセラーとして登録されていないため、顧客に販売できません。',
    counted: /まだ顧客に販売できないリセラー \(未登録、または同じ CSP リージョンとクラウドのディストリビューターと未連携\) \((\d+) 社\)/,
  },
] as const;

describe('Teams: Kumo Startup IT named by a customer is refused with the rule\'s reason', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each(CASES)('$locale: for a second partner; another partner can then be chosen and filed', async (c) => {
    await h.say('taro-ito', c.choose, c.locale);
    const form = (await h.say('taro-ito', c.namedAdd, c.locale)).at(-1)!;
    expect(form.cardText).toContain(c.refused);
    expect(form.cardText).toContain(c.trey);
    expect(form.cardText.indexOf(c.refused)).toBeLessThan(form.cardText.indexOf(c.trey));
    // Kumo itself is counted under the rule, with Fuji IT Partners.
    expect(Number(c.counted.exec(form.cardText)?.[1])).toBe(2);
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
    const confirmation = (await h.execute('taro-ito', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' }, c.locale)).answer!;
    await h.execute('taro-ito', buttonData(confirmation.card, 'confirm')!, c.locale);
    expect((await h.store.requests.listByRequester('taro-ito')).map((r) => r.subject)).toMatchObject([{ kind: 'add_partner', partnerId: 'trey-research-direct', workload: 'microsoft365' }]);
  });

  it.each(CASES)('$locale: for multi-channel support of the EA subscription', async (c) => {
    await h.say('taro-ito', c.choose, c.locale);
    const form = (await h.say('taro-ito', c.namedMultichannel, c.locale)).at(-1)!;
    expect(form.cardText).toContain(c.refused);
    expect(form.cardText).toContain('Microsoft 365 E3 (EA)');
    expect(form.cardText).toContain(c.trey);
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
  });
});
