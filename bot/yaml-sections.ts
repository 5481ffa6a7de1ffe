import { parseDocument } from 'yaml';
import type { SectionEvent } from './json-sections';

/**
 * Issue 19: a YAML directory file read as a stream. Parsing a whole 85 MB file with `yaml` costs about
 * 70 times its size in memory; here the text is cut at its top-level keys and at the items of each
 * section's block list, and only a batch of items at a time goes through `yaml`. Positions stay those
 * of the file, so an error names the file's own line.
 *
 * Only the layout directory files use is cut this way: a top-level mapping of plain or quoted keys,
 * each holding a block list (`- ...` lines, at any indentation), or a value on the key's own line
 * (`people: []`, a flow list, a scalar). Anything else before the first section (a document that is a
 * list, a flow mapping, directives, anchors used across items) throws `YamlNotStreamable`, and the
 * caller parses the file whole as before.
 */

/** The file is not valid YAML; `line` is 1-based, in the file. */
export class YamlStreamError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'YamlStreamError';
  }
}

/** The file uses YAML this reader does not cut up; parse it whole instead. */
export class YamlNotStreamable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'YamlNotStreamable';
  }
}

/** Items parsed together in one `yaml` call (fewer calls, still small). */
const BATCH_ITEMS = 500;
const BATCH_CHARS = 256 * 1024;

const TOP_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;
const ITEM = /^([ ]*)-(?:[ \t]|$)/;

interface Section {
  key: string;
  line: number;
  /** 'list': a block list; 'value': the value on the key's line (and any lines under it). */
  mode: 'open' | 'list' | 'value';
  /** Lines of the key's own value (mode 'value'). */
  valueLines: string[];
  itemIndent: number;
  index: number;
  /** The batch of items not yet parsed: their lines, and where each item starts. */
  batch: string[];
  batchLine: number;
  batchChars: number;
  batchStarts: number;
}

export async function readYamlSections(chunks: AsyncIterable<string>, onEvent: (event: SectionEvent) => void): Promise<void> {
  let rest = '';
  let lineNo = 0;
  let section: Section | undefined;
  let seenAny = false;
  let ended = false;
  const keys = new Set<string>();

  const parse = (text: string, firstLine: number): unknown => {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    const [error] = doc.errors;
    if (error) throw new YamlStreamError(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), firstLine - 1 + (error.linePos?.[0]?.line ?? 1));
    try {
      return doc.toJS();
    } catch (e) {
      // An alias whose anchor is in another batch (or nowhere): the whole-file parse decides.
      throw new YamlNotStreamable((e as Error).message);
    }
  };

  const flushBatch = (s: Section): void => {
    if (s.batchStarts === 0) return;
    const items = parse(s.batch.join('\n'), s.batchLine);
    if (!Array.isArray(items)) throw new YamlStreamError('expected a list item', s.batchLine);
    for (const item of items) onEvent({ kind: 'item', index: s.index++, value: item });
    s.batch = [];
    s.batchChars = 0;
    s.batchStarts = 0;
  };

  const closeSection = (): void => {
    const s = section;
    if (!s) return;
    section = undefined;
    if (s.mode === 'list') {
      flushBatch(s);
      return;
    }
    if (s.mode === 'open') {
      onEvent({ kind: 'value', value: null });
      return;
    }
    const parsed = parse(s.valueLines.join('\n'), s.line) as Record<string, unknown> | null;
    const value = parsed && typeof parsed === 'object' ? Object.values(parsed)[0] : parsed;
    if (Array.isArray(value)) value.forEach((item, index) => onEvent({ kind: 'item', index, value: item }));
    else onEvent({ kind: 'value', value });
  };

  const line = (raw: string): void => {
    lineNo += 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = text.trimStart();
    const blank = trimmed === '' || trimmed.startsWith('#');
    if (ended) {
      if (!blank) throw new YamlNotStreamable('more than one document');
      return;
    }
    if (blank) {
      // Kept inside an item or value: a blank line can belong to a block scalar.
      if (section?.mode === 'list' && section.batchStarts > 0) section.batch.push(text);
      else if (section?.mode === 'value') section.valueLines.push(text);
      return;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(text)) {
      const after = text.slice(3).trim();
      if (text.startsWith('---')) {
        if (seenAny) throw new YamlNotStreamable('more than one document');
        if (after !== '' && !after.startsWith('#')) throw new YamlNotStreamable('content on the document start line');
        return;
      }
      closeSection();
      ended = true;
      return;
    }
    if (text[0] !== ' ' && text[0] !== '-') {
      const key = TOP_KEY.exec(text);
      if (!key) {
        // Before any section, or under a value that may be a flow list running on: the whole-file parse decides.
        if (!seenAny || section?.mode === 'value') throw new YamlNotStreamable('a line that is not a section name');
        throw new YamlStreamError('expected a section name and a colon at the start of the line', lineNo);
      }
      closeSection();
      seenAny = true;
      const name = unquote(key[1]!);
      if (keys.has(name)) throw new YamlStreamError(`Map keys must be unique ("${name}" is named twice)`, lineNo);
      keys.add(name);
      onEvent({ kind: 'section', key: name });
      const value = key[2]?.trim() ?? '';
      section = { key: name, line: lineNo, mode: value === '' || value.startsWith('#') ? 'open' : 'value', valueLines: [text], itemIndent: 0, index: 0, batch: [], batchLine: lineNo, batchChars: 0, batchStarts: 0 };
      return;
    }
    if (!section) throw new YamlNotStreamable('the document does not start with a section name');
    if (section.mode === 'value') {
      section.valueLines.push(text);
      return;
    }
    const item = ITEM.exec(text);
    if (section.mode === 'open') {
      if (!item) {
        // Not a list (a mapping under the key, say): parsed whole as the section's value.
        section.mode = 'value';
        section.valueLines.push(text);
        return;
      }
      section.mode = 'list';
      section.itemIndent = item[1]!.length;
    }
    if (text[0] === '-' && section.itemIndent > 0) throw new YamlStreamError('expected a section name and a colon at the start of the line', lineNo);
    if (item && item[1]!.length === section.itemIndent) {
      if (section.batchStarts >= BATCH_ITEMS || section.batchChars >= BATCH_CHARS) flushBatch(section);
      if (section.batchStarts === 0) section.batchLine = lineNo;
      section.batchStarts += 1;
    } else if (section.batchStarts === 0) {
      throw new YamlStreamError('expected a list item ("- ")', lineNo);
    }
    section.batch.push(text);
    section.batchChars += text.length;
  };

  for await (const chunk of chunks) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const l of lines) line(l);
  }
  if (rest !== '') line(rest);
  if (!seenAny) throw new YamlNotStreamable('no section found');
  closeSection();
}

function unquote(key: string): string {
  if (key.startsWith('"')) return JSON.parse(key) as string;
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}
