import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../adapters/nlpjs/training-data';
import type { OrganizationNames } from '../../dialogs/recognition';

/** The sample directory at the project root, whose organizations the `nlu` command recognizes by name. */
export function defaultDirectoryFile(): string {
  return join(projectRoot(), 'directory', 'sample-directory.yaml');
}

/**
 * Organization names for the recognizer from a directory file: each organization's `id` with its `name`
 * and, when present, `nameJa`. A missing or unreadable file gives no names (the recognizer then finds no
 * organizations); entries without an id or a name are skipped. Only these fields are read, so a file that
 * the full directory validation would reject for other reasons still lends its names.
 */
export async function loadOrganizationNames(file: string = defaultDirectoryFile()): Promise<OrganizationNames[]> {
  let doc: unknown;
  try {
    doc = parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
  const orgs = (doc as { organizations?: unknown } | null)?.organizations;
  if (!Array.isArray(orgs)) return [];
  return orgs.flatMap((o: unknown): OrganizationNames[] => {
    if (!o || typeof o !== 'object') return [];
    const { id, name, nameJa } = o as Record<string, unknown>;
    const names = [name, nameJa].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
    return typeof id === 'string' && names.length ? [{ id, names }] : [];
  });
}
