import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { parseDirectory, type DirectoryData, type DirectoryIssue } from '../domain';

export type DirectoryFileResult = { ok: true; data: DirectoryData } | { ok: false; errors: string[] };

/** One line a problem: file, record, field and reason, so a person can fix the file in one pass. */
export function formatIssue(file: string, i: DirectoryIssue): string {
  const where = i.section === '(file)' ? file : `${file}: ${i.section}[${i.index}] (${i.record})`;
  return `${where}: ${i.field ? `${i.field}: ` : ''}${i.reason}`;
}

/** Reads and validates a directory file (YAML, or JSON, which YAML also reads). Never throws for bad input. */
export async function readDirectoryFile(file: string): Promise<DirectoryFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [`${file}: cannot read the file (${code ?? String(e)}); check the path.`] };
  }
  const ext = extname(file).toLowerCase();
  let raw: unknown;
  if (ext === '.json') {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { ok: false, errors: [`${file}: not valid JSON: ${(e as Error).message}`] };
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length) {
      return { ok: false, errors: doc.errors.map((e) => `${file}: line ${e.linePos?.[0]?.line ?? '?'}: not valid YAML: ${e.message.split('\n')[0]}`) };
    }
    raw = doc.toJS();
  }
  const parsed = parseDirectory(raw);
  return parsed.ok ? parsed : { ok: false, errors: parsed.issues.map((i) => formatIssue(file, i)) };
}
