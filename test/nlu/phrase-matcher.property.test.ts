import fc from 'fast-check';
import { CHANNEL_LEXICON } from '../../dialogs/recognition/entities/channel.lexicon';
import { COUNTRY_LEXICON } from '../../dialogs/recognition/entities/country.lexicon';
import { foldText } from '../../dialogs/recognition/entities/folded-text';
import { organizationPhrases } from '../../dialogs/recognition/entities/organization-aliases';
import { PhraseMatcher, type PhraseEntry } from '../../dialogs/recognition/entities/phrase-matcher';
import { WORKLOAD_LEXICON } from '../../dialogs/recognition/entities/workload.lexicon';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { loadSampleDirectory } from '../support/sample-directory';

/** The same matcher comparing every phrase with the text: what the index and the quick tests must never change. */
class TriesEverything<V> extends PhraseMatcher<V> {
  protected override phrasesToTry(): number[] {
    return Array.from({ length: this.size }, (_, i) => i);
  }

  protected override filtersFirst(): boolean {
    return false;
  }
}

describe('phrase matching: the piece index and the quick tests only skip phrases that cannot match', () => {
  const orgs = loadSampleDirectory().organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
  // Issue 19: generated names share their words ("Nimbus Juniper Wholesale 6", "Nimbus Juniper Bank 12"), so
  // many phrases share pieces: what the index and the pair count must tell apart.
  const generated = (generateDirectory('S', 3).organizations as Array<{ id: string; name: string }>).map((o) => ({ id: o.id, names: [o.name] }));
  const dictionaries: Array<[string, readonly PhraseEntry<unknown>[], boolean]> = [
    ['organizations (fuzzy)', organizationPhrases(orgs), true],
    ['generated organizations (fuzzy)', organizationPhrases(generated), true],
    ['workloads (fuzzy)', WORKLOAD_LEXICON, true],
    ['countries', COUNTRY_LEXICON, false],
    ['channels', CHANNEL_LEXICON, false],
  ];

  // Text made of dictionary phrases (with typos: a character dropped, doubled or changed), other
  // words and Japanese, so that both matches and near misses are common.
  const typo = (s: string) =>
    fc.oneof(
      fc.constant(s),
      fc.nat({ max: Math.max(s.length - 1, 0) }).map((i) => s.slice(0, i) + s.slice(i + 1)),
      fc.nat({ max: Math.max(s.length - 1, 0) }).map((i) => s.slice(0, i) + s[i] + s.slice(i)),
      fc.tuple(fc.nat({ max: Math.max(s.length - 1, 0) }), fc.constantFrom('a', 'x', 'ー', '0')).map(([i, c]) => s.slice(0, i) + c + s.slice(i + 1)),
    );

  for (const [name, entries, fuzzy] of dictionaries) {
    it(`finds exactly what trying every phrase finds: ${name}`, () => {
      const phrases = entries.flatMap((e) => e.phrases);
      const piece = fc.oneof(
        fc.constantFrom(...phrases).chain(typo),
        fc.constantFrom('link me with', 'please', 'の', 'と連携したい', 'for', 'Azure', 'ＣＯＮＴＯＳＯ', '・', '-', 'us', 'US'),
        fc.string({ maxLength: 6 }),
      );
      const text = fc.array(piece, { maxLength: 6 }).chain((parts) => fc.constantFrom(' ', '', '、', ', ').map((sep) => parts.join(sep)));
      const indexed = new PhraseMatcher(entries, { fuzzy });
      const everything = new TriesEverything(entries, { fuzzy });
      let found = 0;
      fc.assert(
        fc.property(text, (t) => {
          const got = indexed.match(foldText(t));
          expect(got).toEqual(everything.match(foldText(t)));
          found += got.length;
        }),
        { numRuns: 1500 },
      );
      expect(found).toBeGreaterThan(100); // the texts did contain matches
    });
  }
});
