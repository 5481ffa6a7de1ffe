import { createNlpjsClassifier, type IntentClassifier } from '../../adapters/nlpjs';
import { piecesOf } from '../../adapters/nlpjs/nlpjs-engine';

/**
 * Issue 18: a long chatty English message can score nothing above zero as a whole (every word adds its
 * weight); its clauses and short runs of words are then read (adapters/nlpjs/nlpjs-engine.ts).
 */
describe('piecesOf', () => {
  it('a short message has no pieces: it is read only as a whole', () => {
    expect(piecesOf('cancel my request')).toEqual([]);
    expect(piecesOf('承認者に催促して')).toEqual([]);
  });

  it('a long English message: its clauses and runs of five words every two words', () => {
    const pieces = piecesOf('hi there, we would like a distributor for azure in japan');
    expect(pieces).toContain('hi there');
    expect(pieces).toContain('we would like a distributor for azure in japan');
    expect(pieces).toContain('we would like a distributor');
    expect(pieces).toContain('like a distributor for azure');
    expect(pieces.every((p) => p.split(' ').length <= 10)).toBe(true);
  });

  it('Japanese only by its clauses (no spaces between words)', () => {
    expect(piecesOf('お疲れさまです、国内のディストリビューターと連携したいです')).toEqual(['お疲れさまです', '国内のディストリビューターと連携したいです']);
    expect(piecesOf('Hello there. We are a reseller and would like a distributor please')).toEqual([]);
  });

  it('at most 24 pieces however long the message (each is one more classification)', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    expect(piecesOf(words)).toHaveLength(24);
  });
});

describe('the classifier on long messages', () => {
  let classifier: IntentClassifier;
  beforeAll(async () => {
    classifier = await createNlpjsClassifier();
  }, 60000);

  // Read as a whole, this one scores nothing above zero (checked against the engine without pieces).
  it.each([
    ['request_status', "hello again, sorry if this is a silly question but would it be at all possible to look at the requests i've put in so far"],
  ])('%s: %s', async (intent, text) => {
    expect((await classifier.classify('en', text))[0]?.intent).toBe(intent);
  });

  it('gibberish and out-of-scope words stay nothing', async () => {
    expect((await classifier.classify('en', 'qwerty asdf zxcv uiop hjkl bnm'))[0]?.intent).toMatch(/^(None|none)$/);
  });
});
