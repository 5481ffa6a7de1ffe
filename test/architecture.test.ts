import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or requires. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return found;
}

const bare = (spec: string) => !spec.startsWith('.') && !spec.startsWith('node:');

describe('architecture: the core stays platform-free', () => {
  it('domain/ imports nothing but zod (and itself)', () => {
    const files = sources('domain');
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      for (const spec of imports(f)) {
        const ok = spec === 'zod' || (spec.startsWith('.') && !/\.\.\/\.\.\/(adapters|bot|dialogs|cards)/.test(spec) && !/^\.\.\/(adapters|bot|dialogs|cards)/.test(spec));
        if (!ok) throw new Error(`${relative(ROOT, f)} imports "${spec}"; domain/ may import only zod`);
      }
      expect(imports(f).some((s) => s.startsWith('node:'))).toBe(false);
    }
  });

  it.each(['cards', 'dialogs'])('%s/ never imports Slack, MongoDB, the embedded store or an HTTP server', (dir) => {
    const forbidden = /^(@slack\/|mongoose|mongodb|@seald-io\/nedb|express)/;
    for (const f of sources(dir)) {
      for (const spec of imports(f)) {
        if (forbidden.test(spec) || /adapters\//.test(spec)) throw new Error(`${relative(ROOT, f)} imports "${spec}"`);
      }
    }
  });

  it('cards/ does not import botbuilder either (cards are plain Adaptive Card JSON)', () => {
    for (const f of sources('cards')) {
      for (const spec of imports(f)) {
        if (bare(spec) && /^botbuilder/.test(spec)) throw new Error(`${relative(ROOT, f)} imports "${spec}"`);
      }
    }
  });
});
