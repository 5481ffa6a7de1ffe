import { createNlpjsClassifier } from '../../adapters/nlpjs';
import { MessageRecognizer } from '../../dialogs/recognition';
import { pinnedScores } from '../support/bot-harness';
import { sampleLookup } from '../support/sample-directory';
import { textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack: the "Which did you mean?" card answers once; a second click on it is refused
 * politely in the person's language, and what the first click started goes on. The two unsure phrases
 * have their scores pinned (as in slack-understanding.flow.test.ts); the rest is the trained model.
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
});
