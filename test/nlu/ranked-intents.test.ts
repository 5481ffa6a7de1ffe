import type { IntentClassifier } from '../../adapters/nlpjs';
import { createRecognizer } from '../../bot/recognizer';
import { MessageRecognizer } from '../../dialogs/recognition';

/** Issue 18: the recognizer port exposes the classifier's two best intents with their scores, before the threshold. */
describe('ranked intents', () => {
  const scores = (list: { intent: string; score: number }[]): IntentClassifier => ({ classify: async () => list });

  it('the two best distinct intents, best first; NLP.js\'s "None" is none (once), unknown labels are left out', async () => {
    const r = new MessageRecognizer(scores([{ intent: 'add_partner', score: 0.2 }, { intent: 'None', score: 0.5 }, { intent: 'None', score: 0.5 }, { intent: 'nonsense', score: 0.25 }, { intent: 'request_status', score: 0.3 }]));
    const rec = await r.recognize('partner request');
    expect(rec.intent).toBe('none');
    expect(rec.ranked).toEqual([{ intent: 'none', score: 0.5 }, { intent: 'request_status', score: 0.3 }]);
  });

  it('are given also when the best is below the threshold (its intent becomes none)', async () => {
    const rec = await new MessageRecognizer(scores([{ intent: 'request_status', score: 0.4 }, { intent: 'add_partner', score: 0.39 }])).recognize('パートナー申請');
    expect(rec).toMatchObject({ intent: 'none', ranked: [{ intent: 'request_status', score: 0.4 }, { intent: 'add_partner', score: 0.39 }] });
  });

  it('of a message of several sentences, those of the sentence that decided', async () => {
    const byText: Record<string, { intent: string; score: number }[]> = {
      'Hi. Cancel it.': [{ intent: 'greeting', score: 0.9 }],
      'Hi.': [{ intent: 'greeting', score: 0.99 }],
      'Cancel it.': [{ intent: 'cancel_request', score: 0.7 }, { intent: 'change_request', score: 0.3 }],
    };
    const r = new MessageRecognizer({ classify: async (_l, t) => byText[t] ?? [{ intent: 'None', score: 1 }] });
    expect((await r.recognize('Hi. Cancel it.')).ranked).toEqual([{ intent: 'cancel_request', score: 0.7 }, { intent: 'change_request', score: 0.3 }]);
  });

  it('exact commands have none', async () => {
    expect((await new MessageRecognizer(scores([])).recognize('use this channel for approvals')).ranked).toBeUndefined();
  });

  it('the trained model gives one or two (it drops zero scores), sorted, the first being the intent when it passes the threshold', async () => {
    const recognizer = await createRecognizer();
    for (const text of ['link us with a distributor', 'パートナーを追加したい', 'partner request']) {
      const rec = await recognizer.recognize(text);
      expect(rec.ranked!.length).toBeGreaterThanOrEqual(1);
      expect(rec.ranked!.length).toBeLessThanOrEqual(2);
      if (rec.ranked![1]) expect(rec.ranked![0]!.score).toBeGreaterThanOrEqual(rec.ranked![1].score);
      if (rec.score >= 0.5 && rec.intent !== 'none') expect(rec.ranked![0]!.intent).toBe(rec.intent);
    }
  }, 60000);
});
