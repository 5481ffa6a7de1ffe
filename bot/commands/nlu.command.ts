import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createRecognizer } from '../recognizer';
import { evaluateRecognizer, formatEvalReport, isLocale, parseEvalSet, type Locale, type Recognizer } from '../../dialogs/recognition';
import type { CommandIo } from './command-io';
import { loadOrganizationNames } from './nlu-organizations';

export { loadOrganizationNames, defaultDirectoryFile } from './nlu-organizations';

const USAGE = `Usage:
  partner-link nlu "<text>" [--locale en|ja]       recognize one utterance, print JSON
  partner-link nlu [--locale en|ja] < lines.txt    recognize one utterance per line of standard input
  partner-link nlu --eval <file.jsonl> [--json] [--min-accuracy 0.85]
                                                   accuracy, precision and recall on a labelled set
Options: --directory <file|none>  organizations to recognize by name (default: directory/sample-directory.yaml)
`;

interface NluArgs {
  text?: string;
  evalFile?: string;
  json: boolean;
  locale?: Locale;
  directory?: string;
  minAccuracy?: number;
}

function parseArgs(args: string[]): NluArgs | string {
  const out: NluArgs = { json: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === '--json') out.json = true;
    else if (a === '--eval') out.evalFile = value();
    else if (a === '--directory') out.directory = value();
    else if (a === '--locale') {
      const l = value();
      if (!isLocale(l)) return `--locale must be en or ja, got ${l ?? 'nothing'}`;
      out.locale = l;
    } else if (a === '--min-accuracy') {
      const n = Number(value());
      if (!(n >= 0 && n <= 1)) return '--min-accuracy must be a number from 0 to 1, such as 0.85';
      out.minAccuracy = n;
    } else if (a.startsWith('--')) return `Unknown option ${a}`;
    else words.push(a);
  }
  if (args.includes('--eval') && !out.evalFile) return '--eval needs a file: --eval nlu/eval.jsonl';
  if (words.length) out.text = words.join(' ');
  return out;
}

async function runEval(recognizer: Recognizer, opts: NluArgs & { evalFile: string }, io: CommandIo): Promise<number> {
  let content: string;
  try {
    content = await readFile(opts.evalFile, 'utf8');
  } catch (e) {
    io.stderr.write(`${opts.evalFile}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the path.\n`);
    return 1;
  }
  const parsed = parseEvalSet(content, opts.evalFile);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.errors.join('\n')}\n${parsed.errors.length} bad line(s); nothing was evaluated. Fix the file and run the command again.\n`);
    return 1;
  }
  const report = await evaluateRecognizer(recognizer, parsed.examples);
  io.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatEvalReport(report, opts.evalFile));
  if (opts.minAccuracy !== undefined && report.accuracy < opts.minAccuracy) {
    io.stderr.write(`Accuracy ${report.accuracy.toFixed(3)} is below --min-accuracy ${opts.minAccuracy}.\n`);
    return 1;
  }
  return 0;
}

/**
 * `partner-link nlu`: try the recognizer from a terminal. One text: one JSON object. No text: one JSON
 * object per line of standard input (blank lines skipped). `--eval`: a labelled JSONL set's scores.
 */
export async function runNluCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    io.stderr.write(`${opts}\n\n${USAGE}`);
    return 2;
  }
  const organizations = opts.directory === 'none' ? [] : await loadOrganizationNames(opts.directory);
  if (opts.directory && opts.directory !== 'none' && !organizations.length) {
    io.stderr.write(`No organizations read from ${opts.directory}; organization names will not be recognized.\n`);
  }
  const recognizer = await createRecognizer({ organizations });
  if (opts.evalFile) return runEval(recognizer, { ...opts, evalFile: opts.evalFile }, io);
  const recognizeOpts = opts.locale ? { locale: opts.locale } : {};
  if (opts.text !== undefined) {
    io.stdout.write(`${JSON.stringify(await recognizer.recognize(opts.text, recognizeOpts))}\n`);
    return 0;
  }
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    io.stdout.write(`${JSON.stringify(await recognizer.recognize(line.trim(), recognizeOpts))}\n`);
  }
  return 0;
}
