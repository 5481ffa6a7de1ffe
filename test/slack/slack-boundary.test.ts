import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What adapters/slack may import (not bot/, dialogs/, cards/ or another adapter; the only home of @slack/*)
// is checked over the module graph by .dependency-cruiser.cjs and test/architecture.test.ts.
const ROOT = join(__dirname, '..', '..', 'adapters', 'slack');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('adapters/slack boundary', () => {
  const files = sources(ROOT).map((f) => ({ f: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));

  it('reads no environment variables (configuration comes in through options)', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter(({ text }) => text.includes('process.env')).map(({ f }) => f)).toEqual([]);
  });
});
