import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse, parseDocument, stringify } from 'yaml';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { readDirectoryFile } from '../../bot/directory-file';
import { fileProgress } from '../../bot/file-progress';
import { readJsonSections, type SectionEvent } from '../../bot/json-sections';
import { readYamlSections } from '../../bot/yaml-sections';
import { parseDirectory } from '../../domain';
import { SAMPLE_DIRECTORY_PATH } from '../support/sample-directory';

// Issue 19: directory files are read as a stream. Whatever the chunk size, the streamed read must give
// exactly what parsing the whole file gives (the reference below is the old whole-file path).
async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function events(read: typeof readJsonSections, text: string, size: number): Promise<SectionEvent[]> {
  const out: SectionEvent[] = [];
  await read(chunksOf(text, size), (e) => out.push(e));
  return out;
}

const wholeYaml = (text: string) => parseDirectory(parse(text));

describe('streamed directory files (issue 19)', () => {
  let dir: string;
  const sampleYaml = readFileSync(SAMPLE_DIRECTORY_PATH, 'utf8');
  // The generator's S directory (bench/lib/generate-directory.ts), as JSON and as block-style YAML.
  const generated = generateDirectory('S', 3);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-stream-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it.each([17, 4096])('JSON: cut into chunks of %i bytes, the same directory as JSON.parse', async (chunkSize) => {
    const text = JSON.stringify(generated, null, chunkSize === 17 ? 2 : undefined);
    const file = write(`s-${chunkSize}.json`, text);
    const streamed = await readDirectoryFile(file, { chunkSize });
    const whole = parseDirectory(JSON.parse(text));
    expect(streamed.ok && whole.ok).toBe(true);
    expect(streamed.ok && streamed.data).toEqual(whole.ok && whole.data);
    expect(streamed.ok && streamed.data.organizations).toHaveLength(102);
  });

  it.each([17, 4096])('YAML: the sample and the generated S, in chunks of %i bytes, the same as the whole-file parse', async (chunkSize) => {
    const sample = await readDirectoryFile(SAMPLE_DIRECTORY_PATH, { chunkSize });
    expect(sample).toEqual({ ok: true, data: (wholeYaml(sampleYaml) as { data: unknown }).data });
    const text = stringify(generated);
    const file = write(`s-${chunkSize}.yaml`, text);
    const streamed = await readDirectoryFile(file, { chunkSize });
    const whole = wholeYaml(text);
    expect(whole.ok).toBe(true);
    expect(streamed).toEqual(whole.ok && { ok: true, data: whole.data });
  });

  it('JSON: strings holding quotes, escapes, brackets and Japanese cut anywhere give the same values', async () => {
    const doc = { organizations: [{ name: 'a "quoted" }] name', note: 'back\\slash \\" ] {', ja: '株式会社さくら', n: 12.5, t: true, z: null }], people: [], links: 3 };
    const text = JSON.stringify(doc);
    const reference = await events(readJsonSections, text, text.length);
    expect(reference).toEqual([
      { kind: 'section', key: 'organizations' },
      { kind: 'item', index: 0, value: doc.organizations[0] },
      { kind: 'section', key: 'people' },
      { kind: 'section', key: 'links' },
      { kind: 'value', value: 3 },
    ]);
    for (let size = 1; size <= 12; size += 1) expect(await events(readJsonSections, text, size)).toEqual(reference);
  });

  it('YAML: comments, blank lines, block scalars, quoted keys, CRLF, lists at column 0 and indented', async () => {
    const text = [
      '# a directory',
      '---',
      'organizations:',
      '- id: a   # first',
      '  note: |',
      '    line one',
      '',
      '    line three',
      '',
      '# between items',
      '- { id: b, tags: [x, y] }',
      '"people":',
      '    - id: p',
      '      names:',
      '        - 佐藤',
      "'links': []",
      'relationships:',
      'subscriptions: [ { id: s1 },',
      '  { id: s2 } ]',
      '',
    ].join('\r\n');
    const reference = parse(text) as Record<string, unknown[]>;
    for (const size of [1, 3, 5, 16, 1000]) {
      const got = await events(readYamlSections, text, size);
      expect(got).toEqual([
        { kind: 'section', key: 'organizations' },
        { kind: 'item', index: 0, value: reference.organizations![0] },
        { kind: 'item', index: 1, value: reference.organizations![1] },
        { kind: 'section', key: 'people' },
        { kind: 'item', index: 0, value: reference.people![0] },
        { kind: 'section', key: 'links' },
        { kind: 'section', key: 'relationships' },
        { kind: 'value', value: null },
        { kind: 'section', key: 'subscriptions' },
        { kind: 'item', index: 0, value: { id: 's1' } },
        { kind: 'item', index: 1, value: { id: 's2' } },
      ]);
    }
    expect((reference.organizations![0] as { note: string }).note).toBe('line one\n\nline three\n');
  });

  it('YAML laid out otherwise (a flow mapping, an anchor used in a later batch, a list) is parsed whole, with the same result', async () => {
    const flow = write('flow.yaml', JSON.stringify(generated));
    expect(await readDirectoryFile(flow)).toEqual({ ok: true, data: (parseDirectory(generated) as { data: unknown }).data });
    // The 1st and the 551st of 600 resellers share one workloads array, so `yaml` writes it with an anchor
    // in the first and an alias in the other: more than a streamed batch (500 items) apart.
    const reseller = generated.organizations.find((o) => o.kind === 'indirect_reseller')! as Record<string, unknown> & { workloads: string[] };
    const many = Array.from({ length: 600 }, (_, i) => ({ ...reseller, workloads: [...reseller.workloads], id: `r-${i}`, tenantId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    many[550]!.workloads = many[0]!.workloads;
    const text = `organizations:\n${stringify(many)}`;
    expect(text.match(/workloads: \*a1$/gm)).toHaveLength(1);
    const file = write('alias.yaml', text);
    const whole = wholeYaml(text);
    expect(whole.ok).toBe(true);
    expect(await readDirectoryFile(file, { chunkSize: 1000 })).toEqual(whole.ok && { ok: true, data: whole.data });
    const list = write('list.yaml', '- id: a\n');
    expect(await readDirectoryFile(list)).toEqual({ ok: false, errors: [`${list}: The file must hold an object with the sections organizations, people, links, relationships, subscriptions.`] });
  });

  it('bad JSON: the error says where, in the file', async () => {
    const good = JSON.stringify(generated);
    const cut = write('cut.json', good.slice(0, 5000));
    expect(await readDirectoryFile(cut, { chunkSize: 64 })).toEqual({ ok: false, errors: [`${cut}: not valid JSON: unexpected end of the file (the value from position ${good.lastIndexOf('{', 5000)} is not closed) at position 5000`] });
    const at = good.indexOf('"kind"', 3000);
    const broken = write('broken.json', `${good.slice(0, at)}kind${good.slice(at + 6)}`);
    const result = await readDirectoryFile(broken, { chunkSize: 100 });
    expect(result.ok).toBe(false);
    // The record holding the bad key starts at its own `{`: the position given is that record's.
    const recordStart = good.lastIndexOf('{', at);
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(new RegExp(`^${broken}: not valid JSON: not valid JSON \\(.*\\) at position ${recordStart}$`))]);
    const trailing = write('trailing.json', `${good} x`);
    expect(await readDirectoryFile(trailing)).toEqual({ ok: false, errors: [`${trailing}: not valid JSON: unexpected text after the object at position ${good.length + 1}`] });
  });

  it('bad YAML: the error names the same line as the whole-file parse', async () => {
    const lines = stringify(generated).split('\n');
    const target = lines.findIndex((l, i) => i > 900 && l.startsWith('    name:'));
    lines[target] = '    name: [unclosed';
    const text = lines.join('\n');
    const file = write('broken.yaml', text);
    const wholeLine = parseDocument(text).errors[0]!.linePos![0]!.line;
    expect(wholeLine).toBeGreaterThan(900);
    const result = await readDirectoryFile(file, { chunkSize: 333 });
    expect(!result.ok && result.errors[0]).toMatch(new RegExp(`^${file}: line ${wholeLine}: not valid YAML: `));
    const twice = write('twice.yaml', 'people: []\norganizations: []\npeople: []\n');
    expect(await readDirectoryFile(twice)).toEqual({ ok: false, errors: [`${twice}: line 3: not valid YAML: Map keys must be unique ("people" is named twice)`] });
    const stray = write('stray.yaml', 'people:\n  - id: a\nnot a key\n');
    expect(await readDirectoryFile(stray)).toEqual({ ok: false, errors: [`${stray}: line 3: not valid YAML: expected a section name and a colon at the start of the line`] });
  });

  it('progress: a line per tenth off a terminal, a bar redrawn in place on one', async () => {
    const text = JSON.stringify(generated);
    const file = write('progress.json', text);
    const plain = Object.assign(new PassThrough(), { isTTY: false });
    let out = '';
    plain.on('data', (d) => (out += d));
    const p = fileProgress(plain, 'Reading x', () => 0);
    expect((await readDirectoryFile(file, { chunkSize: 1000, progress: p.report })).ok).toBe(true);
    p.end();
    const lines = out.trim().split('\n');
    expect(lines.map((l) => l.replace(/ \(.*\)$/, ''))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((n) => `Reading x: ${n}%`));
    expect(lines.at(-1)).toMatch(/^Reading x: 100% \(0\.\d of 0\.\d MB\)$/);

    const tty = Object.assign(new PassThrough(), { isTTY: true });
    let drawn = '';
    tty.on('data', (d) => (drawn += d));
    let t = 0;
    const bar = fileProgress(tty, 'Reading y', () => t);
    bar.report(10, 40); // drawn
    t = 50;
    bar.report(20, 40); // too soon after the last: skipped
    t = 200;
    bar.report(40, 40);
    bar.end();
    expect(drawn).toBe(`\rReading y [${'#'.repeat(8)}${'.'.repeat(22)}] 25% 0.0/0.0 MB\rReading y [${'#'.repeat(30)}] 100% 0.0/0.0 MB\n`);
  });
});
