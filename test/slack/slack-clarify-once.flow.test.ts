import { createNlpjsClassifier } from '../../adapters/nlpjs';
import { MessageRecognizer } from '../../dialogs/recognition';
import { pinnedScores } from '../support/bot-harness';
import { sampleLookup } from '../support/sample-directory';
import { textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack: the "Which did you mean?" card answers once; a second click on it is refused
 * politely in the person's language, and what the first click started goes on. It is offered only when
 * no form is open: mid-form, an unsure question is answered and the form shown again. The unsure
 * phrases have their scores pinned (as in slack-understanding.flow.test.ts); the rest is the trained model.
 * The Teams transcripts are test/dialogs/clarify-once.test.ts.
 */

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
    // Mid-form: a rules question the classifier is unsure about (add a partner, or a question).
    'can we have two partners for Azure?': [
      { intent: 'add_partner', score: 0.5 },
      { intent: 'policy_question', score: 0.44 },
    ],
    'Azureでパートナーを2社にできますか？': [
      { intent: 'add_partner', score: 0.49 },
      { intent: 'policy_question', score: 0.45 },
    ],
  });
  return new MessageRecognizer(pin(await createNlpjsClassifier()), { organizations });
}

describe('Slack: the clarify card answers once', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness({ recognizer: await recognizer() });
    h.api.locales.set('U06YUKISZ', 'ja-JP');
  });
  afterEach(() => h.destroy());

  it('English: add a partner picked; then "See my requests" on the same card is refused and the form is shown again', async () => {
    await h.dm('yuki', 'a partner request for Azure');
    const asked = h.posted('D06YUKISZ').at(-1)!;
    expect(textOf(asked)).toContain('Which did you mean?');
    await h.click('yuki', asked, 'choose_intent:add_partner');
    const form = textOf(h.posted('D06YUKISZ').at(-1)!);
    expect(form).toContain('Add a partner');
    expect(form).toContain('Trey Research Direct');
    const before = h.posted('D06YUKISZ').length;
    await h.click('yuki', asked, 'choose_intent:request_status');
    const after = h.posted('D06YUKISZ').slice(before).map(textOf);
    expect(after[0]).toContain('You already answered that question ("Add a partner")');
    expect(after.join(' ')).not.toContain('no requests yet');
    expect(after.at(-1)).toContain('Trey Research Direct');
  });

  it('Japanese: the requests shown; the other button afterwards is refused in Japanese', async () => {
    await h.dm('yuki', 'Azureのパートナー申請');
    const asked = h.posted('D06YUKISZ').at(-1)!;
    await h.click('yuki', asked, 'choose_intent:request_status');
    expect(textOf(h.posted('D06YUKISZ').at(-1)!)).toContain('まだ申請はありません');
    const before = h.posted('D06YUKISZ').length;
    await h.click('yuki', asked, 'choose_intent:add_partner');
    const after = h.posted('D06YUKISZ').slice(before).map(textOf);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain('この質問にはすでに「申請の状況を見る」とお答えいただいているため');
  });

  it.each([
    ['en', 'add a second partner for Azure', 'can we have two partners for Azure?', 'Which did you mean?', 'A customer may have several partners, even for the same workload, but not the same partner twice for one workload.', 'Add a partner', /Switch to/],
    ['ja', 'Azureのパートナーを追加したい', 'Azureでパートナーを2社にできますか？', 'どちらのご用件ですか？', '顧客は複数のパートナーと連携できます。同じワークロードでも複数社に依頼できますが、同じパートナーに同じワークロードを二重に依頼することはできません。', 'パートナーの追加', /切り替えますか/],
  ])('%s: mid-form, an unsure question gets no clarify card: it is answered from the rules and the form is posted again', async (_lang, open, question, clarifyTitle, answer, formTitle, switchOffer) => {
    // No form open: the same words are asked about.
    await h.dm('yuki', question);
    expect(textOf(h.posted('D06YUKISZ').at(-1)!)).toContain(clarifyTitle);
    await h.dm('yuki', open);
    const form = h.posted('D06YUKISZ').at(-1)!;
    expect(textOf(form)).toContain(formTitle);
    const before = h.posted('D06YUKISZ').length;
    await h.dm('yuki', question);
    const after = h.posted('D06YUKISZ').slice(before);
    expect(after.map(textOf).join(' ')).not.toContain(clarifyTitle);
    expect(after.map(textOf).join(' ')).not.toMatch(switchOffer);
    expect(after[0]!.text).toBe(answer);
    expect(after).toHaveLength(2);
    // The form again, as it was: the question filled in nothing, and nothing was filed.
    expect(after[1]!.blocks).toEqual(form.blocks);
    expect(await h.store.requests.listByRequester('yuki-suzuki')).toEqual([]);
  });
});
