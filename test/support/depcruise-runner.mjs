// Runs dependency-cruiser's API over one or more trees and prints the violations as JSON on stdout.
// It is a separate ES module because dependency-cruiser ships only an `import` entry point, which Jest's
// CommonJS module system cannot load; test/support/depcruise.ts starts it once for all trees.
//
// stdin:  { "config": "/abs/.dependency-cruiser.cjs", "roots": ["{domain,...}/**/*.ts"], "dirs": ["/abs/tree", ...] }
// stdout: { "rules": [names], "results": [{ "dir", "modules": ["domain/x.ts", ...], "violations": [{ "rule", "from", "to", "cycle" }] }, ...] }
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const job = JSON.parse(readFileSync(0, 'utf8'));
const options = await extractDepcruiseOptions(job.config);
const results = [];
for (const dir of job.dirs) {
  // Paths in the rules are relative to the tree's root, as when `npm run depcruise` runs there.
  process.chdir(dir);
  const tsConfig = extractTSConfig(join(dir, options.tsConfig?.fileName ?? 'tsconfig.json'));
  const { output } = await cruise(job.roots, structuredClone(options), undefined, { tsConfig });
  results.push({
    dir,
    modules: output.modules.map((m) => m.source),
    violations: output.summary.violations.map((v) => ({
      rule: v.rule.name,
      from: v.from,
      to: v.to,
      cycle: v.cycle?.map((c) => c.name),
    })),
  });
}
process.stdout.write(JSON.stringify({ rules: options.ruleSet.forbidden.map((r) => r.name), results }));
