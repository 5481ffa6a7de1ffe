import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18: a distributor asked for by PartnerID. "please link us with the distributor whose PartnerID is
 * 4801123" got the general rules as a plain text reply (no card, so the transcript saw empty card text):
 * the classifier read a rules question, and a PartnerID did not count as naming an organization when the
 * bot decided what the message meant (only names did). Now a PartnerID names the organization as a name
 * does: the distributor is confirmed; a PartnerID nobody has is said so on the form, with the
 * distributors to choose from; a PartnerID of a reseller is refused with the rule's reason, with the same
 * list. Teams, English and Japanese; Slack: test/slack/slack-partner-id-asked.flow.test.ts.
 */
const CASES = [
  {
    locale: 'en-US',
    choose: 'in English',
    known: 'please link us with the distributor whose PartnerID is 4801123',
    unknown: 'please link us with the distributor whose PartnerID is 4809999',
    reseller: 'please link us with the distributor whose PartnerID is 7012345',
    confirm: 'Please check your request',
    contoso: 'Contoso Distribution Japan',
    notFound: 'No distributor in the directory has PartnerID 4809999.',
    notDistributor: 'Sakura Cloud Solutions is not an authorized indirect provider (distributor) in CSP.',
    list: 'Tailspin Distribution KK (PartnerID 4801877)',
    rules: 'The main rules',
  },
  {
    locale: 'ja-JP',
    choose: '日本語で',
    known: 'PartnerID が 4801123 のディストリビューターと連携させてください',
    unknown: 'PartnerID が 4809999 のディストリビューターと連携させてください',
    reseller: 'PartnerID が 7012345 のディストリビューターと連携させてください',
    confirm: '申請内容のご確認',
    contoso: 'コントソ・ディストリビューション・ジャパン',
    notFound: 'PartnerID 4809999のディストリビューターはディレクトリに登録されていません。',
    notDistributor: 'さくらクラウドソリューションズは CSP の承認済み間接プロバイダー (ディストリビューター) ではありません。',
    list: 'テイルスピン・ディストリビューション (PartnerID 4801877)',
    rules: '主なルール',
  },
] as const;

describe('a distributor asked for by PartnerID (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each(CASES)('$locale: the PartnerID of a distributor: Mei confirms the link with it, never the rules in general', async (c) => {
    await h.say('mei-kobayashi', c.choose, c.locale);
    const replies = await h.say('mei-kobayashi', c.known, c.locale);
    const card = replies.at(-1)!;
    expect(card.cardText).toContain(c.confirm);
    expect(card.cardText).toContain(c.contoso);
    expect(replies.map((r) => r.text ?? '').join(' ')).not.toContain(c.rules);
    await h.execute('mei-kobayashi', buttonData(card.card, 'confirm')!, c.locale);
    expect((await h.store.requests.listByRequester('mei-kobayashi')).map((r) => r.subject)).toEqual([
      { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' },
    ]);
  });

  it.each(CASES)('$locale: a PartnerID nobody has is said so, above the distributors she can choose', async (c) => {
    await h.say('mei-kobayashi', c.choose, c.locale);
    const form = (await h.say('mei-kobayashi', c.unknown, c.locale)).at(-1)!;
    expect(form.cardText).toContain(c.notFound);
    expect(form.cardText).toContain(c.list);
    expect(form.cardText.indexOf(c.notFound)).toBeLessThan(form.cardText.indexOf(c.list));
    // Choosing one goes on as usual; the note is gone from what follows.
    const confirmation = (await h.execute('mei-kobayashi', { ...buttonData(form.card, 'submit_form')!, providerId: 'tailspin-distribution-jp' }, c.locale)).answer!;
    expect(confirmation.cardText).toContain(c.confirm);
    expect(confirmation.cardText).not.toContain('4809999');
  });

  it.each(CASES)('$locale: after a PartnerID nobody has, a distributor named in the chat is confirmed; Change shows the choices without the old note', async (c) => {
    await h.say('mei-kobayashi', c.choose, c.locale);
    await h.say('mei-kobayashi', c.unknown, c.locale);
    const confirmation = (await h.say('mei-kobayashi', 'Tailspin Distribution KK', c.locale)).at(-1)!;
    expect(confirmation.cardText).toContain(c.confirm);
    const change = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'edit')!, c.locale)).answer!;
    expect(change.cardText).toContain(c.list);
    expect(change.cardText).not.toContain('4809999');
  });

  it.each(CASES)("$locale: a reseller's PartnerID is refused with the rule's reason, and the distributors are offered", async (c) => {
    await h.say('mei-kobayashi', c.choose, c.locale);
    const form = (await h.say('mei-kobayashi', c.reseller, c.locale)).at(-1)!;
    expect(form.cardText).toContain(c.notDistributor);
    expect(form.cardText).toContain(c.list);
    expect(buttonData(form.card, 'submit_form')).toBeDefined();
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
  });
});
