import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', 'adapters', 'slack');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('adapters/slack boundary', () => {
  const files = sources(ROOT).map((f) => ({ f: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));

  it('depends on the domain and libraries only: not on bot/, dialogs/, cards/ or another adapter', () => {
    const bad = files.flatMap(({ f, text }) =>
      [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!).filter((p) => /^(\.\.\/)+(bot|dialogs|cards|adapters\/(?!slack)|embedded|mongo|teams|nlpjs)\b/.test(p)).map((p) => `${f}: ${p}`),
    );
    expect(bad).toEqual([]);
  });

  it('reads no environment variables (configuration comes in through options)', () => {
    expect(files.filter(({ text }) => text.includes('process.env')).map(({ f }) => f)).toEqual([]);
  });
});
