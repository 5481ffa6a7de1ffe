import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * Issue 18: when the requester also decides the next step (Taro, Yamato's admin, asks for a second
 * partner; Yamato's consent is step 2), step 1's approval brings him one card, the approval card that
 * says who approved step 1, not that plus a near-identical "step approved" notice.
 */
describe('the requester is also the next approver: one card (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'in English', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions', /Step 1 approved by Daniel Park/],
    ['ja-JP', '日本語で', 'Azureのパートナーを追加したい。Microsoft 365はサクラクラウドソリューションズのまま', /Daniel Park/],
  ])('%s: Taro files, Daniel approves step 1; Taro gets exactly one card, with the buttons', async (locale, choose, text, approvedBy) => {
    await h.say('daniel-park', 'hello there', 'en-US', 'teams');
    await h.say('taro-ito', choose, locale, 'teams');
    let reply = (await h.say('taro-ito', text, locale, 'teams')).at(-1)!;
    if (buttonData(reply.card, 'submit_form')) reply = (await h.execute('taro-ito', { ...buttonData(reply.card, 'submit_form')!, partnerId: 'trey-research-direct' }, locale, 'teams')).answer!;
    const done = (await h.execute('taro-ito', buttonData(reply.card, 'confirm')!, locale, 'teams')).answer!;
    const requestId = REQUEST_ID.exec(done.cardText)![0];
    const toDaniel = h.delivered.find((d) => d.to === 'daniel-park' && strings(d.message.card).includes(requestId))!;
    const before = h.delivered.filter((d) => d.to === 'taro-ito').length;
    await h.execute('daniel-park', buttonData(toDaniel.message.card, 'approve')!, 'en-US', 'teams');
    expect((await h.store.requests.get(requestId))?.stage).toBe(1);
    const toTaro = h.delivered.filter((d) => d.to === 'taro-ito').slice(before);
    expect(toTaro).toHaveLength(1);
    expect(buttonData(toTaro[0]!.message.card, 'approve')).toBeDefined();
    expect(strings(toTaro[0]!.message.card)).toMatch(approvedBy);
    expect(strings(toTaro[0]!.message.card)).toContain(requestId);
  });
});
