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

/** One dictionary phrase as the matcher checks it (see `PhraseMatcher.phrase`). */
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
  /** Where each word begins in `compact` (words are made of compact characters only). */
  wordStarts: number[];
  /** The distinct pairs of neighbouring characters of `compact`, each as one number. */
  pairs: ReadonlySet<number>;
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
    const wordStarts: number[] = [];
    let c = 0;
    for (const w of words) {
      while (compactIndex[c]! < w.from) c += 1;
      wordStarts.push(c);
    }
    const pairs = new Set<number>();
    for (let at = 0; at + 1 < compact.length; at += 1) pairs.add(pairCode(compact, at));
    p = { words, compact, compactIndex, wordStarts, pairs };
    preparedTexts.set(f, p);
  }
  return p;
}

/**
 * A matcher's dictionary as it built it: the entries' values, and for each phrase its entry, folded key
 * and packed facts; the hash buckets of pieces (`from` has one more element than there are buckets, a
 * power of two); the piece lengths; the phrases always tried.
 */
export interface CompiledDictionary<V> {
  values: V[];
  valueOf: Uint32Array;
  keys: string[];
  facts: Uint32Array;
  from: Uint32Array;
  filed: Uint32Array;
  pieceLengths: Uint8Array;
  alwaysTried: Uint32Array;
}

// Bits of a phrase's packed facts (see `PhraseMatcher.facts`).
const JAPANESE = 1;
const KANA_START = 2;
const KANA_END = 4;
const EDITS_SHIFT = 3; // two bits: 0-2 edits
const WORDS_SHIFT = 5;

/**
 * Finds dictionary phrases in text, case- and width-insensitively, optionally tolerating typos. Latin
 * phrases match whole words (ignoring the spaces between them, so "Office365" matches "office 365");
 * phrases with Japanese characters match anywhere, ignoring spaces and the middle dot. Overlapping matches
 * are resolved in favour of the longer, closer one.
 *
 * Issue 19: a directory has hundreds of thousands of name phrases, so they are kept compactly (the
 * folded key and one number of facts each) and indexed: every piece of a phrase (see `pieces`) is filed
 * under the stretch of three characters (fewer for a shorter piece) in it that the fewest pieces of the
 * dictionary contain. A piece that occurs in the text brings all its stretches with it, so only the
 * phrases filed under a stretch of the text can pass the piece test, and the rarest stretch keeps that
 * list short whatever the directory's size.
 */
export class PhraseMatcher<V> {
  /** The entries' values; each phrase names its entry's by position. */
  private values: V[] = [];
  private valueOf = new Uint32Array(0);
  private keys: string[] = [];
  private facts = new Uint32Array(0);
  /** Phrases filed under hash bucket b: `filed[from[b]] .. filed[from[b + 1] - 1]`, ascending. */
  private from = new Uint32Array(1);
  private filed = new Uint32Array(0);
  private mask = 0;
  /** The lengths pieces have, ascending. */
  private pieceLengths = new Uint8Array(0);
  private alwaysTried = new Uint32Array(0);

  constructor(entries: readonly PhraseEntry<V>[], options: { fuzzy?: boolean } = {}) {
    const valueOf: number[] = [];
    const facts: number[] = [];
    for (const entry of entries) {
      const value = this.values.push(entry.value) - 1;
      for (const phrase of entry.phrases) {
        const folded = foldString(phrase);
        const key = [...folded].filter(isCompactChar).join('');
        if (!key) continue;
        const japanese = hasJapanese(key);
        const words = japanese ? 1 : (folded.match(WORD) ?? []).length;
        const maxEdits = options.fuzzy ? allowedEdits(key.length, japanese) : 0;
        const typed = [...phrase.normalize('NFKC')].filter((ch) => isCompactChar(ch.toLowerCase()));
        const flags = (japanese ? JAPANESE : 0) | (isKatakana(typed[0]) ? KANA_START : 0) | (isKatakana(typed[typed.length - 1]) ? KANA_END : 0);
        valueOf.push(value);
        this.keys.push(key);
        facts.push(flags | (maxEdits << EDITS_SHIFT) | (words << WORDS_SHIFT));
      }
    }
    this.valueOf = Uint32Array.from(valueOf);
    this.facts = Uint32Array.from(facts);
    this.buildIndex();
  }

  /** Everything the matcher built, to be kept and handed back to `fromCompiled` (issue 19: OrganizationIndex). */
  compiled(): CompiledDictionary<V> {
    const { values, valueOf, keys, facts, from, filed, pieceLengths, alwaysTried } = this;
    return { values, valueOf, keys, facts, from, filed, pieceLengths, alwaysTried };
  }

  /** A matcher from what `compiled()` gave, without folding or indexing anything again. */
  static fromCompiled<V>(c: CompiledDictionary<V>): PhraseMatcher<V> {
    const m = new PhraseMatcher<V>([]);
    const buckets = c.from.length - 1;
    if (buckets < 1 || (buckets & (buckets - 1)) !== 0 || c.valueOf.length !== c.keys.length || c.facts.length !== c.keys.length || c.from[buckets] !== c.filed.length) {
      throw new Error('not a compiled dictionary: its parts do not fit together');
    }
    Object.assign(m, { values: c.values, valueOf: c.valueOf, keys: c.keys, facts: c.facts, from: c.from, filed: c.filed, pieceLengths: c.pieceLengths, alwaysTried: c.alwaysTried, mask: buckets - 1 });
    return m;
  }

  /** How many phrases the dictionary has. */
  protected get size(): number {
    return this.keys.length;
  }

  /** Phrase `i` as the matcher checks it. */
  protected phrase(i: number): CompiledPhrase<V> {
    const key = this.keys[i]!;
    const facts = this.facts[i]!;
    const maxEdits = (facts >> EDITS_SHIFT) & 3;
    return {
      value: this.values[this.valueOf[i]!]!,
      key,
      japanese: (facts & JAPANESE) !== 0,
      words: facts >> WORDS_SHIFT,
      maxEdits,
      pieces: pieces(key, maxEdits),
      kanaStart: (facts & KANA_START) !== 0,
      kanaEnd: (facts & KANA_END) !== 0,
    };
  }

  private buildIndex(): void {
    // Each distinct piece of each phrase, by the hash of its characters; the lists come out ascending.
    const lengths = new Set<number>();
    const filedAt: number[] = [];
    for (let i = 0; i < this.keys.length; i += 1) {
      const buckets = new Set<number>();
      for (const piece of pieces(this.keys[i]!, (this.facts[i]! >> EDITS_SHIFT) & 3)) {
        lengths.add(piece.length);
        buckets.add(hashOf(piece, 0, piece.length));
      }
      for (const h of buckets) filedAt.push(h, i);
    }
    let size = 1024;
    while (size < filedAt.length / 2) size *= 2;
    this.mask = size - 1;
    const from = new Uint32Array(size + 1);
    for (let n = 0; n < filedAt.length; n += 2) from[(filedAt[n]! & this.mask) + 1]! += 1;
    for (let b = 0; b < size; b += 1) from[b + 1]! += from[b]!;
    const next = from.slice(0, size);
    const filed = new Uint32Array(filedAt.length / 2);
    for (let n = 0; n < filedAt.length; n += 2) filed[next[filedAt[n]! & this.mask]!++] = filedAt[n + 1]!;
    this.from = from;
    this.filed = filed;
    this.pieceLengths = Uint8Array.from([...lengths].filter((n) => n <= 255).sort((x, y) => x - y));
    // A piece longer than 255 characters is never looked up: file such phrases to be always tried.
    this.alwaysTried = Uint32Array.from(this.keys.flatMap((key, i) => (pieces(key, (this.facts[i]! >> EDITS_SHIFT) & 3).some((piece) => piece.length > 255) ? [i] : [])));
  }

  /**
   * The phrases one of whose pieces may occur in the text, in dictionary order: those filed under the
   * hash of a stretch of the text as long as some piece (a hash shared by chance only adds phrases).
   */
  protected phrasesToTry(text: PreparedText): number[] {
    const hits: number[] = [...this.alwaysTried];
    const { compact } = text;
    const lengths = this.pieceLengths;
    const longest = lengths[lengths.length - 1] ?? 0;
    for (let at = 0; at < compact.length; at += 1) {
      let h = HASH_SEED;
      let next = 0;
      for (let n = 1; n <= longest && at + n <= compact.length; n += 1) {
        h = Math.imul(h ^ compact.charCodeAt(at + n - 1), HASH_PRIME) >>> 0;
        if (n !== lengths[next]) continue;
        next += 1;
        const b = h & this.mask;
        for (let k = this.from[b]!; k < this.from[b + 1]!; k += 1) hits.push(this.filed[k]!);
      }
    }
    const sorted = Uint32Array.from(hits).sort();
    const phrases: number[] = [];
    for (let n = 0; n < sorted.length; n += 1) if (n === 0 || sorted[n] !== sorted[n - 1]) phrases.push(sorted[n]!);
    return phrases;
  }

  /** Whether the quick tests (a piece in the text, enough pairs, words near a piece) run before comparing. */
  protected filtersFirst(): boolean {
    return true;
  }

  match(f: FoldedText): PhraseMatch<V>[] {
    const text = prepared(f);
    const { words, compact, compactIndex, wordStarts } = text;
    // A match with at most k edits contains one of the phrase's k+1 pieces unchanged, and whatever it
    // matches (joined words, or a stretch of Japanese) is a stretch of the compact text: a phrase none
    // of whose pieces occurs there cannot match, which rules out most of the dictionary at once.
    const candidates: Candidate<V>[] = [];
    for (const i of this.phrasesToTry(text)) {
      const key = this.keys[i]!;
      const maxEdits = (this.facts[i]! >> EDITS_SHIFT) & 3;
      const keyPieces = pieces(key, maxEdits);
      const filtered = this.filtersFirst();
      if (filtered && !keyPieces.some((piece) => compact.includes(piece))) continue;
      if (filtered && maxEdits > 0 && !enoughPairs(key, maxEdits, text.pairs)) continue;
      const p = this.phrase(i);
      if (p.japanese) {
        for (const c of findInCompact(compact, p)) {
          const from = compactIndex[c.start]!;
          const to = compactIndex[c.start + c.length - 1]! + 1;
          if (cutsKatakanaWord(f, p, from, to)) continue;
          candidates.push({ value: p.value, from, to, length: c.length, score: c.score });
        }
        continue;
      }
      // Words joined from word i are the compact text from wordStarts[i], at most key + maxEdits long,
      // and must contain a piece: only words starting near one of the pieces' occurrences can.
      const near = filtered ? startsNearPieces(compact, keyPieces, key.length + maxEdits) : [[0, compact.length] as [number, number]];
      for (let i = 0; i < words.length; i += 1) {
        if (p.maxEdits === 0 && !p.key.startsWith(words[i]!.text)) continue;
        const start = wordStarts[i]!;
        if (!near.some(([lo, hi]) => start >= lo && start <= hi)) continue;
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
 * Where in the compact text a stretch of at most `longest` characters containing one of the pieces may
 * begin: [lo, hi] for each occurrence of each piece.
 */
function startsNearPieces(compact: string, keyPieces: readonly string[], longest: number): Array<[number, number]> {
  const near: Array<[number, number]> = [];
  for (const piece of keyPieces) {
    for (let at = compact.indexOf(piece); at >= 0; at = compact.indexOf(piece, at + 1)) near.push([at + piece.length - longest, at]);
  }
  return near;
}

/**
 * Windows of the compact text within `maxEdits` of the phrase. A match with at most k edits contains one
 * of k+1 disjoint pieces of the phrase unchanged, so only windows around such a piece are compared.
 */
function pieces(key: string, k: number): string[] {
  if (k === 0) return [key];
  const size = Math.floor(key.length / (k + 1));
  const out: string[] = [];
  for (let i = 0; i < k; i += 1) out.push(key.slice(i * size, (i + 1) * size));
  out.push(key.slice(k * size));
  return out;
}

/**
 * Whether enough of the key's pairs of neighbouring characters occur in the text for a match within
 * `maxEdits`: one edit changes at most three of a key's pairs (a swap of neighbours; a change, insertion
 * or deletion fewer), so a match keeps at least (pairs - 3 * maxEdits) of them, and each kept pair is in
 * the matched stretch of the text, hence in the text. Rules out most names sharing only a piece.
 */
function enoughPairs(key: string, maxEdits: number, pairs: ReadonlySet<number>): boolean {
  const all = key.length - 1;
  const needed = all - 3 * maxEdits;
  if (needed <= 0) return true;
  let missing = 0;
  for (let at = 0; at < all; at += 1) {
    if (!pairs.has(pairCode(key, at)) && ++missing > all - needed) return false;
  }
  return true;
}

const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, the same as `phrasesToTry` computes it character by character. */
function hashOf(s: string, from: number, to: number): number {
  let h = HASH_SEED;
  for (let at = from; at < to; at += 1) h = Math.imul(h ^ s.charCodeAt(at), HASH_PRIME) >>> 0;
  return h;
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
