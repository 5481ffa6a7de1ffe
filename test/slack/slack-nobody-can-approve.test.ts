import { strings } from '../support/bot-harness';
import { createSlackHarness, type PostedMessage, type SlackHarness } from './support/slack-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;
const textOf = (m: PostedMessage | undefined) => (m ? `${m.text} ${strings(m.blocks)}` : '');

/**
 * Issue 15, nobody can approve, on Slack through signed HTTP requests and the Web API fake: Trey
 * Research Direct's admin has never written to the bot, so Yuki's request waits for Trey to join; she
 * is told so and what to do, the form marks Trey, and when Daniel Park first writes to the bot the
 * approval card goes to his DM.
 */
describe('Slack: a request waits for the partner to join Partner Link', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['English', 'en-US', 'I want to add a partner for Azure', 'Trey Research Direct', 'nobody on Partner Link yet', 'Waiting for Trey Research Direct to join Partner Link', 'Ask them to open Partner Link in Teams or Slack'],
    ['Japanese', 'ja-JP', 'Azure のパートナーを追加したい', 'トレイ・リサーチ・ダイレクト', 'Partner Link 未参加', 'トレイ・リサーチ・ダイレクトの Partner Link への参加を待っています', 'Teams または Slack で Partner Link を開くよう依頼してください'],
  ])('%s', async (_lang, locale, ask, trey, mark, waiting, whatToDo) => {
    h.api.locales.set('U06YUKISZ', locale);
    await h.dm('yuki', ask);
    const form = h.shown('D06YUKISZ').at(-1);
    expect(textOf(form)).toContain(`${trey} (PartnerID`);
    expect(textOf(form)).toContain(mark);

    await h.click('yuki', form!, 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('yuki', h.shown('D06YUKISZ').at(-1)!, 'confirm');
    const submitted = textOf(h.shown('D06YUKISZ').at(-1));
    const requestId = REQUEST_ID.exec(submitted)![0];
    expect(submitted).toContain(waiting);
    expect(submitted).toContain(whatToDo);
    expect(h.posted('D05DANPARK')).toHaveLength(0);

    // Daniel writes to the bot for the first time: the welcome, and the card that waited for Trey.
    await h.dm('daniel', 'hello');
    const toDaniel = h.posted('D05DANPARK').map(textOf);
    expect(toDaniel.filter((t) => t.includes(requestId))).toHaveLength(1);
    await h.dm('daniel', 'help');
    expect(h.posted('D05DANPARK').map(textOf).filter((t) => t.includes(requestId))).toHaveLength(1);
  });
});
