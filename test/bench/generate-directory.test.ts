import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { readDirectoryFile } from '../../bot/directory-file';

// Issue 19: the generated directories are valid directory files (what `partner-link seed --dry-run`
// checks) and the same size and seed always give the same directory.
const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('generated directories (issue 19)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-generated-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['S', 'M'] as const)('%s is a valid directory file, with the sizes the issue names', async (size) => {
    const data = generateDirectory(size, 7);
    const file = join(dir, `${size}.json`);
    writeFileSync(file, JSON.stringify(data));
    const read = await readDirectoryFile(file);
    if (!read.ok) throw new Error(read.errors.slice(0, 5).join('\n'));
    const kinds = (k: string) => read.data.organizations.filter((o) => o.kind === k).length;
    expect([kinds('indirect_provider'), kinds('indirect_reseller'), kinds('customer')]).toEqual(size === 'S' ? [2, 20, 80] : [20, 2000, 8000]);
    expect(read.data.people).toHaveLength(read.data.organizations.length);
    // A link joins a reseller with an authorized distributor of its own country and cloud.
    const byId = new Map(read.data.organizations.map((o) => [o.id, o]));
    for (const l of read.data.links) {
      const p = byId.get(l.providerId)!;
      const r = byId.get(l.resellerId)!;
      expect([p.kind, r.kind, p.country, p.cloud]).toEqual(['indirect_provider', 'indirect_reseller', r.country, r.cloud]);
    }
    expect(read.data.links.length).toBeGreaterThan(0);
    expect(read.data.subscriptions.some((s) => s.channel !== 'csp_partner')).toBe(true);
  });

  it('is deterministic: the same seed gives the same directory, another seed another', () => {
    expect(hash(generateDirectory('M', 42))).toBe(hash(generateDirectory('M', 42)));
    expect(hash(generateDirectory('S', 42))).not.toBe(hash(generateDirectory('S', 43)));
  });
});
