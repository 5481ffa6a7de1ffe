/**
 * Issue 19: a JSON directory file read as a stream. The file is one object whose values are (normally)
 * lists; each list item is handed over as soon as its closing character is read, parsed on its own, so
 * the file's text is never held whole. Only the top level is streamed: an item (one organization, one
 * person...) is small and goes through JSON.parse. Each chunk is worked through synchronously, so a
 * million items cost no more awaits than the file has chunks.
 */

export type SectionEvent =
  /** A top-level key; its items (or its one value) follow. */
  | { kind: 'section'; key: string }
  | { kind: 'item'; index: number; value: unknown }
  /** A top-level value that is not a list. */
  | { kind: 'value'; value: unknown }
  /** The file does not begin with an object (nothing more is read). */
  | { kind: 'not-an-object' };

/** The file is not valid JSON (or not one object at the top); `offset` counts characters from the start. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at position ${offset}`);
    this.name = 'JsonStreamError';
  }
}

/** Consumed text is dropped from the buffer once this much of it has piled up. */
const KEEP_AT_MOST = 1 << 20;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Where the parser is: what it expects next. */
type State = 'start' | 'first-key' | 'key' | 'colon' | 'section-value' | 'first-item' | 'item' | 'after-item' | 'after-section' | 'end' | 'not-an-object';

/**
 * Reads the chunks, calling `onEvent` for each section, item and non-list value in file order. Throws
 * JsonStreamError for text that is not one JSON object.
 */
export async function readJsonSections(chunks: AsyncIterable<string>, onEvent: (event: SectionEvent) => void): Promise<void> {
  let buf = '';
  let pos = 0;
  let base = 0;
  let state = 'start' as State;
  let index = 0;
  const fail = (message: string): never => {
    throw new JsonStreamError(message, base + pos);
  };
  /** The next value, parsed, when the buffer holds all of it (a literal at the buffer's end only when `last`). */
  const value = (last: boolean): { ok: true; value: unknown } | { ok: false } => {
    const end = valueEnd(buf, pos);
    if (end < 0 || (end === buf.length && !last && !'"}]'.includes(buf[end - 1]!))) return { ok: false };
    let parsed: unknown;
    try {
      parsed = JSON.parse(buf.slice(pos, end));
    } catch (e) {
      fail(`not valid JSON (${(e as Error).message})`);
    }
    pos = end;
    return { ok: true, value: parsed };
  };
  /** Works through the buffer as far as it goes; false when it needs more text. */
  const step = (last: boolean): boolean => {
    for (;;) {
      if (state === 'not-an-object') return true;
      while (pos < buf.length && WHITESPACE.has(buf[pos]!)) pos += 1;
      if (pos >= buf.length) return false;
      const c = buf[pos]!;
      switch (state) {
        case 'start':
          if (c !== '{') {
            onEvent({ kind: 'not-an-object' });
            state = 'not-an-object';
            return true;
          }
          pos += 1;
          state = 'first-key';
          break;
        case 'first-key':
        case 'key': {
          if (state === 'first-key' && c === '}') {
            pos += 1;
            state = 'end';
            break;
          }
          if (c !== '"') fail('expected a section name in quotes');
          const key = value(last);
          if (!key.ok) return false;
          onEvent({ kind: 'section', key: key.value as string });
          state = 'colon';
          break;
        }
        case 'colon':
          if (c !== ':') fail('expected a colon after the section name');
          pos += 1;
          state = 'section-value';
          break;
        case 'section-value': {
          if (c === '[') {
            pos += 1;
            index = 0;
            state = 'first-item';
            break;
          }
          const v = value(last);
          if (!v.ok) return false;
          onEvent({ kind: 'value', value: v.value });
          state = 'after-section';
          break;
        }
        case 'first-item':
        case 'item': {
          if (state === 'first-item' && c === ']') {
            pos += 1;
            state = 'after-section';
            break;
          }
          const v = value(last);
          if (!v.ok) return false;
          onEvent({ kind: 'item', index: index++, value: v.value });
          state = 'after-item';
          break;
        }
        case 'after-item':
          if (c === ']') state = 'after-section';
          else if (c === ',') state = 'item';
          else fail('expected a comma or ] after a list item');
          pos += 1;
          break;
        case 'after-section':
          if (c === '}') state = 'end';
          else if (c === ',') state = 'key';
          else fail('expected a comma or } after a section');
          pos += 1;
          break;
        case 'end':
          fail('unexpected text after the object');
      }
    }
  };
  for await (const chunk of chunks) {
    if (pos > KEEP_AT_MOST) {
      buf = buf.slice(pos);
      base += pos;
      pos = 0;
    }
    buf += chunk;
    step(false);
    if (state === 'not-an-object') return;
  }
  step(true);
  if (state !== 'end' && state !== 'not-an-object') {
    const open = pos < buf.length ? ` (the value from position ${base + pos} is not closed)` : '';
    pos = buf.length;
    fail(`unexpected end of the file${open}`);
  }
}

/**
 * Where the JSON value starting at `from` ends (one past its last character), or -1 when the buffer ends
 * first. Strings, objects and arrays are scanned for their closing character (strings and escapes
 * respected); anything else runs to the next delimiter. Whether it is valid is JSON.parse's to say.
 */
function valueEnd(s: string, from: number): number {
  const first = s[from];
  if (first === undefined) return -1;
  if (first === '"') return stringEnd(s, from);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let at = from; at < s.length; at += 1) {
      const c = s[at];
      if (c === '"') {
        const end = stringEnd(s, at);
        if (end < 0) return -1;
        at = end - 1;
      } else if (c === '{' || c === '[') depth += 1;
      else if (c === '}' || c === ']') {
        depth -= 1;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  }
  let at = from;
  while (at < s.length && !',]}'.includes(s[at]!) && !WHITESPACE.has(s[at]!)) at += 1;
  return at;
}

function stringEnd(s: string, from: number): number {
  for (let at = from + 1; at < s.length; at += 1) {
    const c = s[at];
    if (c === '\\') at += 1;
    else if (c === '"') return at + 1;
  }
  return -1;
}
