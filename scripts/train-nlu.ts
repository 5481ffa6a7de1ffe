/**
 * Build step: trains the intent model from nlu/train.en.yaml and nlu/train.ja.yaml and writes
 * dist/nlu/model.json (or the path given with --out). Run after tsc: `node dist/scripts/train-nlu.js`.
 */
import { resolve } from 'node:path';
import { defaultModelPath, trainAndWriteModel } from '../adapters/nlpjs';

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--out');
  const out = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]!) : defaultModelPath();
  const report = await trainAndWriteModel(out);
  for (const w of report.warnings) process.stderr.write(`train-nlu: warning: ${w}\n`);
  process.stdout.write(`NLU model: ${report.examples} utterances, ${Math.round(report.bytes / 1024)} KiB, trained in ${report.millis} ms -> ${report.file}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`train-nlu failed: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
