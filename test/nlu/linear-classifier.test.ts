import { featuresOf, LinearIntentClassifier, loadOrTrainClassifier, readTrainingData, type TrainingData } from '../../adapters/nlpjs';
import { englishWords, stem } from '../../adapters/nlpjs/linear-classifier';
import { clausesOf } from '../../dialogs/recognition/clauses';

// Issue 18: the linear classifier next to the NLP.js network (adapters/nlpjs/linear-classifier.ts, ensemble.ts).

let data: TrainingData;
beforeAll(async () => {
  data = await readTrainingData();
});

describe('the linear classifier', () => {
  it('trains deterministically: the same data gives the same model, and the saved model classifies like the trained one', () => {
    const a = LinearIntentClassifier.train(data.examples);
    const b = LinearIntentClassifier.train(data.examples);
    const json = JSON.stringify(a.toJSON());
    expect(JSON.stringify(b.toJSON())).toBe(json);
    const restored = LinearIntentClassifier.fromJSON(JSON.parse(json));
    for (const e of data.examples.filter((_, i) => i % 40 === 0)) expect(restored.classify(e.locale, e.text)).toEqual(a.classify(e.locale, e.text));
    // Another seed orders the examples differently: a different model (the seed is what makes it repeatable).
    expect(JSON.stringify(LinearIntentClassifier.train(data.examples, { seed: 7 }).toJSON())).not.toBe(json);
  });

  it('refuses a model of another format', () => {
    expect(() => LinearIntentClassifier.fromJSON({ format: 'something-else' } as never)).toThrow(/not a partner-link-nlu\/linear/);
  });

  it('scores add up to 1, and a text with no known feature has none', () => {
    const c = LinearIntentClassifier.train(data.examples.filter((e) => e.intent === 'greeting' || e.intent === 'help'));
    const scores = c.classify('en', 'hello there');
    expect(scores[0]?.intent).toBe('greeting');
    expect(scores.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 6);
    expect(c.classify('en', 'zzqx')).toEqual([]);
  });

  it('reads words, word pairs from the start, and character 3-grams in English; kana and kanji 1- to 3-grams in Japanese', () => {
    expect(englishWords("we'd like the disti's links")).toEqual(['we', 'would', 'like', 'the', 'disti', 'link']);
    expect(stem('requested')).toBe('request');
    expect(stem('companies')).toBe('company');
    const en = featuresOf('en', 'cancel it');
    expect(en).toEqual(expect.arrayContaining(['w:cancel', 'b:^_cancel', 'b:cancel_it', 'c:<ca', 'c:el>']));
    expect(en).not.toContain('c:<it'); // short words have no character grams
    const ja = featuresOf('ja', '申請を取り消して Azure');
    expect(ja).toEqual(expect.arrayContaining(['c:申', 'c:申請', 'c:申請を', 'w:azure']));
    expect(ja.some((f) => f.includes(' '))).toBe(false);
  });
});

describe('the combined classifier: one stray word does not flip a clear message', () => {
  const CLEAR: readonly [string, string][] = [
    ['please link us with a distributor in Japan', 'link_distributor'],
    ['what is the status of my request', 'request_status'],
    ['we want to add Fabrikam as a partner for our tenant', 'add_partner'],
    ['cancel my link request please', 'cancel_request'],
    ['can a reseller in France work with a distributor in Germany?', 'policy_question'],
    ['remind the approvers about my request', 'remind_approvers'],
    ['who are the approvers in our organization', 'list_approvers'],
  ];
  // Words that name other intents, at the end. The network alone flipped 13 of these 175 messages
  // (measured on the training data of 2026-12-07): "what is the status of my request again" read as
  // resubmit, "... cancel" as cancel, "can a reseller in France work with a distributor in Germany? note" as a note.
  const STRAY = ['link', 'approve', 'partner', 'cancel', 'help', 'again', 'note', 'status', 'remind', 'change', 'who', 'add', 'rules', 'approver', 'support', 'subscription', 'multichannel', 'urgent'];
  // Chatty words in front.
  const CHATTY = ['hello', 'thanks', 'quick', 'urgent', 'today', 'pls', 'hey'];

  it.each(CLEAR)('"%s" stays %s', async (text, intent) => {
    const { classifier } = await loadOrTrainClassifier();
    const flipped: string[] = [];
    for (const t of [...STRAY.map((w) => `${text} ${w}`), ...CHATTY.map((w) => `${w} ${text}`)]) {
      const best = (await classifier.classify('en', t))[0]?.intent;
      if (best !== intent) flipped.push(`${t} -> ${best}`);
    }
    expect(flipped).toEqual([]);
  });
});

describe('clauses (dialogs/recognition/clauses.ts)', () => {
  it('splits English at sentence ends, ellipses and dashes, drops the pleasantries, keeps commas and abbreviations', () => {
    expect(clausesOf("Hi, hope you're well… we'd like to get linked up with a distributer here in Japan… Which ones can we pick?")).toEqual([
      "we'd like to get linked up with a distributer here in Japan…",
      'Which ones can we pick?',
    ]);
    expect(clausesOf("quick q - can we resell M365 to another CSP partner's tenant? one of our customers is a CSP")).toEqual([
      'quick q',
      "can we resell M365 to another CSP partner's tenant?",
      'one of our customers is a CSP',
    ]);
    expect(clausesOf('we use M365. link us pls... thanks!')).toEqual(['we use M365.', 'link us pls']);
    expect(clausesOf('Hi. Cancel it.')).toEqual(['Cancel it.']);
  });

  it('one clause is no clauses: the whole message is read as it is', () => {
    expect(clausesOf('U.S. gov cloud, is multichannel ok?')).toEqual([]);
    expect(clausesOf('hello, anyone there?')).toEqual([]);
    expect(clausesOf('link us with Contoso, thanks')).toEqual([]);
  });

  it('splits Japanese at 。！？ and drops greetings and self-introductions, not a request ending in です', () => {
    expect(clausesOf('お世話になっております。富士ITの小林です。契約書送りました！もう一度Contosoさんに連携の申請をお願いします')).toEqual([
      '契約書送りました！',
      'もう一度Contosoさんに連携の申請をお願いします',
    ]);
    expect(clausesOf('韓国のdistiと繋がりたいです。お願いできますか')).toEqual(['韓国のdistiと繋がりたいです。', 'お願いできますか']);
    expect(clausesOf('承認って誰がするんですか？どのくらい時間かかります？')).toEqual(['承認って誰がするんですか？', 'どのくらい時間かかります？']);
  });
});
