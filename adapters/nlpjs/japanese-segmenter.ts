// Japanese for NLP.js without @nlpjs/lang-ja. Its stemmer parses every utterance with kuromoji, whose
// dictionary took most of the bot's start-up time (~0.8 s) and ~370 MB of memory. ICU's word segmenter,
// built into Node, splits Japanese well enough for intent classification and costs nothing to load.

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Katakana letters; the prolonged sound mark ー only continues a katakana word (it also follows hiragana).
const KATAKANA_WORD = /^[\u30a1-\u30fa][\u30a1-\u30fa\u30fc]*$/u;
const PROLONGED = /^\u30fc+$/u;
const KATAKANA_EDGE = /(?<=[^\u30a1-\u30fa\u30fc])(?=[\u30a1-\u30fa])|(?<=[\u30a1-\u30fa\u30fc])(?=[^\u30a1-\u30fa\u30fc])/u;

/**
 * Folds spellings people mix up onto one: NFKC (full-width Latin and digits to ASCII, half-width katakana
 * to full width, ㋀ to 1月), spacing voiced marks joined to their kana (か゛ to が), Latin lower-cased.
 * Unlike lang-ja, 々 is not written out (時々 to 時時): ICU knows the 々 spellings, not the others. Nor are
 * accents stripped as for English: NFD would take the voiced marks off kana too.
 */
export function normalizeJapanese(text: string): string {
  return text
    .replace(/ ?(?:\u309b|\u3099)/gu, '\u3099') // NFKC turns a spacing mark into a space and a combining one
    .replace(/ ?(?:\u309c|\u309a)/gu, '\u309a')
    .normalize('NFKC')
    .toLowerCase();
}

/**
 * The words of `text`, without punctuation or spaces. Two fixes on ICU's words: a word it runs across a
 * katakana/other boundary is cut there (テイルスピンと gave テイ|ルス|ピンと: ピンと is an adverb), and a
 * katakana word it does not know, which it cuts into pieces (ディス|トリ|ビュ|ー|ター), is put back
 * together. One token per katakana word beat keeping the pieces (too) in cross-validation on the training
 * data, and it keeps unknown names from adding several unknown tokens, which push NLP.js towards None.
 */
export function tokenizeJapanese(text: string): string[] {
  const tokens: string[] = [];
  let katakana = '';
  let katakanaEnd = -1;
  const endKatakana = () => {
    if (katakana) tokens.push(katakana);
    katakana = '';
  };
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) {
      endKatakana();
      continue;
    }
    let at = index;
    for (const part of segment.split(KATAKANA_EDGE)) {
      if (KATAKANA_WORD.test(part) || (katakana && at === katakanaEnd && PROLONGED.test(part))) {
        if (at !== katakanaEnd) endKatakana();
        katakana += part;
        katakanaEnd = at + part.length;
      } else {
        endKatakana();
        tokens.push(part);
      }
      at += part.length;
    }
  }
  endKatakana();
  return tokens;
}

interface PluginContainer {
  register(name: string, instance: unknown, isSingleton?: boolean): void;
}

/**
 * NLP.js plugin for the 'ja' locale: a normalizer and a tokenizer, looked up by name (`normalizer-ja`,
 * `tokenizer-ja`) for each utterance. No stemmer: NLP.js then uses the words as they are. No stop words:
 * the classifier keeps them (`keepStopwords`); particles such as か and を help tell intents apart
 * (dropping one-kana words, as lang-ja's stemmer did, cost 5 points of Japanese accuracy on nlu/eval.jsonl).
 */
export class LangJaSegmenter {
  register(container: PluginContainer): void {
    container.register('normalizer-ja', { name: 'normalizer-ja', normalize: normalizeJapanese }, true);
    container.register('tokenizer-ja', { name: 'tokenizer-ja', tokenize: tokenizeJapanese }, true);
  }
}
