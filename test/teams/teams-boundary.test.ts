import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What adapters/teams may import is a dependency rule (.dependency-cruiser.cjs, test/architecture.test.ts).
const ROOT = join(__dirname, '..', '..', 'adapters', 'teams');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('adapters/teams boundary', () => {
  const files = sources(ROOT).map((f) => ({ f: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));

  it('reads no environment variables (settings come in through TeamsSettings)', () => {
    expect(files.filter(({ text }) => text.includes('process.env')).map(({ f }) => f)).toEqual([]);
  });
});
