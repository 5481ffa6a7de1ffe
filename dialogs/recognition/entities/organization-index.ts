import type { OrganizationNames } from '../../../app/ports';
import type { FoldedText } from './folded-text';
import { organizationPhrases } from './organization-aliases';
import { PhraseMatcher, type CompiledDictionary, type PhraseMatch } from './phrase-matcher';

/** Bump when the byte layout below changes. Changes to the phrase rules are caught by `RULES` instead. */
const FORMAT = 1;
const MAGIC = 'PLOI';

/**
 * Names that exercise every rule that turns a directory's names into the matcher's keys (legal
 * suffixes, parentheses, generic trailing words, leading-word aliases shared or not, full-width and
 * half-width forms, katakana edges, typo allowances by length). Their compiled dictionary's bytes are the
 * rules' fingerprint: an index saved by code with other rules does not load, and is built again.
 */
const PROBE: readonly OrganizationNames[] = [
  { id: 'p1', names: ['Contoso Distribution Japan', 'コントソ・ディストリビューション・ジャパン株式会社'] },
  { id: 'p2', names: ['Contoso Retail Co., Ltd.'] },
  { id: 'p3', names: ['Fabrikam, Inc.', '株式会社ファブリカム'] },
  { id: 'p4', names: ['Sakura Cloud Solutions (Tokyo)', 'さくらクラウドソリューションズ'] },
  { id: 'p5', names: ['ＡＢＣ ｼｽﾃﾑｽﾞ', 'Northwind Traders GmbH'] },
  { id: 'p6', names: ["O'Neil Partners K.K.", 'Azure Experts Japan'] },
  { id: 'p7', names: ['Tailspin', 'Quartz Ember IT 3', 'Wide World Importers Holdings'] },
  { id: 'p8', names: ['IT', 'ジャパン', 'Adatum Corporation', 'Ａｄａｔｕｍ'] },
];

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** Keys are letters, digits and Japanese characters; organization IDs hold no NUL (see adapters/embedded/level-keys.ts). */
const JOIN = '\u0000';

interface Header {
  format: number;
  rules: string;
  phrases: number;
  values: number;
  buckets: number;
  filed: number;
  pieceLengths: number;
  alwaysTried: number;
  /** Byte lengths of the joined values and keys. */
  valueBytes: number;
  keyBytes: number;
}

/** FNV-1a over bytes, as 8 hex digits. */
function fnv(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Issue 19: the directory's organization names as the recognizer matches them (a fuzzy PhraseMatcher
 * over `organizationPhrases`). Building it for L's 100,200 organizations costs seconds at start-up, so
 * it can be written out as bytes (`toBytes`) and read back (`fromBytes`) in milliseconds, matching
 * exactly as the index it was written from. The bytes carry the rules' fingerprint; bytes written under
 * other rules, or not an index at all, give `undefined`, and the caller builds the index again.
 */
export class OrganizationIndex implements OrganizationMatcher {
  private constructor(private readonly matcher: PhraseMatcher<string>) {}

  static build(organizations: readonly OrganizationNames[]): OrganizationIndex {
    return new OrganizationIndex(new PhraseMatcher(organizationPhrases(organizations), { fuzzy: true }));
  }

  match(text: FoldedText): PhraseMatch<string>[] {
    return this.matcher.match(text);
  }

  toBytes(): Uint8Array {
    return encode(this.matcher.compiled(), rulesFingerprint());
  }

  static fromBytes(bytes: Uint8Array): OrganizationIndex | undefined {
    try {
      const compiled = decode(bytes, rulesFingerprint());
      return compiled ? new OrganizationIndex(PhraseMatcher.fromCompiled(compiled)) : undefined;
    } catch {
      return undefined; // cut short or damaged: built again
    }
  }
}

/** What the entity extractor asks of an organization index. */
export interface OrganizationMatcher {
  match(text: FoldedText): PhraseMatch<string>[];
}

/**
 * The organization index a running recognizer uses, replaced whole when the directory's names change
 * (app/recognition/organization-index.refresher.ts): one assignment, so a message is matched against the
 * old index or the new one, never a mix, and matching never waits for the new one to be made.
 */
export class LiveOrganizationIndex implements OrganizationMatcher {
  constructor(private current: OrganizationMatcher) {}

  match(text: FoldedText): PhraseMatch<string>[] {
    return this.current.match(text);
  }

  replace(next: OrganizationMatcher): void {
    this.current = next;
  }
}

let rules: string | undefined;
function rulesFingerprint(): string {
  rules ??= fnv(encode(new PhraseMatcher(organizationPhrases(PROBE), { fuzzy: true }).compiled(), ''));
  return rules;
}

function encode(c: CompiledDictionary<string>, rulesOf: string): Uint8Array {
  const values = encoder.encode(c.values.join(JOIN));
  const keys = encoder.encode(c.keys.join(JOIN));
  const header: Header = {
    format: FORMAT,
    rules: rulesOf,
    phrases: c.keys.length,
    values: c.values.length,
    buckets: c.from.length - 1,
    filed: c.filed.length,
    pieceLengths: c.pieceLengths.length,
    alwaysTried: c.alwaysTried.length,
    valueBytes: values.length,
    keyBytes: keys.length,
  };
  const head = encoder.encode(JSON.stringify(header));
  const headSize = align(8 + head.length);
  const words = [c.valueOf, c.facts, c.from, c.filed, c.alwaysTried];
  const wordBytes = words.reduce((n, w) => n + w.byteLength, 0);
  const out = new Uint8Array(headSize + wordBytes + align(c.pieceLengths.length) + values.length + keys.length);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  let at = headSize;
  for (const w of words) {
    // Typed arrays are in the machine's byte order; the header's rules fingerprint is computed the same way, so a
    // file moved to a machine of the other order does not load (and is built again there).
    out.set(new Uint8Array(w.buffer, w.byteOffset, w.byteLength), at);
    at += w.byteLength;
  }
  out.set(c.pieceLengths, at);
  at += align(c.pieceLengths.length);
  out.set(values, at);
  out.set(keys, at + values.length);
  return out;
}

function decode(bytes: Uint8Array, rulesNow: string): CompiledDictionary<string> | undefined {
  if (bytes.length < 8 || decoder.decode(bytes.subarray(0, 4)) !== MAGIC) return undefined;
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const h = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headLength))) as Header;
  if (h.format !== FORMAT || h.rules !== rulesNow) return undefined;
  let at = align(8 + headLength);
  const words = (n: number) => {
    // A copy, aligned (a Node Buffer's slice() is a view into a larger pool).
    const w = new Uint32Array(new Uint8Array(bytes.subarray(at, at + n * 4)).buffer);
    if (w.length !== n) throw new Error('cut short');
    at += n * 4;
    return w;
  };
  const valueOf = words(h.phrases);
  const facts = words(h.phrases);
  const from = words(h.buckets + 1);
  const filed = words(h.filed);
  const alwaysTried = words(h.alwaysTried);
  const pieceLengths = new Uint8Array(bytes.subarray(at, at + h.pieceLengths));
  at += align(h.pieceLengths);
  if (at + h.valueBytes + h.keyBytes !== bytes.length) throw new Error('not the length the header gives');
  const split = (s: string, n: number) => (n === 0 ? [] : s.split(JOIN));
  const values = split(decoder.decode(bytes.subarray(at, at + h.valueBytes)), h.values);
  const keys = split(decoder.decode(bytes.subarray(at + h.valueBytes, at + h.valueBytes + h.keyBytes)), h.phrases);
  const beyond = (w: Uint32Array, n: number) => w.some((v) => v >= n);
  if (values.length !== h.values || keys.length !== h.phrases || beyond(valueOf, values.length) || beyond(filed, keys.length) || beyond(alwaysTried, keys.length) || beyond(from, filed.length + 1)) throw new Error('parts do not fit');
  return { values, valueOf, keys, facts, from, filed, pieceLengths, alwaysTried };
}

const align = (n: number) => (n + 3) & ~3;
