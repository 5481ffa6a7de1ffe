import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseDirectory, type DirectoryData, type Organization, type Person } from '../../domain';

export const SAMPLE_DIRECTORY_PATH = join(__dirname, '..', '..', 'directory', 'sample-directory.yaml');

/** The shipped sample directory, parsed and validated (fails loudly if the sample itself is broken). */
export function loadSampleDirectory(): DirectoryData {
  const parsed = parseDirectory(parse(readFileSync(SAMPLE_DIRECTORY_PATH, 'utf8')));
  if (!parsed.ok) throw new Error(`sample directory is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}

export function sampleLookup(data: DirectoryData = loadSampleDirectory()) {
  const org = (id: string): Organization => {
    const o = data.organizations.find((x) => x.id === id);
    if (!o) throw new Error(`no org ${id} in sample`);
    return o;
  };
  const person = (id: string): Person => {
    const p = data.people.find((x) => x.id === id);
    if (!p) throw new Error(`no person ${id} in sample`);
    return p;
  };
  const subscription = (idSuffix: string) => {
    const s = data.subscriptions.find((x) => x.id.endsWith(idSuffix));
    if (!s) throw new Error(`no subscription *${idSuffix} in sample`);
    return s;
  };
  return { data, org, person, subscription };
}
