import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { isIntentName, type IntentName, type Locale } from '../../app/ports';

export interface TrainingExample {
  locale: Locale;
  intent: IntentName;
  text: string;
}

export interface TrainingData {
  examples: TrainingExample[];
  /** Hash of the training files: a saved model with another hash was trained on other data. */
  hash: string;
}

/** The training files as text, and their hash (cheap: no YAML parsing). */
export interface TrainingSource {
  texts: Record<Locale, { file: string; text: string }>;
  hash: string;
}

export const TRAINING_FILES: Readonly<Record<Locale, string>> = { en: 'train.en.yaml', ja: 'train.ja.yaml' };

/** Walks up from `from` to the first folder with a package.json: the project root, in source or in dist/. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
  return dir;
}

/** `nlu/` at the project root, where the training and evaluation files live. */
export function defaultTrainingDir(): string {
  return join(projectRoot(), 'nlu');
}

/**
 * Reads one training file: a YAML map from intent name to a list of utterances. Throws with the file and
 * the offending key or item when the shape is wrong, so a bad edit fails the build clearly.
 */
export function parseTrainingYaml(text: string, locale: Locale, file: string): TrainingExample[] {
  const doc: unknown = parse(text);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${file}: expected a map of intent -> list of utterances`);
  const examples: TrainingExample[] = [];
  for (const [intent, list] of Object.entries(doc as Record<string, unknown>)) {
    if (!isIntentName(intent)) throw new Error(`${file}: unknown intent "${intent}"`);
    if (!Array.isArray(list)) throw new Error(`${file}: ${intent}: expected a list of utterances`);
    list.forEach((item, i) => {
      if (typeof item !== 'string' || !item.trim()) throw new Error(`${file}: ${intent}[${i}]: expected a non-empty string`);
      examples.push({ locale, intent, text: item.trim() });
    });
  }
  return examples;
}

/** Reads both training files from `dir` without parsing them. Rejects (ENOENT) when one is missing. */
export async function readTrainingSource(dir: string = defaultTrainingDir()): Promise<TrainingSource> {
  const h = createHash('sha256');
  const texts = {} as TrainingSource['texts'];
  for (const [locale, name] of Object.entries(TRAINING_FILES) as [Locale, string][]) {
    const file = join(dir, name);
    const text = await readFile(file, 'utf8');
    h.update(`${name}\n${text}\n`);
    texts[locale] = { file, text };
  }
  return { texts, hash: h.digest('hex').slice(0, 16) };
}

export function parseTrainingSource(source: TrainingSource): TrainingData {
  const examples = (Object.entries(source.texts) as [Locale, { file: string; text: string }][]).flatMap(([locale, { file, text }]) =>
    parseTrainingYaml(text, locale, file),
  );
  return { examples, hash: source.hash };
}

/** Reads and parses both training files from `dir`. */
export async function readTrainingData(dir: string = defaultTrainingDir()): Promise<TrainingData> {
  return parseTrainingSource(await readTrainingSource(dir));
}
