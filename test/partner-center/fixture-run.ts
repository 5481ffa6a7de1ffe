/**
 * `npm run sync:fixtures`: the Partner Center commands from a clean clone, with no Partner Center account
 * and no network. In this one process, nock answers Partner Center and Microsoft login with the
 * documented fixtures (fixtures/SOURCES.md says where each shape comes from); then the real command line
 * runs, as `npx partner-link …` would: `seed` (a small directory file), `partner-center login` (the
 * device-code sign-in; its token cache is stored encrypted), `sync --dry-run` and `sync`, in a new
 * DATA_DIR (embedded store). Each command's output is printed as it is. Exits 1 when a command fails or
 * when a fixture answer was not asked for (the run did not read everything it should).
 *
 * `-- --keep` keeps the data folder (its path is printed) to look at the store afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { main } from '../../bot/cli';
import { PC_LOGIN_ENV, nockClientCredentials, nockDeviceCodeLogin } from './ms-login';
import { PC_BASE, PC_ORIGIN } from './pc-fixtures';
import { answerFullRun, directoryFile } from './sync-answers';

export async function fixtureRun(io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, keep = false): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-pc-fixtures-'));
  const saved = { ...process.env };
  // The embedded store in a folder of its own, whatever the shell sets (never a real store or account).
  const { MONGODB_URI: _uri, MONGODB_DB: _db, ...rest } = process.env;
  process.env = { ...rest, ...PC_LOGIN_ENV, DATA_DIR: join(dir, 'data'), PARTNER_CENTER_API_URL: PC_BASE, SEED_DIRECTORY: 'none', LOG_LEVEL: 'warn' };
  nock.disableNetConnect();
  const say = (line: string) => io.stdout.write(`\n$ ${line}\n`);
  try {
    const file = join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify(directoryFile(), null, 2));
    say('partner-link seed directory.json');
    if ((await main(['seed', file], io)) !== 0) return 1;
    say('partner-link partner-center login');
    nockDeviceCodeLogin();
    if ((await main(['partner-center', 'login'], io)) !== 0) return 1;
    nockClientCredentials().persist();
    for (const args of [['sync', '--dry-run'], ['sync']]) {
      say(`partner-link ${args.join(' ')}`);
      answerFullRun();
      if ((await main(args, io)) !== 0) return 1;
      const unasked = nock.pendingMocks().filter((m) => m.includes(PC_ORIGIN));
      if (unasked.length) {
        io.stderr.write(`Partner Center answers not asked for: ${unasked.join(', ')}\n`);
        return 1;
      }
    }
    io.stdout.write(`\nAll commands ran against the fixtures.${keep ? ` Data folder: ${join(dir, 'data')}` : ''}\n`);
    return 0;
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
    process.env = saved;
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  fixtureRun(undefined, process.argv.includes('--keep')).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
