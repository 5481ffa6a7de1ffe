import { stringsFor } from '../../cards';
import { buttonData, createBotHarness, type BotHarness, type Reply } from '../support/bot-harness';

/**
 * Issue 18: help and the welcome card fit the person. A reseller sees reseller examples, a customer
 * customer examples, a partner that only approves (a distributor) approver examples; an admin sees how
 * many requests wait for their approval, with a button that lists them. Teams, English and Japanese.
 */
const card = (replies: Reply[]) => replies.at(-1)!;
const allText = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' ');

describe('issue 18: help and welcome fit the person (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('English: a reseller sees reseller examples, a customer customer examples, a distributor admin approver examples', async () => {
    const en = stringsFor('en');
    await h.say('mei-kobayashi', 'in English please', 'en-US');
    const reseller = card(await h.say('mei-kobayashi', 'help', 'en-US')).cardText;
    for (const e of en.help.examples.reseller) expect(reseller).toContain(e);
    expect(reseller).not.toContain(en.help.examples.customer[0]);
    // Mei is also her organization's admin: she is told that nothing waits for her.
    expect(reseller).toContain(en.awaiting.none);

    await h.say('yuki-suzuki', 'in English please', 'en-US');
    const customer = card(await h.say('yuki-suzuki', 'help', 'en-US')).cardText;
    for (const e of en.help.examples.customer) expect(customer).toContain(e);
    expect(customer).not.toContain(en.help.examples.reseller[0]);
    // Yuki approves nothing (a requester only): not a word about approvals waiting.
    expect(customer).not.toContain(en.awaiting.title);

    await h.say('hiroshi-yamada', 'in English please', 'en-US');
    const distributor = card(await h.say('hiroshi-yamada', 'help', 'en-US')).cardText;
    for (const e of en.help.examples.partner) expect(distributor).toContain(e);
    expect(distributor).not.toContain(en.help.examples.customer[0]);
    expect(distributor).not.toContain(en.help.whatTitle);
    // An admin with nothing waiting is told so, without a button.
    expect(distributor).toContain(en.awaiting.none);
    expect(distributor).not.toContain(en.awaiting.show);
  });

  it('Japanese: the same three sets of examples, in Japanese', async () => {
    const ja = stringsFor('ja');
    const reseller = card(await h.say('mei-kobayashi', 'ヘルプ', 'ja-JP')).cardText;
    for (const e of ja.help.examples.reseller) expect(reseller).toContain(e);
    const customer = card(await h.say('yuki-suzuki', 'ヘルプ', 'ja-JP')).cardText;
    for (const e of ja.help.examples.customer) expect(customer).toContain(e);
    const distributor = card(await h.say('hiroshi-yamada', 'ヘルプ', 'ja-JP')).cardText;
    for (const e of ja.help.examples.partner) expect(distributor).toContain(e);
    expect(distributor).toContain(ja.awaiting.none);
  });

  it('English: an admin with a request waiting sees the count on help and welcome, and "Show them" lists it with its approval card', async () => {
    const en = stringsFor('en');
    await h.say('daniel-park', 'hello', 'en-US');
    const form = card(await h.say('yuki-suzuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions'));
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, partnerId: 'trey-research-direct' })).answer!;
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!)).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];

    const help = card(await h.say('daniel-park', 'help', 'en-US'));
    expect(help.cardText).toContain(en.awaiting.title);
    expect(help.cardText).toContain('1 request is waiting for your approval.');
    expect(JSON.stringify(help.card)).toContain('"title":"Show them","verb":"menu","data":{"intent":"awaiting_me","lang":"en"}');
    const listed = await h.execute('daniel-park', { verb: 'menu', intent: 'awaiting_me' }, 'en-US');
    const shown = `${listed.answer?.cardText ?? ''} ${allText(listed.replies)}`;
    expect(shown).toContain(id);
    expect(shown).toContain('Approve');

    const welcome = card(await h.say('daniel-park', 'hi', 'en-US'));
    expect(welcome.cardText).toContain('1 request is waiting for your approval.');
    // A distributor-side admin files nothing: no "What would you like to do?" heading with nothing under it.
    expect(welcome.cardText).not.toContain(en.welcome.choose);
  });

  it('Japanese: the distributor admin sees 「あなたの承認を待っている申請が 1 件あります。」 and 「一覧を見る」 lists the link request', async () => {
    const ja = stringsFor('ja');
    await h.say('hiroshi-yamada', 'こんにちは', 'ja-JP');
    const asked = card(await h.say('mei-kobayashi', 'コントソ・ディストリビューション・ジャパンと連携したい', 'ja-JP'));
    const submitted = (await h.execute('mei-kobayashi', buttonData(asked.card, 'confirm')!, 'ja-JP')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];

    const help = card(await h.say('hiroshi-yamada', 'ヘルプ', 'ja-JP'));
    expect(help.cardText).toContain(ja.awaiting.count(1));
    expect(help.cardText).toContain(ja.awaiting.show);
    const listed = await h.execute('hiroshi-yamada', { verb: 'menu', intent: 'awaiting_me' }, 'ja-JP');
    const shown = `${listed.answer?.cardText ?? ''} ${allText(listed.replies)}`;
    expect(shown).toContain(id);
    expect(shown).toContain('承認');
    // A person who is no admin has nothing waiting: the list says so plainly.
    const none = await h.execute('yuki-suzuki', { verb: 'menu', intent: 'awaiting_me' }, 'ja-JP');
    expect(`${none.answer?.cardText ?? ''} ${allText(none.replies)}`).toContain(ja.awaiting.none);
  });

  it('every example on the help cards is understood (none gets "didn\'t understand")', async () => {
    const people = { reseller: 'mei-kobayashi', customer: 'yuki-suzuki', partner: 'hiroshi-yamada' } as const;
    for (const locale of ['en', 'ja'] as const) {
      const s = stringsFor(locale);
      for (const [audience, person] of Object.entries(people) as [keyof typeof people, string][]) {
        for (const example of s.help.examples[audience]) {
          const replies = await h.say(person, example, locale === 'ja' ? 'ja-JP' : 'en-US');
          const text = allText(replies);
          expect([example, text.includes("Sorry, I didn't understand that") || text.includes('うまく理解できませんでした')]).toEqual([example, false]);
          await h.say(person, locale === 'ja' ? 'やめる' : 'stop', locale === 'ja' ? 'ja-JP' : 'en-US');
        }
      }
    }
  });
});
