import { createBotHarness, pinnedScores, type BotHarness, type Reply } from '../support/bot-harness';

/**
 * Issue 18: the "Which did you mean?" card answers once. After a click, a second click on the same card
 * (the other meaning, or the same one again) is refused politely and what the first click started goes
 * on; and the card is offered only when no form is open: mid-form, an unsure message is answered and the
 * form shown again. Teams (Action.Submit, as the card sends it), English and Japanese. The scores of the
 * unsure phrases are pinned (the kind the trained model gave similar phrases on 2026-12-03).
 */
const card = (replies: Reply[]) => replies.at(-1)!;
const allText = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' ');
/** The data of the button for this intent on a clarify card (what the click sends). */
function choice(reply: Reply, intent: string): Record<string, unknown> {
  const actions = (reply.card as { actions: { data?: Record<string, unknown> }[] }).actions;
  const data = actions.map((a) => a.data).find((d) => d?.verb === 'choose_intent' && d.intent === intent);
  if (!data) throw new Error(`no button for ${intent}`);
  return data;
}

const PINNED = pinnedScores({
  'a partner request for Azure': [
    { intent: 'request_status', score: 0.52 },
    { intent: 'add_partner', score: 0.46 },
  ],
  'Azureのパートナー申請': [
    { intent: 'request_status', score: 0.4 },
    { intent: 'add_partner', score: 0.39 },
  ],
  // Mid-form, a question the classifier is unsure about (a rules question, or a request to add a partner).
  'which of these two can do Dynamics 365?': [
    { intent: 'policy_question', score: 0.5 },
    { intent: 'add_partner', score: 0.45 },
  ],
  'この中でDynamics 365を扱えるのはどちらですか？': [
    { intent: 'policy_question', score: 0.48 },
    { intent: 'add_partner', score: 0.47 },
  ],
});

describe('issue 18: the clarify card answers once (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness({ classifier: PINNED });
  });
  afterEach(() => h.destroy());

  it('English: the first click starts the form; a second, different click is refused politely and the form is shown again', async () => {
    const asked = card(await h.say('taro-ito', 'a partner request for Azure', 'en-US'));
    expect(asked.cardText).toContain('Which did you mean?');
    const addPartner = choice(asked, 'add_partner');
    expect(addPartner.question).toMatch(/^[0-9a-f]{12}$/);
    const form = card(await h.submit('taro-ito', addPartner, 'en-US'));
    expect(form.cardText).toContain('Choose a partner');

    const second = await h.submit('taro-ito', choice(asked, 'request_status'), 'en-US');
    expect(second[0]!.text).toBe('You already answered that question ("Add a partner"), so I left things as they are. If you meant something else, tell me in a few words.');
    expect(allText(second)).not.toContain('no requests yet');
    // The form the first click started is still open, and shown again.
    expect(card(second).cardText).toContain('Choose a partner');
    // The same button twice (a double click) does not start the form a second time either.
    const again = await h.submit('taro-ito', addPartner, 'en-US');
    expect(again[0]!.text).toContain('You already answered that question');
  });

  it('Japanese: the requests shown for the first click; the other button afterwards is refused in Japanese, nothing else starts', async () => {
    const asked = card(await h.say('taro-ito', 'Azureのパートナー申請', 'ja-JP'));
    expect(asked.cardText).toContain('どちらのご用件ですか？');
    const shown = await h.submit('taro-ito', choice(asked, 'request_status'), 'ja-JP');
    expect(allText(shown)).toContain('まだ申請はありません');
    const second = await h.submit('taro-ito', choice(asked, 'add_partner'), 'ja-JP');
    expect(second).toHaveLength(1);
    expect(second[0]!.text).toBe('この質問にはすでに「申請の状況を見る」とお答えいただいているため、そのままにしています。別のご用件でしたら、短く入力してください。');
  });

  it('a newer question does not make an older card answer it: the older card starts its intent afresh', async () => {
    const first = card(await h.say('taro-ito', 'a partner request for Azure', 'en-US'));
    await h.say('taro-ito', 'Azureのパートナー申請', 'ja-JP');
    const form = card(await h.submit('taro-ito', choice(first, 'add_partner'), 'en-US'));
    // Nothing of the newer question's words: the workload is asked.
    expect(form.cardText).toContain('workload');
  });

  it('mid-form, an unsure question gets no "Which did you mean?": it is answered and the form is shown again (English and Japanese)', async () => {
    await h.say('taro-ito', 'add a second partner for Azure', 'en-US');
    const en = await h.say('taro-ito', 'which of these two can do Dynamics 365?', 'en-US');
    expect(allText(en)).not.toContain('Which did you mean?');
    expect(en[0]!.text).toBe('None of the choices here offers Dynamics 365.');
    expect(card(en).cardText).toContain('Choose a partner');
    await h.say('mei-kobayashi', 'ディストリビューターと連携したい', 'ja-JP');
    const ja = await h.say('mei-kobayashi', 'この中でDynamics 365を扱えるのはどちらですか？', 'ja-JP');
    expect(allText(ja)).not.toContain('どちらのご用件ですか？');
    expect(ja[0]!.text).toMatch(/^この中で Dynamics 365 を扱っているのは/);
    expect(card(ja).cardText).toContain('providerId');
  });
});

/**
 * Issue 18, "Mid-form": the clarify card is offered only when no form is open. An unsure message that is
 * a question about the rules (read as add a partner, or as a rules question, scores close) is answered
 * from the rules while the form is open, and the form is shown again: no "Which did you mean?", no offer
 * to switch. Outside a form the same words get the clarify card (so the pins do make the bot unsure).
 */
const UNSURE = pinnedScores({
  'can we have two partners for Azure?': [
    { intent: 'add_partner', score: 0.5 },
    { intent: 'policy_question', score: 0.44 },
  ],
  'Azureでパートナーを2社にできますか？': [
    { intent: 'add_partner', score: 0.49 },
    { intent: 'policy_question', score: 0.45 },
  ],
});

describe('issue 18: mid-form, an unsure question is answered, never a clarify card (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness({ classifier: UNSURE });
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'in English', 'add a second partner for Azure', 'can we have two partners for Azure?', 'Which did you mean?', 'A customer may have several partners, even for the same workload, but not the same partner twice for one workload.', 'Choose a partner', /Switch to/],
    ['ja-JP', '日本語で', 'Azureのパートナーを追加したい', 'Azureでパートナーを2社にできますか？', 'どちらのご用件ですか？', '顧客は複数のパートナーと連携できます。同じワークロードでも複数社に依頼できますが、同じパートナーに同じワークロードを二重に依頼することはできません。', 'パートナーを選んでください', /切り替えますか/],
  ])('%s: outside a form the words are asked about; mid-form they are answered from the rules and the form is shown again', async (locale, choose, open, question, clarifyTitle, answer, formText, switchOffer) => {
    await h.say('taro-ito', choose, locale);
    // No form open: the bot is unsure, and asks.
    expect(card(await h.say('taro-ito', question, locale)).cardText).toContain(clarifyTitle);
    await h.say('taro-ito', 'start over', locale);
    const form = card(await h.say('taro-ito', open, locale));
    expect(form.cardText).toContain(formText);
    const replies = await h.say('taro-ito', question, locale);
    expect(allText(replies)).not.toContain(clarifyTitle);
    expect(allText(replies)).not.toMatch(switchOffer);
    expect(replies[0]!.text).toBe(answer);
    expect(card(replies).cardText).toContain(formText);
    // The question filled in nothing: the form still asks for the partner, and nothing was filed.
    expect(card(replies).cardText).toBe(form.cardText);
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
  });
});
