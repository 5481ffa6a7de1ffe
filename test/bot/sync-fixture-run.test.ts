import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Issue 17, done when: `partner-link sync --dry-run` and `partner-link sync` work against the fixtures
 * from a clean clone. This runs what a developer runs (`npm run sync:fixtures`) in a process of its own:
 * seed, the device-code login, the dry run, then the sync, each through the real command line.
 */
describe('npm run sync:fixtures', () => {
  it('seeds, signs in, dry-runs and syncs against the Partner Center fixtures, each command succeeding', () => {
    const root = join(__dirname, '..', '..');
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    delete env.MONGODB_URI;
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'test', 'partner-center', 'fixture-run.ts')], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    // The import reports its progress on stderr (issue 19), then that the name index was saved; nothing else may be there.
    expect(run.stderr.split('\n').filter((l) => l !== '' && !/^(import: \d+% |Reading .+: \d+% |Organization names indexed for the recognizer in \d+\.\d s\.$)/.test(l))).toEqual([]);
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Signed in to Partner Center as admin@adatumdist.onmicrosoft.com');
    expect(out).toContain('Partner Center sync, dry run: nothing is written.');
    expect(out).toMatch(/customers +2 added, 1 updated, 0 marked inactive \(would be\)/);
    expect(out).toMatch(/Done: 3 customers read\.\n {2}your organization/);
    expect(out).toMatch(/subscriptions +4 added, 0 updated, 0 marked inactive\n/);
    expect(out).toContain('All commands ran against the fixtures.');
    // No token in what the developer sees.
    expect(out).not.toMatch(/eyJ0eXAi|refresh-token-secret/);
  });
});
