import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack (signed HTTP requests, Block Kit, the Web API faked locally): the rule that a
 * reseller offered to a customer must be able to transact (enrolled in CSP, and linked with a distributor
 * in its CSP region and cloud: RESELLER_CANNOT_TRANSACT). Kumo Startup IT is still enrolling; Fuji IT
 * Partners has no distributor. Taro Ito (Yamato Manufacturing) is offered neither, for a second partner or
 * for multi-channel support, and the form counts them under the rule; named explicitly, Kumo is refused
 * with the rule's own reason, above the partners he can choose. English and Japanese.
 * Teams: test/dialogs/reseller-can-transact.test.ts; the rule itself: test/domain/reseller-can-transact.test.ts.
 */
const TARO = 'D06TAROITO';

const CASES = [
  {
    lang: 'en',
    choose: 'in English',
    addPartner: 'Add a second partner for Microsoft 365',
    multichannel: 'We bought Microsoft 365 through an EA. Can a CSP partner support it?',
    namedAdd: 'Add Kumo Startup IT as a partner for Microsoft 365',
    namedMultichannel: 'We bought Microsoft 365 through an EA. Can Kumo Startup IT support it?',
    trey: 'Trey Research Direct',
    absent: /Kumo Startup IT|Fuji IT Partners/,
    kumo: 'Kumo Startup IT',
    counted: /resellers that cannot sell to customers yet \(not enrolled, or no distributor in their CSP region and cloud\) \((\d+)\)/,
    refused: 'Kumo Startup IT is not enrolled in CSP as an indirect reseller yet, so it cannot sell to customers.',
  },
  {
    lang: 'ja',
    choose: '日本語で',
    addPartner: 'Microsoft 365 のパートナーを追加したい',
    multichannel: 'EA で購入した Microsoft 365 を CSP パートナーにサポートしてもらえますか？',
    namedAdd: 'クモ・スタートアップITを Microsoft 365 のパートナーとして追加したい',
    namedMultichannel: 'EA で購入した Microsoft 365 をクモ・スタートアップITにサポートしてもらいたい',
    trey: 'トレイ・リサーチ・ダイレクト',
    absent: /クモ・スタートアップIT|富士ITパートナーズ/,
    kumo: 'クモ・スタートアップIT',
    counted: /まだ顧客に販売できないリセラー \(未登録、または同じ CSP リージョンとクラウドのディストリビューターと未連携\) \((\d+) 社\)/,
    refused: 'クモ・スタートアップITはまだ CSP の間接リセラーとして登録されていないため、顧客に販売できません。',
  },
] as const;

describe('Slack: a reseller that cannot transact is never offered to a customer (Kumo Startup IT)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it.each(CASES)('$lang: a second partner: Kumo and Fuji are not offered, and are counted under the rule', async (c) => {
    await h.dm('taro', c.choose);
    await h.dm('taro', c.addPartner);
    const text = textOf(last(h.shown(TARO)));
    expect(text).toContain(c.trey);
    expect(text).not.toMatch(c.absent);
    expect(Number(c.counted.exec(text)?.[1])).toBe(2);
  });

  it.each(CASES)('$lang: multi-channel support for the EA subscription: Kumo is not offered', async (c) => {
    await h.dm('taro', c.choose);
    await h.dm('taro', c.multichannel);
    const text = textOf(last(h.shown(TARO)));
    expect(text).toContain('Microsoft 365 E3 (EA)');
    expect(text).toContain(c.trey);
    expect(text).not.toMatch(c.absent);
    expect(Number(c.counted.exec(text)?.[1])).toBe(2);
  });

  it.each(CASES)('$lang: Kumo named for a second partner is refused with the rule\'s reason; the others are offered', async (c) => {
    await h.dm('taro', c.choose);
    await h.dm('taro', c.namedAdd);
    const form = last(h.shown(TARO));
    const text = textOf(form);
    expect(text).toContain(c.refused);
    expect(text).toContain(c.trey);
    expect(text.indexOf(c.refused)).toBeLessThan(text.indexOf(c.trey));
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
    // The form goes on: another partner can be chosen and the request filed.
    await h.click('taro', form, 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('taro', last(h.shown(TARO)), 'confirm');
    expect((await h.store.requests.listByRequester('taro-ito')).map((r) => r.subject)).toMatchObject([{ kind: 'add_partner', partnerId: 'trey-research-direct', workload: 'microsoft365' }]);
  });

  it.each(CASES)('$lang: Kumo named for multi-channel support is refused with the rule\'s reason', async (c) => {
    await h.dm('taro', c.choose);
    await h.dm('taro', c.namedMultichannel);
    const text = textOf(last(h.shown(TARO)));
    expect(text).toContain(c.refused);
    expect(text).toContain(c.trey);
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
  });
});
