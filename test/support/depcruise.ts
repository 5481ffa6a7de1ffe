import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const CONFIG = join(REPO, '.dependency-cruiser.cjs');
/** What `npm run depcruise` cruises: the product folders, app/ included once it exists. */
export const PRODUCT_ROOTS = ['{domain,cards,app,dialogs,adapters,bot}/**/*.ts'];

export interface Violation {
  rule: string;
  from: string;
  to: string;
  cycle?: string[];
}

export interface CruiseResult {
  dir: string;
  /** Every module in the graph, relative to `dir` (sources, packages and builtins). */
  modules: string[];
  violations: Violation[];
}

/**
 * Cruises each tree with the project's configuration, in one child process for all of them, and
 * returns the names of the configured rules with one result per tree
 * (see depcruise-runner.mjs for why it is a child process at all).
 */
export function cruiseTrees(dirs: string[]): { rules: string[]; results: CruiseResult[] } {
  const run = spawnSync(process.execPath, [join(__dirname, 'depcruise-runner.mjs')], {
    input: JSON.stringify({ config: CONFIG, roots: PRODUCT_ROOTS, dirs }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`dependency-cruiser failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as { rules: string[]; results: CruiseResult[] };
}

/** One line per violation, for a readable failure message. */
export const describeViolation = (v: Violation) =>
  `${v.rule}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle: ${[v.from, ...v.cycle].join(' -> ')})` : ''}`;

/** The npm packages the throw-away trees may import: empty stand-ins, so that they resolve as in the repository. */
const STAND_IN_PACKAGES = [
  'zod',
  'botbuilder',
  'botbuilder-dialogs',
  '@slack/bolt',
  '@slack/web-api',
  'mongoose',
  'mongodb',
  '@seald-io/nedb',
  'express',
];

/**
 * Writes a small tree under `dir`: the given files (path -> source) plus a tsconfig.json and stand-in packages
 * under node_modules/, laid out like the repository so that the same configuration applies.
 */
export function writeTree(dir: string, files: Record<string, string>): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true } }));
  for (const name of STAND_IN_PACKAGES) {
    write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '0.0.0', main: 'index.js', types: 'index.d.ts' }));
    write(`node_modules/${name}/index.js`, 'module.exports = {};\n');
    write(`node_modules/${name}/index.d.ts`, 'export type Anything = unknown;\nexport declare const value: unknown;\nexport default value;\n');
  }
  for (const [path, text] of Object.entries(files)) write(path, text);
}
