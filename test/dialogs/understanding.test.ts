import { buttonData, createBotHarness, pinnedScores, type BotHarness, type Reply } from '../support/bot-harness';

/**
 * Issue 18, "Understanding", in Teams (the whole bot on botbuilder's TestAdapter, embedded store, sample
 * directory), English and Japanese: the person's role decides what a request can mean, the bot asks
 * with two buttons when it is unsure, and questions, confirmations and language changes mid-form.
 *
 * Where a transcript needs the classifier to read a message a particular way (unsure between two
 * intents, or a reseller's message as add_partner), the harness pins those scores with `pinnedScores`
 * (the scores are the kind the trained model gave similar phrases on 2026-12-03); every other message
 * goes through the trained model.
 */
const card = (replies: Reply[]) => replies.at(-1)!;
const allText = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' ');
const choicesOn = (reply: Reply) => JSON.stringify(reply.card).match(/"intent":"([a-z_]+)"/g)?.map((m) => m.slice(10, -1)) ?? [];

const PINNED = pinnedScores({
  // A reseller's question that the classifier takes for a request to add a partner.
  "quick q - can we resell M365 to another CSP partner's tenant? one of our customers is actually a CSP themselves": [
    { intent: 'add_partner', score: 0.99 },
    { intent: 'policy_question', score: 0.01 },
  ],
  // The issue's 「…再販してもいいんでしたっけ？」 is read as a question now (its question cue; test/dialogs/issue-18-examples.test.ts);
  // without a cue the classifier's misreading still reaches the role rule.
  '他のCSPパートナーのテナントにM365を再販する件': [
    { intent: 'multichannel_support', score: 0.9 },
    { intent: 'policy_question', score: 0.1 },
  ],
  // Unsure between two meanings a customer can both have.
  'a partner request for Azure': [
    { intent: 'request_status', score: 0.52 },
    { intent: 'add_partner', score: 0.46 },
    { intent: 'cancel_request', score: 0.02 },
  ],
  'Azureのパートナー申請': [
    { intent: 'request_status', score: 0.4 },
    { intent: 'add_partner', score: 0.39 },
    { intent: 'change_request', score: 0.17 },
  ],
  // Mid-form, a message naming a distributor that the classifier takes for a plea for help.
  'what about Tailspin Distribution KK? can you help us link with them instead': [{ intent: 'help', score: 0.9 }],
  // Unsure, but the second meaning is a greeting: nothing to offer, so no buttons.
  'hello partner': [
    { intent: 'add_partner', score: 0.55 },
    { intent: 'greeting', score: 0.45 },
  ],
});

describe('issue 18: the role decides what a request can mean (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness({ classifier: PINNED });
  });
  afterEach(() => h.destroy());

  it('a reseller asking to "add" a distributor as a partner gets the distributor link, never "filed by the customer" (English)', async () => {
    const replies = await h.say('mei-kobayashi', "we'd like to add Contoso Distribution Japan as our partner", 'en-US');
    expect(allText(replies)).not.toMatch(/filed by|customer/i);
    expect(card(replies).cardText).toContain('Please check your request');
    expect(card(replies).cardText).toContain('Link with a distributor');
    expect(card(replies).cardText).toContain('Contoso Distribution Japan');
    const done = (await h.execute('mei-kobayashi', buttonData(card(replies).card, 'confirm')!, 'en-US')).answer!;
    expect(done.cardText).toMatch(/PL-[0-9A-Z]{8}/);
    const [filed] = await h.store.requests.listByRequester('mei-kobayashi');
    expect(filed!.subject).toMatchObject({ kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' });
  });

  it('the same in Japanese: 「…をパートナーとして追加したい」 from a reseller is a distributor link', async () => {
    const replies = await h.say('mei-kobayashi', 'コントソ・ディストリビューション・ジャパンをパートナーとして追加したい', 'ja-JP');
    expect(allText(replies)).not.toContain('顧客が行うもの');
    expect(card(replies).cardText).toContain('申請内容のご確認');
    expect(card(replies).cardText).toContain('コントソ・ディストリビューション・ジャパン');
  });

  it("a reseller's question about reselling to another CSP partner's tenant is answered from the rules, not refused and not filed", async () => {
    // The example: it used to be read as add_partner; as a question about how things work it is a rules question.
    const text = "quick q - can we resell M365 to another CSP partner's tenant? one of our customers is actually a CSP themselves";
    const answer = await h.say('mei-kobayashi', text, 'en-US');
    expect(allText(answer)).toContain('A CSP partner cannot resell online services to another CSP partner');
    expect(allText(answer)).not.toMatch(/filed by/);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
  });

  it('Japanese: the reseller picks the distributor link instead, and gets the distributor form in Japanese', async () => {
    const asked = card(await h.say('mei-kobayashi', '他のCSPパートナーのテナントにM365を再販する件', 'ja-JP'));
    expect(asked.cardText).toContain('どちらのご用件ですか？');
    expect(asked.cardText).toContain('マルチチャンネル サポートはお客様 (顧客) が申請するものです');
    expect(choicesOn(asked)).toEqual(['link_distributor', 'policy_question']);
    const form = card(await h.submit('mei-kobayashi', { verb: 'choose_intent', intent: 'link_distributor' }, 'ja-JP'));
    expect(form.cardText).toContain('ディストリビューターとの連携');
    expect(form.cardText).toContain('providerId');
  });

  it('a customer asking to link with a distributor is offered the nearest customer requests (English), and the pick starts it', async () => {
    const asked = card(await h.say('taro-ito', 'link me with a distributor', 'en-US'));
    expect(asked.cardText).toContain('Links with a distributor are asked for by indirect resellers');
    expect(choicesOn(asked)).toEqual(['add_partner', 'multichannel_support']);
    const form = card(await h.submit('taro-ito', { verb: 'choose_intent', intent: 'add_partner' }, 'en-US'));
    expect(form.cardText).toContain('Add a partner');
    expect(form.cardText).toContain('workload');
  });

  it('Japanese: 「ディストリビューターと連携したい」 from a customer; multi-channel picked', async () => {
    const asked = card(await h.say('taro-ito', 'ディストリビューターと連携したい', 'ja-JP'));
    expect(asked.cardText).toContain('ディストリビューターとの連携は間接リセラーが申請するものです');
    const form = card(await h.submit('taro-ito', { verb: 'choose_intent', intent: 'multichannel_support' }, 'ja-JP'));
    expect(form.cardText).toContain('subscriptionId');
  });

  it('a customer naming a subscription bought elsewhere is taken straight to multi-channel support', async () => {
    const form = card(await h.say('taro-ito', 'we want to link our EA subscription with a distributor', 'en-US'));
    expect(form.cardText).not.toContain('Which did you mean?');
    expect(form.cardText).toContain('Support for a subscription bought elsewhere');
    expect(form.cardText).toContain('Microsoft 365 E3 (EA)');
  });

  it('a distributor or direct-bill partner is still told who files what (they can file nothing)', async () => {
    const replies = await h.say('daniel-park', 'I want to add a partner for Azure');
    expect(card(replies).cardText).toContain('Ask your customer');
  });
});

describe('issue 18: when unsure, ask (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness({ classifier: PINNED });
  });
  afterEach(() => h.destroy());

  it('two close meanings are offered as buttons; the pick carries on with the words typed (Azure is already filled in)', async () => {
    const asked = card(await h.say('taro-ito', 'a partner request for Azure', 'en-US'));
    expect(asked.cardText).toContain('Which did you mean?');
    expect(asked.cardText).toContain('“a partner request for Azure”');
    expect(asked.cardText).toContain('See my requests');
    expect(asked.cardText).toContain('Add a partner');
    expect(JSON.stringify(asked.card)).toContain('"type":"Action.Submit"');
    const form = card(await h.submit('taro-ito', { verb: 'choose_intent', intent: 'add_partner' }, 'en-US'));
    // The workload came from the original message: the form asks only for the partner.
    expect(form.cardText).toContain('Microsoft Azure');
    expect(form.cardText).toContain('Choose a partner');
  });

  it('Japanese: the other meaning picked shows the requests', async () => {
    const asked = card(await h.say('taro-ito', 'Azureのパートナー申請', 'ja-JP'));
    expect(asked.cardText).toContain('どちらのご用件ですか？');
    expect(asked.cardText).toContain('申請の状況を見る');
    expect(asked.cardText).toContain('パートナーを追加する');
    const shown = await h.submit('taro-ito', { verb: 'choose_intent', intent: 'request_status' }, 'ja-JP');
    expect(allText(shown)).toContain('まだ申請はありません');
  });

  it('the words asked about are kept in the store: the click works after the bot restarts (no state in memory)', async () => {
    await h.say('taro-ito', 'a partner request for Azure', 'en-US');
    await h.close();
    const again = await createBotHarness({ dataDir: h.dataDir, classifier: PINNED });
    try {
      const form = card(await again.submit('taro-ito', { verb: 'choose_intent', intent: 'add_partner' }, 'en-US'));
      expect(form.cardText).toContain('Workload Microsoft Azure');
      expect(form.cardText).toContain('Choose a partner');
    } finally {
      await again.destroy();
    }
  });

  it('a message typed instead of clicking answers no earlier question; a later click starts that intent afresh', async () => {
    await h.say('taro-ito', 'a partner request for Azure', 'en-US');
    await h.say('taro-ito', 'hi', 'en-US');
    const form = card(await h.submit('taro-ito', { verb: 'choose_intent', intent: 'add_partner' }, 'en-US'));
    // Nothing of the earlier words is carried over: the workload is asked.
    expect(form.cardText).toContain('workload');
    expect(form.cardText).not.toContain('Choose a partner');
  });

  it('no buttons when the other meaning is only a greeting, nor for a confident message, nor for out-of-scope text', async () => {
    const outOfScope = await h.say('taro-ito', 'find a flight to London', 'en-US');
    expect(allText(outOfScope)).toContain("Sorry, I didn't understand that");
    expect(allText(outOfScope)).not.toContain('Which did you mean?');
    const greeting = card(await h.say('taro-ito', 'hello partner', 'en-US'));
    expect(greeting.cardText).not.toContain('Which did you mean?');
    expect(greeting.cardText).toContain('Add a partner');
    const clear = card(await h.say('yuki-suzuki', 'add a second partner for Azure'));
    expect(clear.cardText).not.toContain('Which did you mean?');
  });

  it('the thresholds are configuration: with NLU_ASK_BELOW=0 and NLU_ASK_MARGIN=0 the best intent is taken as it is', async () => {
    const never = await createBotHarness({ classifier: PINNED, ask: { NLU_ASK_BELOW: 0, NLU_ASK_MARGIN: 0 } });
    try {
      const shown = await never.say('taro-ito', 'a partner request for Azure', 'en-US');
      expect(allText(shown)).not.toContain('Which did you mean?');
      expect(allText(shown)).toContain('no requests yet');
    } finally {
      await never.destroy();
    }
  });

  it('mid-form, a message naming a choice answers the form even when it reads as a plea for help; plain help still shows help', async () => {
    await h.say('mei-kobayashi', 'I need a distributor', 'en-US');
    const picked = await h.say('mei-kobayashi', 'what about Tailspin Distribution KK? can you help us link with them instead', 'en-US');
    expect(card(picked).cardText).toContain('Please check your request');
    expect(allText(picked)).not.toContain('What I can do');
    const help = await h.say('mei-kobayashi', 'help', 'en-US');
    expect(help[0]!.cardText).toContain('What I can do');
  });

  it('in a channel only the person asked may answer: another person\'s click is refused in their language, the owner\'s carries on', async () => {
    const channel = { id: '19:general@thread.tacv2', conversationType: 'channel' as const };
    const asked = card(await h.sayIn('taro-ito', channel, 'a partner request for Azure', 'en-US'));
    expect(JSON.stringify(asked.card)).toContain('"owner":"taro-ito"');
    const other = await h.executeIn('mei-kobayashi', channel, { verb: 'choose_intent', intent: 'add_partner', owner: 'taro-ito' }, 'ja-JP');
    expect(`${other.answer?.cardText ?? ''} ${allText(other.replies)}`).toContain('この質問はメッセージを書いた方へのものなので');
    const own = await h.executeIn('taro-ito', channel, { verb: 'choose_intent', intent: 'add_partner', owner: 'taro-ito' }, 'en-US');
    expect(`${own.answer?.cardText ?? ''} ${allText(own.replies)}`).toContain('Workload Microsoft Azure');
  });

  it('a forged choice (not one of the offered intents) is refused at the edge', async () => {
    // Taro has written nothing yet: the directory's language (Japanese) answers.
    const replies = await h.submit('taro-ito', { verb: 'choose_intent', intent: 'greeting' }, 'en-US');
    expect(allText(replies)).toContain('このボタンの内容は受け付けられない');
  });
});

describe('issue 18: mid-form (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('"which of these two can do Dynamics 365?" is answered from the choices and the form is shown again; nothing is filled in', async () => {
    await h.say('taro-ito', 'add a second partner for Azure', 'en-US');
    const replies = await h.say('taro-ito', 'which of these two can do Dynamics 365?', 'en-US');
    expect(replies[0]!.text).toBe('None of the choices here offers Dynamics 365.');
    expect(card(replies).cardText).toContain('Choose a partner');
    expect(card(replies).cardText).toContain('Sakura Cloud Solutions');
    expect(card(replies).cardText).toContain('Workload Microsoft Azure');
  });

  it('which distributors offer a workload, in English and in Japanese; the form again each time', async () => {
    const form = card(await h.say('mei-kobayashi', 'I want to link with a distributor', 'en-US'));
    expect(form.cardText).toContain('Link with a distributor');
    const en = await h.say('mei-kobayashi', 'which of them can do Dynamics 365?', 'en-US');
    expect(en[0]!.text).toMatch(/^Of the choices here, Contoso Distribution Japan offers Dynamics 365; .+ not\.$/);
    expect(card(en).cardText).toContain('providerId');
    const ja = await h.say('mei-kobayashi', 'この中でDynamics 365を扱えるのはどちらですか？', 'ja-JP');
    expect(ja[0]!.text).toMatch(/^この中で Dynamics 365 を扱っているのは、コントソ・ディストリビューション・ジャパンです。.+は扱っていません。$/);
    expect(card(ja).cardText).toContain('providerId');
  });

  it('a question about the rules mid-form is answered, and the form goes on', async () => {
    await h.say('yuki-suzuki', 'add a second partner for Azure');
    const replies = await h.say('yuki-suzuki', "can we resell Microsoft 365 to another CSP partner's tenant?");
    expect(allText(replies)).toContain('A CSP partner cannot resell online services to another CSP partner');
    expect(card(replies).cardText).toContain('Choose a partner');
  });

  it('a question that names another choice picks it ("what about Tailspin Distribution KK? can we link with them instead"; Japanese read as a rules question)', async () => {
    await h.say('mei-kobayashi', 'I need a distributor', 'en-US');
    const en = card(await h.say('mei-kobayashi', 'what about Tailspin Distribution KK? can we link with them instead', 'en-US'));
    expect(en.cardText).toContain('Please check your request');
    expect(en.cardText).toContain('Distributor Tailspin Distribution KK');
    await h.say('mei-kobayashi', 'やめる', 'ja-JP');
    await h.say('mei-kobayashi', 'ディストリビューターと連携したい', 'ja-JP');
    const ja = card(await h.say('mei-kobayashi', 'テイルスピン・ディストリビューションはどうですか？そちらと連携できますか', 'ja-JP'));
    expect(ja.cardText).toContain('申請内容のご確認');
    expect(ja.cardText).toContain('テイルスピン・ディストリビューション');
  });

  it('natural confirmations: "yes please send it" files the request (English)', async () => {
    await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US');
    const replies = await h.say('mei-kobayashi', 'yes please send it', 'en-US');
    expect(card(replies).cardText).toMatch(/PL-[0-9A-Z]{8}/);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(1);
  });

  it('natural confirmations: 「はい、それで送ってください」 files the request (Japanese); 「いいえ、送らないでください」 does not', async () => {
    await h.say('mei-kobayashi', 'コントソ・ディストリビューション・ジャパンと連携したい', 'ja-JP');
    const no = await h.say('mei-kobayashi', 'いいえ、送らないでください', 'ja-JP');
    expect(allText(no)).not.toMatch(/PL-[0-9A-Z]{8}/);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
    await h.say('mei-kobayashi', 'コントソ・ディストリビューション・ジャパンと連携したい', 'ja-JP');
    const yes = await h.say('mei-kobayashi', 'はい、それで送ってください', 'ja-JP');
    expect(card(yes).cardText).toMatch(/PL-[0-9A-Z]{8}/);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(1);
  });

  it('"in English please" pins English as 「日本語で」 pins Japanese; the form is shown again in that language', async () => {
    await h.say('mei-kobayashi', 'ディストリビューターと連携したい', 'ja-JP');
    const en = await h.say('mei-kobayashi', 'in English please', 'ja-JP');
    expect(en[0]!.text).toBe('OK, I will answer in English from now on.');
    expect(card(en).cardText).toContain('Link with a distributor');
    const help = await h.say('mei-kobayashi', 'ヘルプ', 'ja-JP');
    expect(help[0]!.cardText).not.toMatch(/[\u3040-\u30ff]/); // stays English: an explicit choice wins
    const ja = await h.say('mei-kobayashi', '日本語でお願いします', 'ja-JP');
    expect(ja[0]!.text).toBe('以降は日本語で対応します。');
  });

  it('after help during an edit ("Change" on the confirmation), the form is asked again (English and Japanese)', async () => {
    const confirmation = card(await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US'));
    const edit = await h.execute('mei-kobayashi', buttonData(confirmation.card, 'edit')!, 'en-US');
    expect(edit.answer!.cardText).toContain('providerId');
    const help = await h.say('mei-kobayashi', 'help', 'en-US');
    expect(help[0]!.cardText).toContain('What I can do');
    expect(help).toHaveLength(2);
    expect(help[1]!.cardText).toContain('providerId');
    expect(help[1]!.cardText).not.toContain('Please check your request');
    const ja = await h.say('mei-kobayashi', 'ヘルプ', 'ja-JP');
    expect(ja).toHaveLength(2);
    expect(ja[1]!.cardText).toContain('providerId');
    expect(ja[1]!.cardText).toContain('ディストリビューター');
  });
});
