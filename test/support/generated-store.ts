import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { generateDirectory, type DirectorySize } from '../../bench/lib/generate-directory';
import { parseDirectory, type DirectoryData } from '../../domain';
import { loadSampleDirectory } from './sample-directory';

/** A generated directory (bench/lib/generate-directory.ts, issue 19), parsed like `partner-link seed` does. */
export function generatedDirectory(size: DirectorySize, seed = 7): DirectoryData {
  const parsed = parseDirectory(generateDirectory(size, seed));
  if (!parsed.ok) throw new Error(`generated directory is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.data;
}

/**
 * Issue 19: an embedded store's DATA_DIR holding the sample directory (its people speak in the
 * transcripts) and a generated directory beside it (thousands of partners in the same countries), for
 * a harness to open. The generated IDs (dist-N, reseller-N, customer-N) never meet the sample's.
 */
export async function seededDataDir(size: DirectorySize, seed = 7): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), `pl-${size}-`));
  const store = await openStore({ dataDir });
  await store.directory.importDirectory(loadSampleDirectory());
  await store.directory.importDirectory(generatedDirectory(size, seed));
  await store.close();
  return dataDir;
}
