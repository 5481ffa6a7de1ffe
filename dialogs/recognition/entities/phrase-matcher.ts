import { allowedEdits, boundedEditDistance } from './edit-distance';
import { foldString, hasJapanese, isJapaneseChar, sourceSpan, type FoldedText } from './folded-text';

/** A normalized value and the phrases people use for it, in any script. */
export interface PhraseEntry<V> {
  value: V;
  phrases: readonly string[];
}

export interface PhraseMatch<V> {
  value: V;
  start: number;
  end: number;
  text: string;
  /** 1 for an exact match, lower with each typo. */
  score: number;
}

export interface CompiledPhrase<V> {
  value: V;
  /** Folded, with spaces and punctuation removed. */
  key: string;
  japanese: boolean;
  words: number;
  maxEdits: number;
  /** maxEdits + 1 disjoint pieces of the key: any close enough match contains one of them unchanged. */
  pieces: string[];
  /** The phrase begins / ends with katakana: it must not be cut out of a longer katakana word. */
  kanaStart: boolean;
  kanaEnd: boolean;
}

interface Candidate<V> {
  value: V;
  from: number;
  to: number;
  /** Characters compared (spaces and punctuation not counted). */
  length: number;
  score: number;
}

const WORD = /[a-z0-9]+/g;

function isCompactChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  return isJapaneseChar(ch);
}

/** What every dictionary needs of one text, worked out once per text (see `prepared`). */
interface PreparedText {
  words: { from: number; to: number; text: string }[];
  /** The letters, digits and Japanese characters, nothing between them. */
  compact: string;
  /** Where each character of `compact` is in the folded text. */
  compactIndex: number[];
  /** The distinct pairs of neighbouring characters in `compact`, each as one number. */
  pairs: number[];
}

const pairCode = (s: string, at: number): number => s.charCodeAt(at) * 0x10000 + s.charCodeAt(at + 1);

const preparedTexts = new WeakMap<FoldedText, PreparedText>();

/** One text is matched against several dictionaries (organizations, workloads, countries...). */
function prepared(f: FoldedText): PreparedText {
  let p = preparedTexts.get(f);
  if (!p) {
    const words = [...f.text.matchAll(WORD)].map((m) => ({ from: m.index, to: m.index + m[0].length, text: m[0] }));
    const compactIndex: number[] = [];
    let compact = '';
    for (let i = 0; i < f.text.length; i += 1) {
      const ch = f.text[i]!;
      if (isCompactChar(ch)) {
        compact += ch;
        compactIndex.push(i);
      }
    }
    const pairs = new Set<number>();
    for (let at = 0; at + 1 < compact.length; at += 1) pairs.add(pairCode(compact, at));
    p = { words, compact, compactIndex, pairs: [...pairs] };
    preparedTexts.set(f, p);
  }
  return p;
}

/**
 * Finds dictionary phrases in text, case- and width-insensitively, optionally tolerating typos. Latin
 * phrases match whole words (ignoring the spaces between them, so "Office365" matches "office 365");
 * phrases with Japanese characters match anywhere, ignoring spaces and the middle dot. Overlapping matches
 * are resolved in favour of the longer, closer one.
 */
export class PhraseMatcher<V> {
  private readonly phrases: CompiledPhrase<V>[] = [];
  /** Phrases (their indexes, ascending) by the first two characters of each of their pieces. */
  private readonly byPair = new Map<number, number[]>();
  /** Phrases with a piece shorter than two characters: always tried. */
  private readonly alwaysTried: number[] = [];

  constructor(entries: readonly PhraseEntry<V>[], options: { fuzzy?: boolean } = {}) {
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        const folded = foldString(phrase);
        const key = [...folded].filter(isCompactChar).join('');
        if (!key) continue;
        const japanese = hasJapanese(key);
        const words = japanese ? 1 : (folded.match(WORD) ?? []).length;
        const maxEdits = options.fuzzy ? allowedEdits(key.length, japanese) : 0;
        const typed = [...phrase.normalize('NFKC')].filter((ch) => isCompactChar(ch.toLowerCase()));
        const kanaStart = isKatakana(typed[0]);
        const kanaEnd = isKatakana(typed[typed.length - 1]);
        this.phrases.push({ value: entry.value, key, japanese, words, maxEdits, pieces: pieces(key, maxEdits), kanaStart, kanaEnd });
      }
    }
    this.phrases.forEach((p, i) => {
      if (p.pieces.some((piece) => piece.length < 2)) return void this.alwaysTried.push(i);
      for (const pair of new Set(p.pieces.map((piece) => pairCode(piece, 0)))) {
        const list = this.byPair.get(pair);
        if (list) list.push(i);
        else this.byPair.set(pair, [i]);
      }
    });
  }

  /**
   * The phrases one of whose pieces may occur in the text, in dictionary order: a piece that occurs
   * there brings its first two characters with it, so only phrases indexed under one of the text's own
   * character pairs (and those with a piece too short to index) can pass the piece test.
   */
  protected phrasesToTry(text: PreparedText): CompiledPhrase<V>[] {
    const hits = [...this.alwaysTried];
    for (const pair of text.pairs) {
      const list = this.byPair.get(pair);
      if (list) for (const i of list) hits.push(i);
    }
    hits.sort((a, b) => a - b);
    const phrases: CompiledPhrase<V>[] = [];
    for (let n = 0; n < hits.length; n += 1) if (n === 0 || hits[n] !== hits[n - 1]) phrases.push(this.phrases[hits[n]!]!);
    return phrases;
  }

  match(f: FoldedText): PhraseMatch<V>[] {
    const text = prepared(f);
    const { words, compact, compactIndex } = text;
    // A match with at most k edits contains one of the phrase's k+1 pieces unchanged, and whatever it
    // matches (joined words, or a stretch of Japanese) is a stretch of the compact text: a phrase none
    // of whose pieces occurs there cannot match, which rules out most of the dictionary at once.
    const candidates: Candidate<V>[] = [];
    for (const p of this.phrasesToTry(text)) {
      if (!p.pieces.some((piece) => compact.includes(piece))) continue;
      if (p.japanese) {
        for (const c of findInCompact(compact, p)) {
          const from = compactIndex[c.start]!;
          const to = compactIndex[c.start + c.length - 1]! + 1;
          if (cutsKatakanaWord(f, p, from, to)) continue;
          candidates.push({ value: p.value, from, to, length: c.length, score: c.score });
        }
        continue;
      }
      for (let i = 0; i < words.length; i += 1) {
        if (p.maxEdits === 0 && !p.key.startsWith(words[i]!.text)) continue;
        let joined = '';
        for (let n = 1; n <= p.words + 1 && i + n <= words.length; n += 1) {
          const word = words[i + n - 1]!;
          if (n > 1 && !onlySpacing(f.text.slice(words[i + n - 2]!.to, word.from))) break;
          joined += word.text;
          if (n < p.words - 1 || joined.length < p.key.length - p.maxEdits) continue;
          if (joined.length > p.key.length + p.maxEdits) break;
          if (!p.pieces.some((piece) => joined.includes(piece))) continue;
          const d = boundedEditDistance(joined, p.key, p.maxEdits);
          if (d <= p.maxEdits) {
            const score = 1 - d / Math.max(joined.length, p.key.length);
            candidates.push({ value: p.value, from: words[i]!.from, to: word.to, length: joined.length, score });
          }
        }
      }
    }
    return selectNonOverlapping(candidates).map((c) => ({ value: c.value, score: c.score, ...sourceSpan(f, c.from, c.to) }));
  }
}

/**
 * Windows of the compact text within `maxEdits` of the phrase. A match with at most k edits contains one
 * of k+1 disjoint pieces of the phrase unchanged, so only windows around such a piece are compared.
 */
function pieces(key: string, k: number): string[] {
  const size = Math.floor(key.length / (k + 1));
  return Array.from({ length: k + 1 }, (_, i) => key.slice(i * size, i === k ? undefined : (i + 1) * size));
}

function findInCompact<V>(compact: string, p: CompiledPhrase<V>): { start: number; length: number; score: number }[] {
  const found: { start: number; length: number; score: number }[] = [];
  const k = p.maxEdits;
  const starts = new Set<number>();
  for (let piece = 0; piece <= k; piece += 1) {
    const offset = piece * Math.floor(p.key.length / (k + 1));
    const text = p.pieces[piece]!;
    for (let at = compact.indexOf(text); at >= 0; at = compact.indexOf(text, at + 1)) {
      for (let start = at - offset - k; start <= at - offset + k; start += 1) if (start >= 0) starts.add(start);
    }
  }
  for (const start of starts) {
    for (let length = p.key.length - k; length <= p.key.length + k; length += 1) {
      if (length <= 0 || start + length > compact.length) continue;
      const d = boundedEditDistance(compact.slice(start, start + length), p.key, k);
      if (d <= k) found.push({ start, length, score: 1 - d / Math.max(length, p.key.length) });
    }
  }
  return found;
}

// Full-width katakana and the long-vowel mark, and half-width katakana (the source is not folded).
const KATAKANA = /[\u30a1-\u30fa\u30fc-\u30fe\uff66-\uff9f]/;

function isKatakana(ch: string | undefined): boolean {
  return ch !== undefined && KATAKANA.test(ch);
}

/**
 * Katakana words are written without spaces, so a katakana phrase found inside a longer katakana run is a
 * piece of another word (the インド of リマインド), not the phrase: its edge must meet a non-katakana
 * character (or the text's start or end) in what the person typed.
 */
function cutsKatakanaWord<V>(f: FoldedText, p: CompiledPhrase<V>, from: number, to: number): boolean {
  const { start, end } = sourceSpan(f, from, to);
  return (p.kanaStart && isKatakana(f.source[start - 1])) || (p.kanaEnd && isKatakana(f.source[end]));
}

/** Words of one phrase are separated by spaces or punctuation only, never by Japanese text. */
function onlySpacing(gap: string): boolean {
  return gap.length <= 3 && ![...gap].some(isCompactChar);
}

function selectNonOverlapping<V>(candidates: Candidate<V>[]): Candidate<V>[] {
  // Longer matches first, weighted by closeness, so a name typed with a typo beats a short alias inside it.
  const weight = (c: Candidate<V>) => c.score * c.length;
  const ranked = [...candidates].sort((a, b) => weight(b) - weight(a) || b.score - a.score || a.from - b.from);
  const chosen: Candidate<V>[] = [];
  for (const c of ranked) {
    if (chosen.every((k) => c.to <= k.from || c.from >= k.to)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.from - b.from);
}
