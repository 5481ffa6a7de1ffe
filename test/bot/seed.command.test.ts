import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { EmbeddedStore } from '../../adapters/embedded';
import { openStore } from '../../adapters/open-store';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { main } from '../../bot/cli';
import { SAMPLE_DIRECTORY_PATH } from '../support/sample-directory';

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return { io: { stdin: new PassThrough(), stdout: out, stderr: err }, text: () => ({ stdout, stderr }) };
}

describe('partner-link seed', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-seed-'));
    process.env = { ...saved, DATA_DIR: join(dir, 'data') };
    delete process.env.MONGODB_URI;
  });
  afterEach(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  async function orgCount() {
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      return (await store.directory.listOrganizations()).length;
    } finally {
      await store.close();
    }
  }

  it('imports the sample directory, and importing it again changes nothing', async () => {
    const first = capture();
    expect(await main(['seed', SAMPLE_DIRECTORY_PATH], first.io)).toBe(0);
    expect(first.text().stdout).toMatch(/Imported 19 organizations, 17 people, 3 links, 3 relationships, 6 subscriptions/);
    // Not a terminal: plain progress lines on stderr, ending with every record (19 + 17 + 3 + 3 + 6).
    expect(first.text().stderr).toMatch(/^import: \d+% \(19 of 48 records, now organizations\)/m);
    const lines = first.text().stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('import:')).at(-1)).toMatch(/^import: 100% \(48 of 48 records, now subscriptions\) after \d+\.\d s$/);
    // Issue 19: then the recognizer's organization-name index is built and saved beside the directory.
    expect(lines.at(-1)).toMatch(/^Organization names indexed for the recognizer in \d+\.\d s\.$/);
    expect(await orgCount()).toBe(19);
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      expect((await (store as EmbeddedStore).organizationIndex.savedOrganizationIndex()).bytes?.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    const again = capture();
    expect(await main(['seed', SAMPLE_DIRECTORY_PATH], again.io)).toBe(0);
    expect(await orgCount()).toBe(19);
  });

  it('lists every bad record (file, record, field, reason) and imports nothing', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'organizations:',
        '  - { id: good-org, kind: customer, name: Good, tenantId: 0a1b2c3d-4e5f-4067-9182-93a4b5c6d7e8, country: JP }',
        '  - { id: bad-partner, kind: indirect_reseller, name: Bad, partnerId: "12AB", tenantId: not-a-guid, country: JP }',
        'people:',
        '  - { id: someone, orgId: nowhere, name: Someone, roles: [admin] }',
      ].join('\n'),
    );
    const c = capture();
    expect(await main(['seed', file], c.io)).toBe(1);
    const { stderr } = c.text();
    expect(stderr).toContain(`${file}: organizations[1] (bad-partner): partnerId: A PartnerID is digits only`);
    expect(stderr).toContain(`${file}: organizations[1] (bad-partner): tenantId: A tenant ID is a GUID`);
    expect(stderr).toContain(`${file}: people[0] (someone): orgId: No organization "nowhere" in this file.`);
    expect(stderr).toMatch(/3 problem\(s\) found; nothing was imported/);
    expect(await orgCount()).toBe(0); // the good record was not imported either
  });

  it('says where a YAML syntax error is', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'organizations:\n  - id: x\n    name: [unclosed\n');
    const c = capture();
    expect(await main(['seed', file], c.io)).toBe(1);
    expect(c.text().stderr).toMatch(/broken\.yaml: line \d+: not valid YAML/);
  });

  it('streams a JSON file with progress lines, and a bad record at its very end means nothing is imported (issue 19)', async () => {
    const data = generateDirectory('S', 5);
    const last = data.subscriptions.length - 1;
    const file = join(dir, 'late-error.json');
    // Every record is good except the last subscription's customer, which is not in the file.
    writeFileSync(file, JSON.stringify({ ...data, subscriptions: data.subscriptions.map((s, i) => (i === last ? { ...s, customerId: 'nobody' } : s)) }));
    const c = capture();
    expect(await main(['seed', file], c.io)).toBe(1);
    const { stderr } = c.text();
    expect(stderr).toContain(`${file}: subscriptions[${last}] (${data.subscriptions[last]!.id}): customerId: "nobody" is not a customer in this file.`);
    expect(stderr).toMatch(new RegExp(`^Reading ${file}: 100% \\(0\\.\\d of 0\\.\\d MB\\)$`, 'm'));
    expect(stderr).not.toMatch(/^import:/m);
    expect(await orgCount()).toBe(0);
  });

  it('explains a missing file and a missing argument', async () => {
    const missing = capture();
    expect(await main(['seed', join(dir, 'nope.yaml')], missing.io)).toBe(1);
    expect(missing.text().stderr).toMatch(/cannot read the file \(ENOENT\); check the path/);
    const usage = capture();
    expect(await main(['seed'], usage.io)).toBe(2);
    expect(usage.text().stderr).toContain('Usage: partner-link seed');
  });

  it('--dry-run validates without writing', async () => {
    const c = capture();
    expect(await main(['seed', SAMPLE_DIRECTORY_PATH, '--dry-run'], c.io)).toBe(0);
    expect(c.text().stdout).toMatch(/is valid: 19 organizations/);
    expect(await orgCount()).toBe(0);
  });
});
