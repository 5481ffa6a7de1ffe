import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { INTENT_NAMES } from '../../app/ports';
import { loadOrganizationNames, runNluCommand } from '../../bot/commands/nlu.command';

async function run(args: string[], stdinText = '') {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => {
    const s = new PassThrough();
    s.on('data', (chunk: Buffer) => add(chunk.toString('utf8')));
    return s;
  };
  const code = await runNluCommand(args, {
    stdin: Readable.from([stdinText]),
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-link-nlu-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('partner-link nlu "<text>"', () => {
  it('prints one JSON object with text, locale, intent, score, entities and the two best intents', async () => {
    const { code, stdout } = await run(['コントソ・ディストリビューション・ジャパンと連携したい。パートナーIDは1234567です']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!);
    expect(Object.keys(r)).toEqual(['text', 'locale', 'intent', 'score', 'entities', 'ranked']);
    // Issue 18: the classifier's two best intents with their scores (one when NLP.js drops a zero score).
    expect(r.ranked[0]).toMatchObject({ intent: 'link_distributor' });
    expect(r).toMatchObject({ locale: 'ja', intent: 'link_distributor' });
    // The organization comes from directory/sample-directory.yaml.
    expect(r.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'organization', value: 'contoso-distribution-jp' }),
        expect.objectContaining({ type: 'partner_id', value: '1234567' }),
      ]),
    );
  }, 60000);

  it('joins unquoted words and honours --locale', async () => {
    const r = JSON.parse((await run(['--locale', 'ja', 'help', 'me'])).stdout);
    expect(r).toMatchObject({ text: 'help me', locale: 'ja' });
  });

  it('--directory <file> that gives no organizations: a warning, and recognition still works', async () => {
    const { code, stdout, stderr } = await run(['--directory', join(dir, 'absent.yaml'), 'hello']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).intent).toBe('greeting');
    expect(stderr).toMatch(/No organizations read from .*absent\.yaml/);
  });

  it('--directory none: no organizations', async () => {
    const r = JSON.parse((await run(['--directory', 'none', 'link us with Contoso Distribution Japan'])).stdout);
    expect(r.entities.filter((e: { type: string }) => e.type === 'organization')).toEqual([]);
  });
});

describe('partner-link nlu (standard input)', () => {
  it('prints one JSON object per non-blank line', async () => {
    const { code, stdout } = await run([], 'hello\n\n   \n申請をキャンセルしたい\nwhat is the weather\n');
    expect(code).toBe(0);
    const results = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => [r.text, r.intent])).toEqual([
      ['hello', 'greeting'],
      ['申請をキャンセルしたい', 'cancel_request'],
      ['what is the weather', 'none'],
    ]);
  });
});

describe('partner-link nlu --eval', () => {
  const good = [
    '{"text":"hi there","intent":"greeting"}',
    '{"text":"cancel my request please","intent":"cancel_request"}',
    '{"text":"申請の状況を知りたい","intent":"request_status","locale":"ja"}',
    '{"text":"order a pizza","intent":"none"}',
  ].join('\n');

  it('prints accuracy and a per-intent table', async () => {
    const file = join(dir, 'good.jsonl');
    await writeFile(file, `${good}\n`);
    const { code, stdout } = await run(['--eval', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${file}: 4/4 correct, accuracy 100.0%`);
    expect(stdout).toMatch(/intent\s+support\s+predicted\s+precision\s+recall/);
    expect(stdout).toMatch(/cancel_request\s+1\s+1\s+100\.0%\s+100\.0%/);
  });

  it('--json prints the report as one JSON object', async () => {
    const file = join(dir, 'good2.jsonl');
    await writeFile(file, good);
    const { code, stdout } = await run(['--eval', file, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ total: 4, correct: 4, accuracy: 1, byLocale: { ja: { total: 1 } } });
    expect(report.intents).toHaveLength(INTENT_NAMES.length); // every intent, also those with no line here
  });

  it('--min-accuracy fails the run when the set scores lower', async () => {
    const file = join(dir, 'wrong.jsonl');
    await writeFile(file, '{"text":"hello","intent":"cancel_request"}\n{"text":"hi","intent":"greeting"}\n');
    const { code, stderr } = await run(['--eval', file, '--min-accuracy', '0.9']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Accuracy 0\.500 is below --min-accuracy 0\.9/);
  });

  it('a missing file: exit 1 and a message naming it', async () => {
    const { code, stdout, stderr } = await run(['--eval', join(dir, 'nope.jsonl')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/nope\.jsonl: cannot read the file \(ENOENT\)/);
  });

  it('a bad line: exit 1 and the line number', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, `${good}\n{"text": "oops", "intent": "smalltalk"}\n`);
    const { code, stderr } = await run(['--eval', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:5: "intent" must be one of the intent names, got "smalltalk"`);
    expect(stderr).toMatch(/1 bad line\(s\); nothing was evaluated/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['--eval'])).code).toBe(2);
    expect((await run(['--locale', 'fr', 'hi'])).code).toBe(2);
    expect((await run(['--bogus'])).stderr).toMatch(/Unknown option --bogus/);
    expect((await run(['--help'])).stdout).toMatch(/Usage:/);
  });
});

describe('loadOrganizationNames', () => {
  it('reads id, name and nameJa from the sample directory', async () => {
    const orgs = await loadOrganizationNames();
    expect(orgs).toEqual(expect.arrayContaining([{ id: 'contoso-distribution-jp', names: ['Contoso Distribution Japan', 'コントソ・ディストリビューション・ジャパン'] }]));
    expect(orgs.length).toBeGreaterThan(5);
  });

  it('skips incomplete entries and returns nothing for a missing or malformed file', async () => {
    const file = join(dir, 'dir.yaml');
    await writeFile(file, 'organizations:\n  - id: a\n    name: Alpha KK\n  - name: No Id\n  - id: b\n  - id: c\n    nameJa: シーシー\n');
    expect(await loadOrganizationNames(file)).toEqual([{ id: 'a', names: ['Alpha KK'] }, { id: 'c', names: ['シーシー'] }]);
    expect(await loadOrganizationNames(join(dir, 'missing.yaml'))).toEqual([]);
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'organizations: [\n');
    expect(await loadOrganizationNames(broken)).toEqual([]);
  });
});
