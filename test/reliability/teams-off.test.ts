import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotProcess, freePort } from './support/bot-process';

/** TEAMS=off: a Slack-only deployment starts in production without Teams credentials and serves no /api/messages. */
describe('TEAMS=off', () => {
  let dir: string;
  let bot: BotProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-teams-off-'));
    bot = new BotProcess(await freePort(), {
      NODE_ENV: 'production',
      TEAMS: 'off',
      LOG_LEVEL: 'info',
      DATA_DIR: dir,
      SLACK_SIGNING_SECRET: 'test-signing-secret-teams-off',
      SLACK_BOT_TOKEN: 'xoxb-test-teams-off',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    await bot.start();
  }, 90_000);
  afterAll(async () => {
    await bot.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts in production with no MicrosoftAppId; /api/messages is not there (404), Slack is', async () => {
    const teams = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'http://127.0.0.1:9/' }) });
    expect(teams.status).toBe(404);
    expect(await teams.json()).toEqual({ error: 'Not Found' });
    const slack = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(slack.status).toBe(401);
    expect(bot.log).toContain('Teams is off');
  });
});
