import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { DirectoryParser, parseDirectory, type DirectoryData, type DirectoryIssue, type DirectorySection } from '../domain';
import type { ProgressReport } from './file-progress';
import { JsonStreamError, readJsonSections, type SectionEvent } from './json-sections';
import { readYamlSections, YamlNotStreamable, YamlStreamError } from './yaml-sections';

export type DirectoryFileResult = { ok: true; data: DirectoryData } | { ok: false; errors: string[] };

/** One line a problem: file, record, field and reason, so a person can fix the file in one pass. */
export function formatIssue(file: string, i: DirectoryIssue): string {
  const where = i.section === '(file)' ? file : `${file}: ${i.section}[${i.index}] (${i.record})`;
  return `${where}: ${i.field ? `${i.field}: ` : ''}${i.reason}`;
}

export interface ReadDirectoryOptions {
  /** Told the bytes read so far and the file's size, as the file is read. */
  progress?: ProgressReport;
  /** Bytes read at a time (tests use small ones to cut records across chunks). */
  chunkSize?: number;
}

type SectionReader = (chunks: AsyncIterable<string>, onEvent: (event: SectionEvent) => void) => Promise<void>;

/**
 * Reads and validates a directory file (YAML, or JSON, which YAML also reads). Never throws for bad input.
 * Issue 19: the file is streamed, each record validated as it is read and only the validated record kept,
 * so memory holds the directory once (not the text, the parsed file and the directory). A YAML file laid
 * out in a way the streaming reader does not cut up is parsed whole, as before.
 */
export async function readDirectoryFile(file: string, options: ReadDirectoryOptions = {}): Promise<DirectoryFileResult> {
  const json = extname(file).toLowerCase() === '.json';
  try {
    return await readStreamed(file, json ? readJsonSections : readYamlSections, options);
  } catch (e) {
    if (e instanceof JsonStreamError) return { ok: false, errors: [`${file}: not valid JSON: ${e.message}`] };
    if (e instanceof YamlStreamError) return { ok: false, errors: [`${file}: line ${e.line}: not valid YAML: ${e.reason}`] };
    if (!(e instanceof YamlNotStreamable)) return cannotRead(file, e);
  }
  return readYamlWhole(file, options);
}

function cannotRead(file: string, e: unknown): DirectoryFileResult {
  const code = (e as NodeJS.ErrnoException).code;
  return { ok: false, errors: [`${file}: cannot read the file (${code ?? String(e)}); check the path.`] };
}

async function readStreamed(file: string, read: SectionReader, options: ReadDirectoryOptions): Promise<DirectoryFileResult> {
  const total = (await stat(file)).size;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: options.chunkSize ?? 1 << 20 });
  const parser = new DirectoryParser();
  let section: DirectorySection | undefined;
  let notObject = false;
  try {
    await read(progressOf(stream, total, options.progress), (event) => {
      if (event.kind === 'not-an-object') notObject = true;
      else if (event.kind === 'section') section = parser.section(event.key);
      else if (event.kind === 'item') {
        if (section) parser.add(section, event.index, event.value);
      } else if (section) parser.notAList(section, event.value);
    });
  } finally {
    stream.destroy();
  }
  const parsed = notObject ? parser.notAnObject() : parser.finish();
  return parsed.ok ? parsed : { ok: false, errors: parsed.issues.map((i) => formatIssue(file, i)) };
}

/** The YAML file parsed whole (layouts the streaming reader leaves alone; these files are small in practice). */
async function readYamlWhole(file: string, options: ReadDirectoryOptions): Promise<DirectoryFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return cannotRead(file, e);
  }
  options.progress?.(text.length, text.length);
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.map((e) => `${file}: line ${e.linePos?.[0]?.line ?? '?'}: not valid YAML: ${e.message.split('\n')[0]}`) };
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    // An alias with no anchor before it, or too many aliases (yaml's guard against alias bombs).
    return { ok: false, errors: [`${file}: not valid YAML: ${(e as Error).message}`] };
  }
  const parsed = parseDirectory(raw);
  return parsed.ok ? parsed : { ok: false, errors: parsed.issues.map((i) => formatIssue(file, i)) };
}

/** The stream's chunks, reporting the bytes read after each. */
async function* progressOf(stream: AsyncIterable<string | Buffer> & { bytesRead: number }, total: number, progress: ProgressReport | undefined): AsyncGenerator<string> {
  for await (const chunk of stream) {
    progress?.(stream.bytesRead, total);
    yield String(chunk);
  }
}
