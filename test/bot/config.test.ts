import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ConfigSchema, loadConfig } from '../../bot/config';

describe('configuration', () => {
  it('defaults run locally: port 3978, embedded store under ./data, the sample directory, 90-day expiry', () => {
    const c = loadConfig({}, '/srv/pl');
    expect(c.PORT).toBe(3978);
    expect(c.dataDir).toBe('/srv/pl/data');
    expect(c.MONGODB_URI).toBeUndefined();
    expect(c.seedDirectory).toBe('/srv/pl/directory/sample-directory.yaml');
    expect(c.policy).toMatchObject({ singlePartnerClouds: [], closedClouds: ['germany'], requestExpiryDays: 90 });
  });

  it('Slack acknowledgement journal: under DATA_DIR by default, a folder of its own if set, none with a budget of 0', () => {
    expect(loadConfig({}, '/srv/pl')).toMatchObject({ SLACK_ACK_BUDGET_MS: 25, slackAckJournalDir: '/srv/pl/data/slack-ack-journal' });
    expect(loadConfig({ SLACK_ACK_JOURNAL_DIR: '/var/lib/pl/journal' }, '/srv/pl').slackAckJournalDir).toBe('/var/lib/pl/journal');
    expect(loadConfig({ SLACK_ACK_BUDGET_MS: '0' }, '/srv/pl').slackAckJournalDir).toBeUndefined();
    expect(() => loadConfig({ SLACK_ACK_BUDGET_MS: '5000' })).toThrow(/SLACK_ACK_BUDGET_MS/);
    expect(loadConfig({}).SLACK_MAX_TURNS_IN_FLIGHT).toBe(16);
    expect(() => loadConfig({ SLACK_MAX_TURNS_IN_FLIGHT: '0' })).toThrow(/SLACK_MAX_TURNS_IN_FLIGHT/);
  });

  it('issue 15: reminder days and the schedule interval, with their defaults (3, 7, 300 s) and bounds', () => {
    const d = loadConfig({});
    expect(d.policy).toMatchObject({ reminderAfterDays: 3, reminderEveryDays: 7 });
    expect(d.REQUEST_SCHEDULE_EVERY_SECONDS).toBe(300);
    const c = loadConfig({ REMINDER_AFTER_DAYS: '2', REMINDER_EVERY_DAYS: '5', REQUEST_SCHEDULE_EVERY_SECONDS: '60' });
    expect(c.policy).toMatchObject({ reminderAfterDays: 2, reminderEveryDays: 5 });
    expect(c.REQUEST_SCHEDULE_EVERY_SECONDS).toBe(60);
    expect(() => loadConfig({ REMINDER_AFTER_DAYS: '0' })).toThrow(/REMINDER_AFTER_DAYS/);
    expect(() => loadConfig({ REMINDER_EVERY_DAYS: 'weekly' })).toThrow(/REMINDER_EVERY_DAYS/);
    expect(() => loadConfig({ REQUEST_SCHEDULE_EVERY_SECONDS: '1' })).toThrow(/REQUEST_SCHEDULE_EVERY_SECONDS/);
  });

  it('reads the national-cloud policy and seeding switch', () => {
    const c = loadConfig({ NATIONAL_CLOUD_SINGLE_PARTNER: 'us_government, china_21vianet', CLOSED_CLOUDS: '', SEED_DIRECTORY: 'none' });
    expect(c.policy.singlePartnerClouds).toEqual(['us_government', 'china_21vianet']);
    expect(c.policy.closedClouds).toEqual(['germany']); // empty means unset: the default stays
    expect(c.seedDirectory).toBeUndefined();
  });

  it('fails fast naming every bad variable and what it got', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', NATIONAL_CLOUD_SINGLE_PARTNER: 'mars' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const msg = (error as Error).message;
    expect(msg).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(msg).toMatch(/MONGODB_URI: must start with mongodb:\/\//);
    expect(msg).toMatch(/NATIONAL_CLOUD_SINGLE_PARTNER: .*\(got "mars"\)/);
    expect(msg).toContain('.env.example');
  });

  it('.env.example documents every variable the configuration reads', () => {
    const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Za-z][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    for (const key of Object.keys(ConfigSchema.shape)) expect(documented).toContain(key);
  });
});
