import { createNlpjsClassifier } from '../../adapters/nlpjs';
import { MessageRecognizer } from '../../dialogs/recognition';
import { pinnedScores } from '../support/bot-harness';
import { sampleLookup } from '../support/sample-directory';
import { textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18, "Understanding", in Slack: signed HTTP requests to the real express app, the fake Web API,
 * Block Kit rendered from the cards, in English and Japanese. A reseller's words read as the request
 * a reseller can make; a customer asking for a distributor link is asked (two buttons) and the click
 * carries on; an unsure message is asked about; questions, confirmations and a language change mid-form.
 * Two phrases have their classifier scores pinned (see pinnedScores); everything else is the trained model.
 */
const last = (h: SlackHarness, channel: string) => h.posted(channel).at(-1)!;
const recent = (h: SlackHarness, channel: string, n: number) => h.posted(channel).slice(-n).map(textOf).join(' ');

async function recognizer() {
  const sample = sampleLookup();
  const organizations = sample.data.organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
  const pin = pinnedScores({
    'a partner request for Azure': [
      { intent: 'request_status', score: 0.52 },
      { intent: 'add_partner', score: 0.46 },
    ],
    'Azureのパートナー申請': [
      { intent: 'request_status', score: 0.4 },
      { intent: 'add_partner', score: 0.39 },
    ],
    // A reseller's question the classifier takes for a request to add a partner (or for multi-channel).
    "can we resell M365 to another CSP partner's tenant?": [{ intent: 'add_partner', score: 0.99 }],
    // The issue's 「…再販してもいいんでしたっけ？」 is read as a question now (its question cue; test/dialogs/issue-18-examples.test.ts);
    // without a cue the classifier's misreading still reaches the role rule.
    '他のCSPパートナーのテナントにM365を再販する件': [{ intent: 'multichannel_support', score: 0.9 }],
  });
  return new MessageRecognizer(pin(await createNlpjsClassifier()), { organizations });
}

describe('Slack: issue 18, understanding', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness({ recognizer: await recognizer() });
    h.api.locales.set('U06YUKISZ', 'ja-JP');
    h.api.locales.set('U01KENSATO', 'ja-JP');
  });
  afterEach(() => h.destroy());

  it('a reseller asking to add a distributor as a partner gets the distributor link (English and Japanese), never "filed by the customer"', async () => {
    await h.dm('ken', "we'd like to add Tailspin Distribution KK as our partner");
    const en = textOf(last(h, 'D01KENSATO'));
    expect(en).toContain('Please check your request');
    expect(en).toContain('Link with a distributor');
    expect(en).toContain('Tailspin Distribution KK');
    expect(recent(h, 'D01KENSATO', 2)).not.toMatch(/filed by/);
    await h.dm('ken', 'やめる');
    await h.dm('ken', 'テイルスピン・ディストリビューションをパートナーとして追加したい');
    const ja = textOf(last(h, 'D01KENSATO'));
    expect(ja).toContain('申請内容のご確認');
    expect(ja).toContain('テイルスピン・ディストリビューション');
    expect(ja).not.toContain('顧客が行うもの');
  });

  it('a reseller message read as a customer request with no distributor in it: asked, never refused; the rules question answered (English, Japanese)', async () => {
    await h.dm('ken', "can we resell M365 to another CSP partner's tenant?");
    const asked = last(h, 'D01KENSATO');
    expect(textOf(asked)).toContain('A second partner is asked for by the customer');
    expect(textOf(asked)).not.toMatch(/filed by/);
    await h.click('ken', asked, 'choose_intent:policy_question');
    expect(recent(h, 'D01KENSATO', 2)).toContain('A CSP partner cannot resell online services to another CSP partner');
    await h.dm('ken', '他のCSPパートナーのテナントにM365を再販する件');
    const askedJa = last(h, 'D01KENSATO');
    expect(textOf(askedJa)).toContain('マルチチャンネル サポートはお客様 (顧客) が申請するものです');
    await h.click('ken', askedJa, 'choose_intent:link_distributor');
    expect(recent(h, 'D01KENSATO', 2)).toContain('ディストリビューターとの連携');
    expect(await h.store.requests.listByRequester('ken-sato')).toEqual([]);
  });

  it('a customer asking for a distributor link gets two Block Kit buttons; the click starts the pick (Japanese, then English)', async () => {
    await h.dm('yuki', 'ディストリビューターと連携したい');
    const asked = last(h, 'D06YUKISZ');
    expect(textOf(asked)).toContain('ディストリビューターとの連携は間接リセラーが申請するものです');
    expect(textOf(asked)).toContain('パートナーを追加する');
    expect(textOf(asked)).toContain('マルチチャンネル サポートを依頼する');
    await h.click('yuki', asked, 'choose_intent:add_partner');
    expect(recent(h, 'D06YUKISZ', 2)).toContain('パートナーの追加');

    await h.dm('olivia', 'link me with a distributor');
    const askedEn = last(h, 'D07OLIVIAB');
    expect(textOf(askedEn)).toContain('Links with a distributor are asked for by indirect resellers');
    await h.click('olivia', askedEn, 'choose_intent:add_partner');
    expect(recent(h, 'D07OLIVIAB', 2)).toContain('Add a partner');
  });

  it('when unsure, two buttons; the pick carries on with the words typed (English: Azure filled in; Japanese: the requests)', async () => {
    await h.dm('olivia', 'a partner request for Azure');
    const asked = last(h, 'D07OLIVIAB');
    expect(textOf(asked)).toContain('Which did you mean?');
    expect(textOf(asked)).toContain('See my requests');
    await h.click('olivia', asked, 'choose_intent:add_partner');
    const form = recent(h, 'D07OLIVIAB', 2);
    // The workload came from the original message: only the partner is asked.
    expect(form).toContain('*Workload*\nMicrosoft Azure');
    expect(form).toContain('Woodgrove Partners');

    await h.dm('yuki', 'Azureのパートナー申請');
    const askedJa = last(h, 'D06YUKISZ');
    expect(textOf(askedJa)).toContain('どちらのご用件ですか？');
    await h.click('yuki', askedJa, 'choose_intent:request_status');
    expect(recent(h, 'D06YUKISZ', 2)).toContain('まだ申請はありません');
  });

  it('mid-form: a question about the choices is answered and the form shown again (English and Japanese)', async () => {
    await h.dm('ken', 'link me with a distributor please');
    await h.dm('ken', 'which of them can do Dynamics 365?');
    const [answer, form] = h.posted('D01KENSATO').slice(-2);
    // Sakura is linked with Contoso already: Tailspin and Wingtip are offered, and neither sells Dynamics 365.
    expect(answer!.text).toBe('None of the choices here offers Dynamics 365.');
    expect(textOf(form!)).toContain('Link with a distributor');
    await h.dm('yuki', 'Azureのパートナーを追加したい');
    await h.dm('yuki', 'この中でDynamics 365を扱えるのはどちらですか？');
    const [answerJa, formJa] = h.posted('D06YUKISZ').slice(-2);
    expect(answerJa!.text).toBe('この中に Dynamics 365 を扱っているところはありません。');
    expect(textOf(formJa!)).toContain('パートナーの追加');
  });

  it('natural confirmations: "no, don\'t send it" drops it; 「はい、それで送ってください」 and "yes please send it" file the request', async () => {
    await h.dm('ken', 'link us with Tailspin Distribution KK');
    expect(textOf(last(h, 'D01KENSATO'))).toContain('Please check your request');
    await h.dm('ken', "no, don't send it");
    expect(await h.store.requests.listByRequester('ken-sato')).toEqual([]);
    await h.dm('ken', 'テイルスピン・ディストリビューションと連携したい');
    expect(textOf(last(h, 'D01KENSATO'))).toContain('申請内容のご確認');
    await h.dm('ken', 'はい、それで送ってください');
    expect(textOf(last(h, 'D01KENSATO'))).toMatch(/PL-[0-9A-Z]{8}/);
    expect(await h.store.requests.listByRequester('ken-sato')).toHaveLength(1);

    await h.dm('yuki', 'add Trey Research Direct as a partner for Azure');
    expect(textOf(last(h, 'D06YUKISZ'))).toContain('Please check your request');
    await h.dm('yuki', 'yes please send it');
    expect(textOf(last(h, 'D06YUKISZ'))).toMatch(/PL-[0-9A-Z]{8}/);
    expect(await h.store.requests.listByRequester('yuki-suzuki')).toHaveLength(1);
  });

  it('"in English please" mid-form pins English; after help during an edit the form is asked again', async () => {
    await h.dm('yuki', 'パートナーを追加したい');
    await h.dm('yuki', 'in English please');
    const [said, form] = h.posted('D06YUKISZ').slice(-2);
    expect(textOf(said!)).toContain('OK, I will answer in English from now on.');
    expect(textOf(form!)).toContain('Add a partner');

    await h.dm('ken', 'link us with Tailspin Distribution KK');
    const confirmation = last(h, 'D01KENSATO');
    await h.click('ken', confirmation, 'edit');
    await h.dm('ken', 'help');
    const shown = h.shown('D01KENSATO');
    const [help, again] = shown.slice(-2);
    expect(textOf(help!)).toContain('What I can do');
    expect(textOf(again!)).toContain('Link with a distributor');
    expect(textOf(again!)).not.toContain('Please check your request');
  });
});
