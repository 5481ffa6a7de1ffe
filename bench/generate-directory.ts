/**
 * `npm run bench:directory -- <S|M|L> [seed] [out.json]`: writes a generated directory (issue 19) that
 * `partner-link seed <file> --dry-run` validates and `partner-link seed <file>` imports.
 */
import { writeFileSync } from 'node:fs';
import { DIRECTORY_SIZES, generateDirectory, type DirectorySize } from './lib/generate-directory';

function main(argv: string[]): number {
  const [size, seedText = '1', out = `directory-${argv[0] ?? 'S'}.json`] = argv;
  if (!size || !(size in DIRECTORY_SIZES)) {
    process.stderr.write('Usage: generate-directory <S|M|L> [seed] [out.json]\n');
    return 2;
  }
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`The seed must be an integer, not "${seedText}".\n`);
    return 2;
  }
  const started = Date.now();
  const data = generateDirectory(size as DirectorySize, seed);
  writeFileSync(out, JSON.stringify(data));
  process.stdout.write(
    `${out}: ${data.organizations.length} organizations, ${data.people.length} people, ${data.links.length} links, ` +
      `${data.relationships.length} relationships, ${data.subscriptions.length} subscriptions (seed ${seed}, ${Date.now() - started} ms)\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
