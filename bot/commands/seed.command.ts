import { loadConfig } from '../config';
import { readDirectoryFile } from '../directory-file';
import { fileProgress } from '../file-progress';
import { organizationIndexOf } from '../organization-index';
import { openConfiguredStore } from '../runtime';
import type { CommandIo } from './command-io';
import { importProgressWriter } from './import-progress';

const USAGE = 'Usage: partner-link seed <directory-file.yaml|json> [--dry-run]';

/**
 * Imports a directory file into the configured store. The whole file is validated first: if any record
 * is bad, every problem is listed and nothing is written. Importing the same file again changes nothing.
 */
export async function runSeedCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = files[0]!;
  // Issue 19: a big file takes seconds to read; say how far it is (stderr, so stdout stays the summary).
  const reading = fileProgress(io.stderr, `Reading ${file}`);
  const result = await readDirectoryFile(file, { progress: reading.report });
  reading.end();
  if (!result.ok) {
    io.stderr.write(`${result.errors.join('\n')}\n${result.errors.length} problem(s) found; nothing was imported. Fix the file and run the command again.\n`);
    return 1;
  }
  const d = result.data;
  const summary = `${d.organizations.length} organizations, ${d.people.length} people, ${d.links.length} links, ${d.relationships.length} relationships, ${d.subscriptions.length} subscriptions`;
  if (dryRun) {
    io.stdout.write(`${file} is valid: ${summary}. Nothing was written (--dry-run).\n`);
    return 0;
  }
  const config = loadConfig(env);
  const store = await openConfiguredStore(config);
  try {
    const progress = importProgressWriter(io.stderr);
    try {
      await store.directory.importDirectory(d, { onProgress: progress.onProgress });
    } finally {
      progress.end();
    }
    // Issue 19: the recognizer's name index is built now and saved beside the directory (both stores), so
    // that `npm start` and the running instances read it back instead of building it (seconds at L).
    const t0 = performance.now();
    await organizationIndexOf(store);
    io.stderr.write(`Organization names indexed for the recognizer in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
    io.stdout.write(`Imported ${summary} from ${file} into the ${store.kind} store at ${store.location}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
