import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrTrainClassifier, MODEL_FORMAT, parseTrainingYaml, trainAndWriteModel } from '../../adapters/nlpjs';

// A tiny training set keeps these tests fast; the real data is covered by data.test.ts and accuracy.test.ts.
const EN = 'greeting:\n  - hello\n  - good morning\nhelp:\n  - what can you do\n  - help me please\n';
const JA = 'greeting:\n  - こんにちは\n  - おはようございます\nhelp:\n  - 使い方を教えて\n  - ヘルプを見せて\n';

let dir: string;
let trainingDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-link-nlu-'));
  trainingDir = join(dir, 'nlu');
  await writeTraining(trainingDir, EN, JA);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function writeTraining(where: string, en: string, ja: string) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(where, { recursive: true });
  await writeFile(join(where, 'train.en.yaml'), en);
  await writeFile(join(where, 'train.ja.yaml'), ja);
}

describe('trainAndWriteModel (the build step)', () => {
  it('writes a model file that records its format and the hash of its training data', async () => {
    const file = join(dir, 'out', 'model.json');
    const report = await trainAndWriteModel(file, trainingDir);
    expect(report).toMatchObject({ file, examples: 8, warnings: [] });
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({ format: MODEL_FORMAT, examples: 8 });
    expect(saved.trainingHash).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('loadOrTrainClassifier', () => {
  it('loads the saved model when it matches the training data, and it classifies like the trained one', async () => {
    const file = join(dir, 'saved', 'model.json');
    await trainAndWriteModel(file, trainingDir);
    const loaded = await loadOrTrainClassifier({ modelPath: file, trainingDir });
    expect(loaded.source).toBe('file');
    expect(loaded.reason).toBeUndefined();
    const trained = await loadOrTrainClassifier({ modelPath: join(dir, 'missing.json'), trainingDir });
    expect(trained.source).toBe('trained');
    for (const [locale, text] of [['en', 'hello there'], ['ja', '使い方を教えてください']] as const) {
      expect(await loaded.classifier.classify(locale, text)).toEqual(await trained.classifier.classify(locale, text));
    }
  });

  it('trains in memory when the model file is missing, and says why', async () => {
    const r = await loadOrTrainClassifier({ modelPath: join(dir, 'nothing-here.json'), trainingDir });
    expect(r).toMatchObject({ source: 'trained' });
    expect(r.reason).toMatch(/no model file/);
    expect((await r.classifier.classify('en', 'good morning'))[0]?.intent).toBe('greeting');
  });

  it('trains when the model file is not valid JSON or not our format', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    expect((await loadOrTrainClassifier({ modelPath: bad, trainingDir })).reason).toMatch(/not valid JSON/);
    const other = join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ format: 'something-else' }));
    expect((await loadOrTrainClassifier({ modelPath: other, trainingDir })).reason).toMatch(/not a partner-link-nlu/);
  });

  it('trains when the training files changed since the model was saved (stale model)', async () => {
    const file = join(dir, 'stale', 'model.json');
    await trainAndWriteModel(file, trainingDir);
    const edited = join(dir, 'edited');
    await writeTraining(edited, `${EN}  - hi there\n`, JA);
    const r = await loadOrTrainClassifier({ modelPath: file, trainingDir: edited });
    expect(r.source).toBe('trained');
    expect(r.reason).toMatch(/other data/);
  });

  it('uses the saved model alone when no training files are shipped', async () => {
    const file = join(dir, 'shipped', 'model.json');
    await trainAndWriteModel(file, trainingDir);
    const r = await loadOrTrainClassifier({ modelPath: file, trainingDir: join(dir, 'no-such-dir') });
    expect(r.source).toBe('file');
  });

  it('fails clearly with neither a model nor training data', async () => {
    await expect(loadOrTrainClassifier({ modelPath: join(dir, 'none.json'), trainingDir: join(dir, 'none') })).rejects.toThrow(/no training data/);
  });

  it('caches per model path: the second call returns the same classifier without work', async () => {
    const options = { modelPath: join(dir, 'cached.json'), trainingDir };
    const first = await loadOrTrainClassifier(options);
    expect(await loadOrTrainClassifier(options)).toBe(first);
  });
});

describe('parseTrainingYaml', () => {
  it('reads intent -> utterances', () => {
    expect(parseTrainingYaml('help:\n  - help me\n', 'en', 'f.yaml')).toEqual([{ locale: 'en', intent: 'help', text: 'help me' }]);
  });

  it.each([
    ['- just a list\n', /expected a map/],
    ['smalltalk:\n  - hi\n', /unknown intent "smalltalk"/],
    ['help: help me\n', /help: expected a list/],
    ['help:\n  - 12345\n', /help\[0\]: expected a non-empty string/],
  ])('rejects %j', (yaml, message) => {
    expect(() => parseTrainingYaml(yaml, 'en', 'f.yaml')).toThrow(message);
  });
});
