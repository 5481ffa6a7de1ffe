/**
 * Text folded for matching, with a map back to the original. Folding: NFKC (full-width letters and digits
 * become ASCII, half-width katakana become full width), lower case, katakana to hiragana, apostrophes
 * dropped. `starts[i]`/`ends[i]` give the original span of folded character i, so that a match found in
 * the folded text can be reported with the offsets and text the user typed.
 */
export interface FoldedText {
  source: string;
  text: string;
  starts: number[];
  ends: number[];
}

const APOSTROPHES = /['’‘`]/g;
// Half-width voiced marks and combining voiced marks join the character before them.
const JOINS_PREVIOUS = new Set(['\uff9e', '\uff9f', '\u3099', '\u309a']);

function katakanaToHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/** Folds one piece of text the same way `foldText` folds each character (used for dictionary phrases). */
export function foldString(s: string): string {
  return katakanaToHiragana(s.normalize('NFKC').toLowerCase()).replace(APOSTROPHES, '');
}

export function foldText(source: string): FoldedText {
  const chunks: { start: number; end: number }[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    while (end < source.length && JOINS_PREVIOUS.has(source[end]!)) end += 1;
    chunks.push({ start: i, end });
    i = end;
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const c of chunks) {
    const piece = source.slice(c.start, c.end);
    // Plain ASCII (most of an English message) folds to its lower case; the rest takes the full path.
    const code = piece.length === 1 ? piece.charCodeAt(0) : 0x80;
    const folded = code < 0x80 ? (code === 0x27 || code === 0x60 ? '' : piece.toLowerCase()) : foldString(piece);
    for (let k = 0; k < folded.length; k += 1) {
      starts.push(c.start);
      ends.push(c.end);
    }
    text += folded;
  }
  return { source, text, starts, ends };
}

/** The original span [start, end) for folded characters [from, to). */
export function sourceSpan(f: FoldedText, from: number, to: number): { start: number; end: number; text: string } {
  const start = f.starts[from] ?? f.source.length;
  const end = to > from ? (f.ends[to - 1] ?? f.source.length) : start;
  return { start, end, text: f.source.slice(start, end) };
}

const JAPANESE_CHAR = /[\u3040-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]/;

/** Kana, kanji, the long-vowel mark (not the middle dot): characters that carry meaning without spaces. */
export function isJapaneseChar(ch: string): boolean {
  return JAPANESE_CHAR.test(ch);
}

export function hasJapanese(s: string): boolean {
  return [...s].some(isJapaneseChar);
}
