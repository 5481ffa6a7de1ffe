import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const ROOT = join(REPO, 'adapters', 'teams');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const importsOf = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'([^']+)'/g)].map((m) => m[1]!);

describe('adapters/teams boundary', () => {
  const files = sources(ROOT).map((f) => ({ f: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));

  it('depends on the domain, botbuilder and Node only: not on bot/, dialogs/, cards/, another adapter, Slack or the HTTP server', () => {
    const allowed = (p: string) => p === 'botbuilder' || p.startsWith('node:') || p === '../../domain' || /^\.\/[a-z-.]+$/.test(p);
    const bad = files.flatMap(({ f, text }) => importsOf(text).filter((p) => !allowed(p)).map((p) => `${f}: ${p}`));
    expect(bad).toEqual([]);
  });

  it('reads no environment variables (settings come in through TeamsSettings)', () => {
    expect(files.filter(({ text }) => text.includes('process.env')).map(({ f }) => f)).toEqual([]);
  });

  it('the shared bot stays platform-neutral: it never imports the Teams adapter', () => {
    const bot = readFileSync(join(REPO, 'bot', 'partner-link.bot.ts'), 'utf8');
    expect(importsOf(bot).filter((p) => /adapters\/teams|teams\.mount/.test(p))).toEqual([]);
  });
});
