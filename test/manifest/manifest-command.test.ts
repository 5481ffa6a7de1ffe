import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { ConfigError } from '../../bot/config';
import { runManifestCommand } from '../../bot/commands/manifest.command';
import { teamsValidator } from './teams-schema-validator';

const ROOT = join(__dirname, '..', '..');
const APP_ID = '3f2b9c1e-8d47-4a6b-b0e5-91c7d2a4f86e';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://partnerlink.example.com' };

/** Runs the command with captured output. */
async function run(args: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await runManifestCommand(args, { stdin: new PassThrough(), stdout, stderr }, env);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'partner-link-manifest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('partner-link manifest teams', () => {
  it('writes a zip with the filled manifest, ja.json and both icons at its root', async () => {
    const zipPath = join(dir, 'out', 'teams-app.zip');
    const result = await run(['teams', '--out', zipPath], ENV);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(zipPath);

    const files = unzipSync(readFileSync(zipPath));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'ja.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      id: APP_ID,
      bots: [{ botId: APP_ID }],
      validDomains: ['partnerlink.example.com'],
      developer: { websiteUrl: 'https://partnerlink.example.com/' },
    });
    expect(teamsValidator(String(manifest.manifestVersion), 'MicrosoftTeams.schema.json')(manifest).errors).toEqual([]);
    for (const name of ['ja.json', 'color.png', 'outline.png']) {
      expect(Buffer.from(files[name]!).equals(readFileSync(join(ROOT, 'manifest', 'teams', name)))).toBe(true);
    }
  });

  it('without MicrosoftAppId: says what to set, exits non-zero, writes nothing', async () => {
    const zipPath = join(dir, 'teams-app.zip');
    const result = await run(['teams', '--out', zipPath], { PUBLIC_URL: ENV.PUBLIC_URL });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/set MicrosoftAppId \(the bot's Azure app registration ID/i);
    expect(result.stderr).toContain('Nothing was written');
    expect(existsSync(zipPath)).toBe(false);
  });

  it('without PUBLIC_URL, or with an http one: says what to set, writes nothing', async () => {
    const zipPath = join(dir, 'teams-app.zip');
    const missing = await run(['teams', '--out', zipPath], { MicrosoftAppId: APP_ID });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/PUBLIC_URL is not set\. Set PUBLIC_URL to the bot's public HTTPS address/);
    const http = await run(['teams', '--out', zipPath], { ...ENV, PUBLIC_URL: 'http://localhost:3978' });
    expect(http.code).toBe(1);
    expect(http.stderr).toContain('PUBLIC_URL must start with https://');
    expect(existsSync(zipPath)).toBe(false);
  });

  it('a MicrosoftAppId that is not a GUID is a configuration error naming the variable', async () => {
    await expect(run(['teams', '--out', join(dir, 'x.zip')], { ...ENV, MicrosoftAppId: 'my-bot' })).rejects.toThrow(ConfigError);
  });

  it.each([[[]], [['tems']], [['teams', 'extra']], [['teams', '--socket-mode']], [['slack', '--bogus']]])(
    'usage error for %j',
    async (args) => {
      const result = await run(args, ENV);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: partner-link manifest teams');
    },
  );
});

describe('partner-link manifest slack', () => {
  it('prints the filled manifest when no --out is given', async () => {
    const result = await run(['slack'], ENV);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const manifest = parse(result.stdout) as { settings: { interactivity: { request_url: string }; socket_mode_enabled: boolean } };
    expect(manifest.settings.interactivity.request_url).toBe('https://partnerlink.example.com/slack/events');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(result.stdout).not.toContain('{{');
  });

  it('writes it to --out', async () => {
    const file = join(dir, 'slack-manifest.yml');
    const result = await run(['slack', '--out', file], ENV);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(file);
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ features: { slash_commands: [{ command: '/partner' }] } });
  });

  it('needs PUBLIC_URL, except in Socket Mode', async () => {
    const file = join(dir, 'slack-manifest.yml');
    const missing = await run(['slack', '--out', file], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('PUBLIC_URL is not set');
    expect(missing.stderr).toContain('--socket-mode');
    expect(existsSync(file)).toBe(false);

    const socket = await run(['slack', '--socket-mode'], {});
    expect(socket.code).toBe(0);
    expect(parse(socket.stdout)).toMatchObject({ settings: { socket_mode_enabled: true } });
  });
});
