import { meiOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack (signed HTTP requests, Block Kit, the Web API faked locally): a distributor asked for
 * by PartnerID. The distributor's PartnerID is confirmed (it used to get the general rules as text); one
 * nobody has is said so on the form, above the distributors to choose from; a reseller's is refused with
 * the rule's reason, with the same list. English and Japanese. Teams: test/dialogs/partner-id-asked.test.ts.
 */
const MEI = 'D09MEIKOB';

const CASES = [
  {
    lang: 'en',
    choose: 'in English',
    known: 'please link us with the distributor whose PartnerID is 4801123',
    unknown: 'please link us with the distributor whose PartnerID is 4809999',
    reseller: 'please link us with the distributor whose PartnerID is 7012345',
    confirm: 'Please check your request',
    contoso: 'Contoso Distribution Japan',
    notFound: 'No distributor in the directory has PartnerID 4809999.',
    notDistributor: 'Sakura Cloud Solutions is not an authorized indirect provider (distributor) in CSP.',
    list: 'Tailspin Distribution KK (PartnerID 4801877)',
  },
  {
    lang: 'ja',
    choose: '日本語で',
    known: 'PartnerID が 4801123 のディストリビューターと連携させてください',
    unknown: 'PartnerID が 4809999 のディストリビューターと連携させてください',
    reseller: 'PartnerID が 7012345 のディストリビューターと連携させてください',
    confirm: '申請内容のご確認',
    contoso: 'コントソ・ディストリビューション・ジャパン',
    notFound: 'PartnerID 4809999のディストリビューターはディレクトリに登録されていません。',
    notDistributor: 'さくらクラウドソリューションズは CSP の承認済み間接プロバイダー (ディストリビューター) ではありません。',
    list: 'テイルスピン・ディストリビューション (PartnerID 4801877)',
  },
] as const;

describe('Slack: a distributor asked for by PartnerID', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
    await meiOnSlack(h.store);
  });
  afterEach(() => h.destroy());

  it.each(CASES)('$lang: the PartnerID of a distributor is confirmed, and filed', async (c) => {
    await h.dm('mei', c.choose);
    await h.dm('mei', c.known);
    const card = last(h.shown(MEI));
    expect(textOf(card)).toContain(c.confirm);
    expect(textOf(card)).toContain(c.contoso);
    await h.click('mei', card, 'confirm');
    expect((await h.store.requests.listByRequester('mei-kobayashi')).map((r) => r.subject)).toEqual([
      { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' },
    ]);
  });

  it.each(CASES)('$lang: a PartnerID nobody has is said so, above the distributors to choose from', async (c) => {
    await h.dm('mei', c.choose);
    await h.dm('mei', c.unknown);
    const form = last(h.shown(MEI));
    const text = textOf(form);
    expect(text).toContain(c.notFound);
    expect(text).toContain(c.list);
    expect(text.indexOf(c.notFound)).toBeLessThan(text.indexOf(c.list));
    await h.click('mei', form, 'submit_form', { providerId: 'tailspin-distribution-jp' });
    const confirmation = textOf(last(h.shown(MEI)));
    expect(confirmation).toContain(c.confirm);
    expect(confirmation).not.toContain('4809999');
  });

  it.each(CASES)("$lang: a reseller's PartnerID is refused with the rule's reason, and the distributors are offered", async (c) => {
    await h.dm('mei', c.choose);
    await h.dm('mei', c.reseller);
    const text = textOf(last(h.shown(MEI)));
    expect(text).toContain(c.notDistributor);
    expect(text).toContain(c.list);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
  });
});
