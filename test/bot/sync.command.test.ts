import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { openStore } from '../../adapters/open-store';
import { main } from '../../bot/cli';
import { runPartnerCenterCommand } from '../../bot/commands/partner-center.command';
import { runSyncCommand } from '../../bot/commands/sync.command';
import { PC_LOGIN_ENV, USER_ACCESS, nockClientCredentials, nockDeviceCodeLogin } from '../partner-center/ms-login';
import { PC_BASE, PC_ORIGIN, replyWith } from '../partner-center/pc-fixtures';
import { answerFullRun, directoryFile } from '../partner-center/sync-answers';

/**
 * `partner-link sync` end to end from a clean data folder: the directory file seeded, the admin signed
 * in (device code against nocked Microsoft login), then the command against the Partner Center
 * fixtures, with real tokens from the stored, encrypted cache.
 */
function capture(tty = false) {
  const out = new PassThrough();
  const err = new PassThrough();
  if (tty) Object.assign(out, { isTTY: true });
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return { io: { stdin: new PassThrough(), stdout: out, stderr: err }, text: () => ({ stdout, stderr }) };
}

describe('partner-link sync', () => {
  let dir: string;
  const saved = { ...process.env };
  let env: NodeJS.ProcessEnv;
  let appToken: nock.Scope;
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-sync-cli-'));
    env = { ...saved, ...PC_LOGIN_ENV, DATA_DIR: join(dir, 'data'), PARTNER_CENTER_API_URL: PC_BASE, SEED_DIRECTORY: 'none' };
    delete env.MONGODB_URI;
    process.env = env;
    const file = join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify(directoryFile()));
    expect(await main(['seed', file], capture().io)).toBe(0);
    nockDeviceCodeLogin();
    const login = capture();
    expect(await runPartnerCenterCommand(['login'], login.io, env)).toBe(0);
    // App-only calls (customers, subscriptions) get a client-credentials token; MSAL may keep it between runs.
    appToken = nockClientCredentials().persist();
  });
  afterEach(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
    const pending = nock.pendingMocks().filter((m) => m.includes(PC_ORIGIN));
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  async function directory() {
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      const orgs = await store.directory.listOrganizations();
      return { orgs, links: await store.directory.listLinks({}), subscriptions: await Promise.all(orgs.map((o) => store.directory.listSubscriptions(o.id))) };
    } finally {
      await store.close();
    }
  }

  it('--dry-run prints what would change and writes nothing; sync writes it; a second sync changes nothing', async () => {
    const before = await directory();
    answerFullRun();
    const dry = capture();
    expect(await main(['sync', '--dry-run'], dry.io)).toBe(0);
    const out = dry.text().stdout;
    expect(dry.text().stderr).toBe('');
    expect(out).toContain('dry run: nothing is written');
    expect(out).toMatch(/customers +2 added, 1 updated, 0 marked inactive \(would be\)/);
    expect(out).toMatch(/indirect resellers +2 added, 0 updated, 0 marked inactive/);
    expect(out).toMatch(/subscriptions +4 added/);
    expect(out).toContain('1 record(s) not taken');
    // Not a terminal: plain progress lines, no bar.
    expect(out).toContain('reading your indirect resellers\nreading your customers\n');
    expect(out).not.toContain('customers: 0');
    expect(out).not.toContain('\r');
    expect(out).not.toContain(USER_ACCESS);
    expect(await directory()).toEqual(before);

    answerFullRun();
    const real = capture();
    expect(await main(['sync'], real.io)).toBe(0);
    expect(real.text().stdout).toMatch(/Done: 3 customers read/);
    expect(real.text().stdout).toMatch(/customers +2 added, 1 updated, 0 marked inactive\n/);
    const after = await directory();
    expect(after.orgs.map((o) => o.id)).toEqual(['adatum', 'contoso-jp', 'fabrikam-kk-45c44870', 'file-customer', 'first-up-consultants-484e548c', 'local-reseller', 'northwind-traders-7f4c1a2b', 'relecloud-b01b1487']);

    answerFullRun();
    const again = capture();
    expect(await main(['sync'], again.io)).toBe(0);
    for (const label of ['your organization', 'indirect resellers', 'reseller links', 'customers', 'relationships', 'subscriptions']) {
      expect(again.text().stdout).toMatch(new RegExp(`${label} +0 added, 0 updated, 0 marked inactive`));
    }
    expect(await directory()).toEqual(after);
    // Real tokens from MSAL: the app-only one was fetched by client credentials (the user's came from the stored cache).
    expect(appToken.isDone()).toBe(true);
  });

  it('draws a progress bar on a terminal', async () => {
    answerFullRun();
    const t = capture(true);
    const { CI: _ci, ...notCi } = env;
    expect(await runSyncCommand(['--dry-run'], t.io, notCi)).toBe(0);
    const redraw = '\r\u001b[2K';
    const lines = t.text().stdout.split(redraw);
    expect(lines.length).toBeGreaterThan(4); // redrawn in place
    expect(lines).toContainEqual(expect.stringMatching(/^\[#+\.*\] 2\/2\+ customers$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[#{30}\] 3\/3 customers$/));
  });

  it('MFA missing (401, 900421): tells the admin to run partner-link partner-center login; nothing written', async () => {
    const before = await directory();
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'mfa-required-401');
    const t = capture();
    expect(await main(['sync'], t.io)).toBe(1);
    expect(t.text().stderr).toContain('Run `partner-link partner-center login` as an Admin agent');
    expect(t.text().stderr).toContain('multi-factor authentication');
    expect(t.text().stderr).not.toContain(USER_ACCESS);
    expect(await directory()).toEqual(before);
  });

  it('refuses unknown arguments with the usage', async () => {
    const t = capture();
    expect(await main(['sync', '--force'], t.io)).toBe(2);
    expect(t.text().stderr).toContain('Usage: partner-link sync [--dry-run]');
  });
});
